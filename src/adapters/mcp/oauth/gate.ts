import type { AuthInfo } from "@modelcontextprotocol/server"
import type { CallerIdentity, ToolDescriptor } from "../../../ports/ToolHost.js"
import { insufficientScopeChallenge, invalidTokenChallenge, missingTokenChallenge } from "./challenge.js"
import { metadataPaths, metadataUrl, type ProtectedResourceMetadata, protectedResourceMetadata } from "./metadata.js"
import type { OAuthOptions } from "./options.js"
import { missingScopes, scopeRule, scopesNeeded } from "./scope.js"
import { makeTokenVerifier, type TokenVerifier } from "./verifier.js"

/**
 * The resource server as the HTTP transport uses it: the metadata document and its paths, the token
 * check (→ a 401 challenge, a 503, or the caller) and the scope check of a parsed body (→ a 403
 * challenge, or the AuthInfo the SDK hands to the tools). It decides; the transport answers.
 */

/** Seconds a client is told to wait when the identity provider's keys could not be fetched. */
export const RETRY_AFTER_SECONDS = 5

export type Authentication =
  | { readonly _tag: "Authenticated"; readonly token: string; readonly caller: CallerIdentity; readonly expiresAt: number | undefined }
  | {
      readonly _tag: "Refused"
      readonly status: 401 | 503
      readonly headers: Readonly<Record<string, string>>
      readonly message: string
      /** Why, for the server's log: never the token. */
      readonly reason: string
      /** Whether a token was given at all (a client's first request usually has none). */
      readonly tokenGiven: boolean
    }

export type Authorization =
  | { readonly _tag: "Allowed"; readonly authInfo: AuthInfo }
  | {
      readonly _tag: "Forbidden"
      readonly headers: Readonly<Record<string, string>>
      readonly message: string
      readonly missing: ReadonlyArray<string>
      readonly tools: ReadonlyArray<string>
    }

export interface OAuthGate {
  readonly metadataUrl: string
  readonly metadataPaths: ReadonlySet<string>
  readonly metadata: ProtectedResourceMetadata
  readonly issuer: string
  readonly authenticate: (authorization: string | undefined) => Promise<Authentication>
  /** For a request without a body (GET, DELETE), pass undefined: it needs the read scope. */
  readonly authorize: (who: Extract<Authentication, { _tag: "Authenticated" }>, body: unknown) => Authorization
}

const BEARER = /^Bearer[ \t]+([A-Za-z0-9\-._~+/]+=*)[ \t]*$/i

export const makeOAuthGate = (
  options: OAuthOptions,
  tools: ReadonlyArray<ToolDescriptor>,
  resourceName: string,
  mcpPath: string,
  verifier: TokenVerifier = makeTokenVerifier(options)
): OAuthGate => {
  const url = metadataUrl(options.audience)
  const rule = scopeRule(tools, options.readScope, options.writeScope)
  const resource = new URL(options.audience)
  const unauthorized = (reason: string, tokenGiven: boolean): Authentication => ({
    _tag: "Refused",
    status: 401,
    headers: { "WWW-Authenticate": tokenGiven ? invalidTokenChallenge(url) : missingTokenChallenge(url) },
    message: tokenGiven ? "Unauthorized: the access token is not valid for this server" : "Unauthorized: an access token is required",
    reason,
    tokenGiven
  })
  return {
    metadataUrl: url,
    metadataPaths: metadataPaths(options.audience, mcpPath),
    metadata: protectedResourceMetadata(options, resourceName),
    issuer: options.issuer,
    authenticate: async (authorization) => {
      // Another scheme (Basic, ...) carries no bearer token: RFC 6750 answers it as a missing one.
      if (authorization === undefined || !/^Bearer(?:[ \t]|$)/i.test(authorization)) return unauthorized("no bearer token", false)
      const token = BEARER.exec(authorization)?.[1]
      if (token === undefined) return unauthorized("a malformed Authorization header", true)
      const verdict = await verifier(token)
      if (verdict._tag === "Valid") return { _tag: "Authenticated", token, caller: verdict.caller, expiresAt: verdict.expiresAt }
      if (verdict._tag === "Invalid") return unauthorized(verdict.reason, true)
      // No verdict on the token: a 401 would send the client to get a new one, which cannot help.
      return {
        _tag: "Refused",
        status: 503,
        headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
        message: "Service Unavailable: the identity provider's signing keys cannot be fetched; try again shortly",
        reason: verdict.reason,
        tokenGiven: true
      }
    },
    authorize: (who, body) => {
      const need = scopesNeeded(body, rule)
      const missing = missingScopes(need, who.caller.scopes)
      if (missing.length > 0) {
        return {
          _tag: "Forbidden",
          headers: { "WWW-Authenticate": insufficientScopeChallenge(url, need.scopes) },
          message: `Forbidden: the access token lacks the scope ${missing.join(" ")} this request needs`,
          missing,
          tools: need.writeTools
        }
      }
      return {
        _tag: "Allowed",
        authInfo: {
          token: who.token,
          clientId: who.caller.clientId ?? "",
          scopes: [...who.caller.scopes],
          ...(who.expiresAt === undefined ? {} : { expiresAt: who.expiresAt }),
          resource,
          resourceMetadataUrl: url,
          extra: { caller: who.caller }
        }
      }
    }
  }
}
