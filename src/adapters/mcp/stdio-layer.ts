import type { McpServerFactory } from "@modelcontextprotocol/server"
import { Deferred, Effect, Exit, Layer } from "effect"
import { McpConnection, type McpConnectionShape, McpServer, transportError } from "./McpServer.js"
import { connectStdio, type ConnectStdioOptions } from "./stdio.js"

/**
 * Connects the server to this process's stdin/stdout for the scope's life. `closed` completes
 * when the client goes away (stdin ends, stdout breaks): a stdio server's natural end.
 */
const connect = Effect.fn("StdioTransport.connect")(function* (factory: McpServerFactory, options: ConnectStdioOptions = {}) {
  const closed = yield* Deferred.make<void>()
  const onClose = () => {
    options.onClose?.()
    Deferred.unsafeDone(closed, Exit.void)
  }
  yield* Effect.acquireRelease(
    Effect.tryPromise({ try: () => connectStdio(factory, { ...options, onClose }), catch: transportError("stdio") }),
    (connection) => Effect.promise(() => connection.close())
  )
  return { closed: Deferred.await(closed) } satisfies McpConnectionShape
})

/** The MCP stdio transport, as an effect on a server factory or as a layer serving the McpServer in context. */
export const StdioTransport = {
  connect,
  layer: (options: ConnectStdioOptions = {}) =>
    Layer.scoped(
      McpConnection,
      Effect.flatMap(McpServer, (factory) => connect(factory, options))
    )
} as const
