import type { McpServerFactory } from "@modelcontextprotocol/server"
import { Effect, Layer } from "effect"
import { connectMcpServer, McpConnection, McpServer, transportError } from "./McpServer.js"
import { type ConnectStdioOptions, logStdioTransportError, stdioTransport } from "./stdio.js"

/**
 * Connects the server to this process's stdin/stdout for the scope's life. `closed` completes
 * when the client goes away (stdin ends, stdout breaks): a stdio server's natural end.
 */
const connect = (factory: McpServerFactory, options: ConnectStdioOptions = {}) =>
  Effect.try({ try: () => stdioTransport(options), catch: transportError("stdio") }).pipe(
    Effect.flatMap((transport) =>
      connectMcpServer(factory, transport, { name: "stdio", onClose: options.onClose, onError: logStdioTransportError })
    )
  )

/** The MCP stdio transport, as an effect on a server factory or as a layer serving the McpServer in context. */
export const StdioTransport = {
  connect,
  layer: (options: ConnectStdioOptions = {}) =>
    Layer.scoped(
      McpConnection,
      Effect.flatMap(McpServer, (factory) => connect(factory, options))
    )
} as const
