import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from "jose"
import type { CallerIdentity } from "../../../ports/ToolHost.js"
import { callerOf } from "./claims.js"
import { cachedDiscovery } from "./discovery.js"
import { DEFAULT_CLOCK_TOLERANCE_SECONDS, type OAuthOptions } from "./options.js"

/**
 * Access tokens checked as RFC 9068 / the MCP authorization spec ask: a JWT signed by one of the
 * issuer's keys (its JWKS, cached by jose and fetched again, at most once per cooldown, when a token
 * names a key it does not know: key rotation), `iss` the issuer, `aud` this server's resource URI,
 * `exp` and `nbf` with a little clock skew, and an asymmetric algorithm only.
 */

/** Asymmetric only: never `none`, never HS* (a shared secret the server would hold). */
export const ALLOWED_ALGORITHMS: ReadonlyArray<string> = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
  "Ed25519"
]

/** Far above any real access token (a few KB): a longer one is refused before it is parsed. */
export const MAX_TOKEN_CHARS = 16 * 1024

export type TokenVerdict =
  | {
      readonly _tag: "Valid"
      readonly caller: CallerIdentity
      /** Seconds since the epoch. */
      readonly expiresAt: number | undefined
    }
  /** The token is not good for this server: 401 invalid_token. */
  | { readonly _tag: "Invalid"; readonly reason: string }
  /** The issuer's keys could not be had (discovery or JWKS down): no verdict on the token. */
  | { readonly _tag: "Unavailable"; readonly reason: string }

export type TokenVerifier = (token: string) => Promise<TokenVerdict>

/** The key-fetch failures: the identity provider's problem, not the token's. */
const UNAVAILABLE_CODES = new Set(["ERR_JWKS_TIMEOUT", "ERR_JWKS_INVALID", "ERR_JOSE_GENERIC"])

const reasonOf = (error: unknown): string => {
  const text = error instanceof Error ? error.message : String(error)
  const code = error instanceof errors.JOSEError ? `${error.code}: ` : ""
  return `${code}${text}`.slice(0, 300)
}

const audienceMatches = (aud: JWTPayload["aud"], audience: string): boolean =>
  typeof aud === "string" ? aud === audience : Array.isArray(aud) && aud.includes(audience)

export const makeTokenVerifier = (options: OAuthOptions): TokenVerifier => {
  const timeoutMs = options.fetchTimeoutMs ?? 5_000
  const jwksOptions = { cooldownDuration: options.jwksCooldownMs ?? 30_000, timeoutDuration: timeoutMs }
  const jwksUrl =
    options.jwksUrl !== undefined ? () => Promise.resolve(options.jwksUrl as string) : cachedDiscovery(options.issuer, timeoutMs)
  let keys: { readonly url: string; readonly set: ReturnType<typeof createRemoteJWKSet> } | undefined
  const audienceFree = new Set(options.audienceFreeClientIds ?? [])
  const clockTolerance = options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS

  return async (token) => {
    if (token.length > MAX_TOKEN_CHARS) return { _tag: "Invalid", reason: `the token is longer than ${MAX_TOKEN_CHARS} characters` }
    let url: string
    try {
      url = await jwksUrl()
    } catch (error) {
      return { _tag: "Unavailable", reason: reasonOf(error) }
    }
    if (keys?.url !== url) keys = { url, set: createRemoteJWKSet(new URL(url), jwksOptions) }
    let payload: JWTPayload
    try {
      ;({ payload } = await jwtVerify(token, keys.set, {
        issuer: options.issuer,
        algorithms: [...ALLOWED_ALGORITHMS],
        clockTolerance,
        requiredClaims: ["exp", "sub"]
      }))
    } catch (error) {
      const unavailable = !(error instanceof errors.JOSEError) || UNAVAILABLE_CODES.has(error.code)
      return { _tag: unavailable ? "Unavailable" : "Invalid", reason: reasonOf(error) }
    }
    if (payload.aud !== undefined) {
      if (!audienceMatches(payload.aud, options.audience)) return { _tag: "Invalid", reason: 'unexpected "aud" claim value' }
    } else if (!(typeof payload["client_id"] === "string" && audienceFree.has(payload["client_id"]))) {
      return { _tag: "Invalid", reason: 'missing "aud" claim (and no accepted "client_id")' }
    }
    const caller = callerOf(payload)
    if (caller === undefined) return { _tag: "Invalid", reason: 'unusable "sub" claim' }
    return { _tag: "Valid", caller, expiresAt: payload.exp }
  }
}
