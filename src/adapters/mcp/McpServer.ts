import type { McpServerFactory, Transport } from "@modelcontextprotocol/server"
import { serveStdio } from "@modelcontextprotocol/server/stdio"
import { Context, Data, Deferred, Effect, Exit } from "effect"

/**
 * The MCP server an Effect program serves: a factory of the SDK's Servers with the tools and
 * prompts registered, not yet connected. A serving entry asks it for one Server per connection
 * (stdio, or a transport the program brings) or per request (HTTP), bound to the era the client
 * speaks (2026-07-28, or the 2025 handshake).
 */
export class McpServer extends Context.Tag("mwaa-mcp/McpServer")<McpServer, McpServerFactory>() {}

export interface McpConnectionShape {
  /** Completes when the connection ends: the client went away, or the transport closed. */
  readonly closed: Effect.Effect<void>
}

/** A live connection of the McpServer to a transport (stdio, or one the program brings). */
export class McpConnection extends Context.Tag("mwaa-mcp/McpConnection")<McpConnection, McpConnectionShape>() {}

/** A transport that would not start: a stream already closed, a transport already started. */
export class McpTransportError extends Data.TaggedError("McpTransportError")<{
  readonly transport: string
  readonly message: string
  readonly cause: unknown
}> {}

export const transportError =
  (transport: string) =>
  (cause: unknown): McpTransportError =>
    new McpTransportError({
      transport,
      message: `Cannot connect the MCP server to its ${transport} transport: ${cause instanceof Error ? cause.message : String(cause)}`,
      cause
    })

/**
 * The transport as the SDK's entry sees it, telling `onClosed` once when it closes, whoever closed
 * it: the entry owns the transport's own callbacks, so they are relayed rather than shared.
 */
export const observeClose = (transport: Transport, onClosed: () => void): Transport => {
  let told = false
  const relay: Transport = {
    start: () => transport.start(),
    send: (message, options) => transport.send(message, options),
    close: () => transport.close(),
    get sessionId() {
      return transport.sessionId
    },
    setProtocolVersion: (version) => transport.setProtocolVersion?.(version),
    setSupportedProtocolVersions: (versions) => transport.setSupportedProtocolVersions?.(versions)
  }
  transport.onmessage = (message, extra) => relay.onmessage?.(message, extra)
  transport.onerror = (error) => relay.onerror?.(error)
  transport.onclose = () => {
    relay.onclose?.()
    if (told) return
    told = true
    onClosed()
  }
  return relay
}

/**
 * Serves the factory's servers on one connection of any SDK transport (stdio, InMemoryTransport,
 * one of the program's own) until it closes. The SDK's entry reads the opening message and binds
 * the connection to that era; `onError` hears what cannot be answered on the wire.
 */
export const serveConnection = (
  factory: McpServerFactory,
  transport: Transport,
  onClosed: () => void,
  onError?: (error: Error) => void
): { readonly close: () => Promise<void> } =>
  serveStdio(factory, { transport: observeClose(transport, onClosed), ...(onError !== undefined ? { onerror: onError } : {}) })

/** How a connection is observed: what it is called in errors, who hears it close, who hears what cannot be answered. */
export interface ConnectOptions {
  readonly name?: string | undefined
  readonly onClose?: (() => void) | undefined
  readonly onError?: ((error: Error) => void) | undefined
}

/**
 * Connects the server to a transport for the scope's life: closing the scope closes the
 * connection. `closed` completes when the connection ends on its own. Every transport's Effect
 * connection (stdio's layer, one an embedding program brings) is made here.
 */
export const connectMcpServer = Effect.fn("McpServer.connect")(function* (
  factory: McpServerFactory,
  transport: Transport,
  options: ConnectOptions = {}
) {
  const closed = yield* Deferred.make<void>()
  const onClosed = () => {
    options.onClose?.()
    Deferred.unsafeDone(closed, Exit.void)
  }
  yield* Effect.acquireRelease(
    Effect.try({
      try: () => serveConnection(factory, transport, onClosed, options.onError),
      catch: transportError(options.name ?? "custom")
    }),
    (connection) => Effect.promise(() => connection.close())
  )
  return { closed: Deferred.await(closed) } satisfies McpConnectionShape
})
