import { CLIENT_CAPABILITIES_META_KEY, CLIENT_INFO_META_KEY, type Server, type ServerContext } from "@modelcontextprotocol/server"
import type { CallerIdentity, ClientIdentity } from "../../ports/ToolHost.js"

// The per-request envelope (2026-07-28) as received: the SDK types it loosely, and the client wrote it.
const envelopeOf = (ctx: ServerContext): Readonly<Record<string, unknown>> =>
  (ctx.mcpReq.envelope ?? {}) as Readonly<Record<string, unknown>>

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === "object" && value !== null

/**
 * The client as it names itself: on 2026-07-28 in each request's `_meta`, on 2025 once in the
 * handshake (which the SDK keeps on the connection's server). Its own words, unchecked: whoever
 * writes them down (the audit line) treats them as data.
 */
export const clientOf = (server: Server, ctx: ServerContext): ClientIdentity | undefined => {
  const info = envelopeOf(ctx)[CLIENT_INFO_META_KEY] ?? server.getClientVersion()
  if (!isRecord(info) || typeof info["name"] !== "string") return undefined
  return { name: info["name"], version: typeof info["version"] === "string" ? info["version"] : undefined }
}

/**
 * Whether the client said it can put a form to its user (elicitation): per request on 2026-07-28,
 * in the handshake on 2025. A stateless 2025 HTTP request has had no handshake, so it cannot.
 */
export const clientCanAsk = (server: Server, ctx: ServerContext): boolean => {
  const capabilities = envelopeOf(ctx)[CLIENT_CAPABILITIES_META_KEY] ?? server.getClientCapabilities()
  if (!isRecord(capabilities) || !isRecord(capabilities["elicitation"])) return false
  const elicitation = capabilities["elicitation"]
  // An empty elicitation capability means form mode, as it did before modes were named.
  return Object.keys(elicitation).length === 0 || isRecord(elicitation["form"])
}

/**
 * The person the HTTP transport authenticated (its OAuth gate puts the caller in the AuthInfo's
 * `extra`), or undefined: stdio, the shared bearer token, no token at all.
 */
export const callerOf = (ctx: ServerContext): CallerIdentity | undefined => {
  const caller = ctx.http?.authInfo?.extra?.["caller"]
  if (!isRecord(caller) || typeof caller["subject"] !== "string" || !Array.isArray(caller["scopes"])) return undefined
  return caller as unknown as CallerIdentity
}
