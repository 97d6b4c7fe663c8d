import type { Server } from "@modelcontextprotocol/sdk/server/index.js"
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js"
import { Context, Data, Deferred, Effect, Exit } from "effect"

/**
 * The MCP server an Effect program serves: the SDK's low-level Server with the tools and
 * prompts registered, not yet connected. One Server speaks to one transport at a time.
 */
export class McpServer extends Context.Tag("mwaa-mcp/McpServer")<McpServer, Server>() {}

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
 * Connects the server to any SDK transport (InMemoryTransport, a WebSocket, one of the
 * program's own) for the scope's life: closing the scope closes the connection.
 */
export const connectMcpServer = Effect.fn("McpServer.connect")(function* (server: Server, transport: Transport) {
  const closed = yield* Deferred.make<void>()
  const previous = server.onclose
  server.onclose = () => {
    previous?.()
    Deferred.unsafeDone(closed, Exit.void)
  }
  yield* Effect.acquireRelease(
    Effect.tryPromise({ try: () => server.connect(transport), catch: transportError("custom") }).pipe(
      Effect.tapError(() =>
        Effect.sync(() => {
          server.onclose = previous
        })
      )
    ),
    () => Effect.promise(() => server.close())
  )
  return { closed: Deferred.await(closed) } satisfies McpConnectionShape
})
