import { Either } from "effect"
import { isSafeFetchUrl } from "../adapters/mcp/oauth/discovery.js"
import { DEFAULT_READ_SCOPE, DEFAULT_WRITE_SCOPE, type OAuthOptions } from "../adapters/mcp/oauth/options.js"

/** The OAuth flags and variables → the HTTP transport's resource-server settings, or why not, naming the flag or variable. */

export interface OAuthFlags {
  readonly "oauth-issuer"?: string | undefined
  readonly "oauth-audience"?: string | undefined
  readonly "oauth-jwks-url"?: string | undefined
  readonly "oauth-read-scope"?: string | undefined
  readonly "oauth-write-scope"?: string | undefined
  readonly "oauth-client-ids"?: string | undefined
}
export interface OAuthVariables {
  readonly MWAA_MCP_OAUTH_ISSUER?: string | undefined
  readonly MWAA_MCP_OAUTH_AUDIENCE?: string | undefined
  readonly MWAA_MCP_OAUTH_JWKS_URL?: string | undefined
  readonly MWAA_MCP_OAUTH_READ_SCOPE?: string | undefined
  readonly MWAA_MCP_OAUTH_WRITE_SCOPE?: string | undefined
  readonly MWAA_MCP_OAUTH_CLIENT_IDS?: string | undefined
  readonly MWAA_MCP_HTTP_TOKEN?: string | undefined
  /** Test hook: the least time between two JWKS fetches for an unknown key (default 30 s). */
  readonly MWAA_MCP_OAUTH_JWKS_COOLDOWN_MS?: string | undefined
}

type Setting = readonly [flag: keyof OAuthFlags, variable: keyof OAuthVariables]
const ISSUER: Setting = ["oauth-issuer", "MWAA_MCP_OAUTH_ISSUER"]
const AUDIENCE: Setting = ["oauth-audience", "MWAA_MCP_OAUTH_AUDIENCE"]
const JWKS_URL: Setting = ["oauth-jwks-url", "MWAA_MCP_OAUTH_JWKS_URL"]
const READ_SCOPE: Setting = ["oauth-read-scope", "MWAA_MCP_OAUTH_READ_SCOPE"]
const WRITE_SCOPE: Setting = ["oauth-write-scope", "MWAA_MCP_OAUTH_WRITE_SCOPE"]
const CLIENT_IDS: Setting = ["oauth-client-ids", "MWAA_MCP_OAUTH_CLIENT_IDS"]
const SETTINGS = [ISSUER, AUDIENCE, JWKS_URL, READ_SCOPE, WRITE_SCOPE, CLIENT_IDS] as const

/** RFC 6749 §3.3: one scope token, printable ASCII but space, `"` and `\`. */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]{1,128}$/
const CLIENT_ID = /^[\x21-\x7E]{1,128}$/

const quote = (value: string): string => JSON.stringify(value.slice(0, 100))

export const oauthOf = (
  flags: OAuthFlags,
  vars: OAuthVariables,
  transportKind: "stdio" | "http"
): Either.Either<OAuthOptions | undefined, string> => {
  /** The flag's value, else the variable's (blank counts as unset), with the name to quote in an error. */
  const read = ([flag, variable]: Setting): { readonly value: string | undefined; readonly name: string } => {
    const fromFlag = flags[flag]
    if (fromFlag !== undefined) return { value: fromFlag.trim(), name: `--${flag}` }
    const fromVar = vars[variable]?.trim()
    return { value: fromVar === "" ? undefined : fromVar, name: variable }
  }
  const given = SETTINGS.map(read).filter((s) => s.value !== undefined)
  if (given.length === 0) return Either.right(undefined)
  const names = given.map((s) => s.name).join(", ")
  if (transportKind !== "http") return Either.left(`${names}: OAuth is for --transport http only`)
  if (vars.MWAA_MCP_HTTP_TOKEN !== undefined && vars.MWAA_MCP_HTTP_TOKEN !== "") {
    return Either.left(`${names}: OAuth and MWAA_MCP_HTTP_TOKEN cannot be used together; unset one`)
  }
  const issuer = read(ISSUER)
  const audience = read(AUDIENCE)
  if (issuer.value === undefined || audience.value === undefined) {
    return Either.left(
      `OAuth needs both --oauth-issuer (MWAA_MCP_OAUTH_ISSUER) and --oauth-audience (MWAA_MCP_OAUTH_AUDIENCE); got ${names}`
    )
  }
  if (!isSafeFetchUrl(issuer.value)) {
    return Either.left(`${issuer.name} must be an https URL (http only on 127.0.0.1 or localhost), got ${quote(issuer.value)}`)
  }
  if (!isAbsoluteUrl(audience.value)) {
    return Either.left(
      `${audience.name} must be this server's resource URI, an absolute http(s) URL such as https://mcp.example.com/mcp, got ${quote(audience.value)}`
    )
  }
  const jwksUrl = read(JWKS_URL)
  if (jwksUrl.value !== undefined && !isSafeFetchUrl(jwksUrl.value)) {
    return Either.left(`${jwksUrl.name} must be an https URL (http only on 127.0.0.1 or localhost), got ${quote(jwksUrl.value)}`)
  }
  const readScope = read(READ_SCOPE)
  const writeScope = read(WRITE_SCOPE)
  for (const scope of [readScope, writeScope]) {
    if (scope.value !== undefined && !SCOPE_TOKEN.test(scope.value)) {
      return Either.left(
        `${scope.name} must be one scope (printable characters, no spaces or quotes; at most 128), got ${quote(scope.value)}`
      )
    }
  }
  const clientIds = read(CLIENT_IDS)
  const ids = (clientIds.value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
  const badId = ids.find((id) => !CLIENT_ID.test(id))
  if (badId !== undefined) {
    return Either.left(`${clientIds.name} must be a comma-separated list of OAuth client ids, got ${quote(badId)}`)
  }
  const cooldown = vars.MWAA_MCP_OAUTH_JWKS_COOLDOWN_MS
  const jwksCooldownMs = cooldown === undefined || cooldown === "" ? undefined : Number(cooldown)
  if (jwksCooldownMs !== undefined && !(Number.isInteger(jwksCooldownMs) && jwksCooldownMs >= 0)) {
    return Either.left(`MWAA_MCP_OAUTH_JWKS_COOLDOWN_MS must be a whole number of milliseconds, got ${quote(String(cooldown))}`)
  }
  return Either.right({
    issuer: issuer.value,
    audience: audience.value,
    jwksUrl: jwksUrl.value,
    readScope: readScope.value ?? DEFAULT_READ_SCOPE,
    writeScope: writeScope.value ?? DEFAULT_WRITE_SCOPE,
    audienceFreeClientIds: ids,
    jwksCooldownMs
  })
}

const isAbsoluteUrl = (value: string): boolean => {
  try {
    const url = new URL(value)
    return (url.protocol === "https:" || url.protocol === "http:") && url.hash === "" && url.username === "" && url.password === ""
  } catch {
    return false
  }
}
