import type { OAuthOptions } from "./options.js"

/**
 * RFC 9728 Protected Resource Metadata: what a client reads to learn which authorization server
 * issues tokens for this server, and with which scopes.
 */

export const WELL_KNOWN_RESOURCE = "/.well-known/oauth-protected-resource"

export interface ProtectedResourceMetadata {
  readonly resource: string
  readonly authorization_servers: ReadonlyArray<string>
  readonly scopes_supported: ReadonlyArray<string>
  readonly bearer_methods_supported: ReadonlyArray<string>
  readonly resource_name: string
}

export const protectedResourceMetadata = (options: OAuthOptions, name: string): ProtectedResourceMetadata => ({
  resource: options.audience,
  authorization_servers: [options.issuer],
  scopes_supported: [options.readScope, options.writeScope],
  bearer_methods_supported: ["header"],
  resource_name: name
})

/** The resource URI's path, without a trailing slash ("" for the origin itself). */
const resourcePath = (audience: string): string => new URL(audience).pathname.replace(/\/+$/, "")

/**
 * The metadata's absolute URL (RFC 9728 §3.1: the well-known segment between the resource URI's host
 * and its path). Built from the configured resource URI, never from the request's Host header, which
 * the caller chooses.
 */
export const metadataUrl = (audience: string): string => `${new URL(audience).origin}${WELL_KNOWN_RESOURCE}${resourcePath(audience)}`

/**
 * The paths the document is served at: the plain well-known path, the path-suffixed one for the MCP
 * endpoint, and the one for the resource URI's path when a proxy serves /mcp under another path.
 */
export const metadataPaths = (audience: string, mcpPath: string): ReadonlySet<string> =>
  new Set([WELL_KNOWN_RESOURCE, `${WELL_KNOWN_RESOURCE}${mcpPath}`, `${WELL_KNOWN_RESOURCE}${resourcePath(audience)}`])
