/**
 * The `WWW-Authenticate` challenges of the resource server (RFC 6750 §3, RFC 9728 §5.1): each names
 * the Protected Resource Metadata document, so a client that was refused learns where to get a token.
 */

/** A quoted-string's content: no quote, backslash or control character can break out of it. */
const quoted = (value: string): string => `"${value.replace(/[\\"]/g, "\\$&").replace(/[\p{Cc}]/gu, "")}"`

/** 401 without a token (or another scheme): the client should go and get one. */
export const missingTokenChallenge = (metadataUrl: string): string => `Bearer resource_metadata=${quoted(metadataUrl)}`

/** 401 for a token given and refused: expired, wrongly signed, for another audience or issuer. */
export const invalidTokenChallenge = (metadataUrl: string): string =>
  `Bearer error="invalid_token", error_description="The access token is not valid for this server", resource_metadata=${quoted(metadataUrl)}`

/** 403: a valid token without the scope this request needs (all of `scopes`, space-separated). */
export const insufficientScopeChallenge = (metadataUrl: string, scopes: ReadonlyArray<string>): string =>
  `Bearer error="insufficient_scope", scope=${quoted(scopes.join(" "))}, resource_metadata=${quoted(metadataUrl)}`
