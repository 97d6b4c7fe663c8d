/**
 * The OAuth 2.1 resource server's settings: whose tokens the HTTP transport accepts, for which
 * resource, and which scopes grant reading and writing. Checked by the CLI (src/app/cli-oauth.ts);
 * the transport trusts them.
 */
export interface OAuthOptions {
  /** The authorization server's issuer identifier: the tokens' `iss`, and where discovery starts. */
  readonly issuer: string
  /**
   * This server's resource URI (an absolute URL, e.g. https://mcp.example.com/mcp): the tokens' `aud`
   * must name it, the metadata document's `resource` is it, and its origin is the base of the
   * metadata URL the challenges point to (never the request's Host header).
   */
  readonly audience: string
  /** The issuer's JWKS; default: `jwks_uri` of the issuer's discovery document. */
  readonly jwksUrl?: string | undefined
  /** Needed for every MCP request. */
  readonly readScope: string
  /** Needed, besides the read scope, for a `tools/call` of a write tool. */
  readonly writeScope: string
  /**
   * OAuth client ids whose tokens are accepted without an `aud` claim, when their `client_id` is one
   * of these: Amazon Cognito's access tokens carry `client_id` and no `aud`. Empty: `aud` is required.
   */
  readonly audienceFreeClientIds?: ReadonlyArray<string> | undefined
  /** Clock skew allowed on `exp` and `nbf`, in seconds; default 60. */
  readonly clockToleranceSeconds?: number | undefined
  /** Least time between two JWKS fetches for an unknown `kid` (key rotation), in ms; default 30 s. */
  readonly jwksCooldownMs?: number | undefined
  /** Timeout of one discovery or JWKS fetch, in ms; default 5 s. */
  readonly fetchTimeoutMs?: number | undefined
}

export const DEFAULT_READ_SCOPE = "mwaa:read"
export const DEFAULT_WRITE_SCOPE = "mwaa:write"
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 60
