import type { CallerIdentity } from "../../../ports/ToolHost.js"
import { maskThenCut } from "../../../domain/redaction.js"
import { stripInvisible } from "../../../domain/sanitize.js"

/**
 * A verified token's claims → the caller. The issuer signed them, but their text is the person's
 * (a name, an email they typed): it is bounded, stripped of control and invisible characters and
 * masked like any text the server logs, before it reaches an audit line or a trace.
 */

export const MAX_SUBJECT_CHARS = 256
export const MAX_NAME_CHARS = 128
export const MAX_SCOPES = 64
export const MAX_SCOPE_CHARS = 128

/** Control (C0/C1), format and lone-surrogate characters: none belongs in a name or an id. */
const CONTROL = /[\p{Cc}\p{Cf}\p{Cs}]/gu
/** RFC 6749 §3.3 scope-token characters: printable ASCII but space, `"` and `\`. */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/

/** Clean, masked, then cut; only a window of a huge value is read at all (4× the bound: the cut hides any straddling secret). */
export const claimText = (value: unknown, max: number): string | undefined => {
  if (typeof value !== "string") return undefined
  const window = value.length > max * 4 ? value.slice(0, max * 4) : value
  const cleaned = stripInvisible(window).replace(CONTROL, "").trim()
  if (cleaned.length === 0) return undefined
  return maskThenCut(cleaned, max, () => "…")
}

/**
 * The token's scopes: `scope` (space-separated, RFC 8693 / Cognito, Okta, Auth0) or `scp` (an array,
 * or a string: Entra ID, Okta). Only well-formed scope tokens count, and at most MAX_SCOPES of them.
 */
export const scopesOf = (claims: Readonly<Record<string, unknown>>): ReadonlyArray<string> => {
  const raw = claims["scope"] ?? claims["scp"]
  const list = typeof raw === "string" ? raw.split(" ") : Array.isArray(raw) ? raw : []
  const scopes: Array<string> = []
  for (const item of list) {
    if (scopes.length >= MAX_SCOPES) break
    if (typeof item === "string" && item.length <= MAX_SCOPE_CHARS && SCOPE_TOKEN.test(item) && !scopes.includes(item)) scopes.push(item)
  }
  return scopes
}

/** The OAuth client the token was issued to: `client_id` (RFC 9068, Cognito), else `azp` (OpenID Connect, Entra ID, Auth0), else `cid` (Okta). */
export const clientIdOf = (claims: Readonly<Record<string, unknown>>): string | undefined =>
  claimText(claims["client_id"], MAX_NAME_CHARS) ?? claimText(claims["azp"], MAX_NAME_CHARS) ?? claimText(claims["cid"], MAX_NAME_CHARS)

/** The caller a verified token names, or undefined when it names nobody (no usable `sub`). */
export const callerOf = (claims: Readonly<Record<string, unknown>>): CallerIdentity | undefined => {
  const subject = claimText(claims["sub"], MAX_SUBJECT_CHARS)
  if (subject === undefined) return undefined
  const email = claimText(claims["email"], MAX_NAME_CHARS)
  const username =
    claimText(claims["username"], MAX_NAME_CHARS) ??
    claimText(claims["preferred_username"], MAX_NAME_CHARS) ??
    claimText(claims["cognito:username"], MAX_NAME_CHARS)
  const clientId = clientIdOf(claims)
  return {
    subject,
    ...(email === undefined ? {} : { email }),
    ...(username === undefined ? {} : { username }),
    ...(clientId === undefined ? {} : { clientId }),
    scopes: scopesOf(claims)
  }
}
