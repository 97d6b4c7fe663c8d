import type { Readable, Writable } from "node:stream"
import type { McpServerFactory } from "@modelcontextprotocol/server"
import { StdioServerTransport } from "@modelcontextprotocol/server/stdio"
import type { ToolHost } from "../../ports/ToolHost.js"
import { serveConnection } from "./McpServer.js"
import { type McpServerOptions, mcpServerFactory } from "./server.js"
import { writeStderrLine } from "./stderr-line.js"
import { guardStdout } from "./stdout-guard.js"

export interface ConnectStdioOptions {
  /** Called once when the connection closes: stdin ended, stdout broke, or `close()` was called. */
  readonly onClose?: () => void
  /** For tests; default process.stdin. */
  readonly stdin?: Readable
  /** For tests; default process.stdout. */
  readonly stdout?: Writable
}

export interface ServeStdioOptions extends McpServerOptions, ConnectStdioOptions {}

export interface StdioConnection {
  readonly close: () => Promise<void>
}

const logTransportError = (error: Error): void => writeStderrLine("ERROR", "MCP transport error", { cause: error.message })

/** Serves the host's tools over stdin/stdout until the client goes away. */
export const serveStdio = (host: ToolHost, options: ServeStdioOptions = {}): Promise<StdioConnection> =>
  connectStdio(mcpServerFactory(host, options), options)

/**
 * Serves MCP on stdin/stdout until the client goes away (stdin ends, stdout breaks: the SDK's
 * transport watches both). The entry asks the factory for one server for the connection, bound to
 * the era the client opens with (a 2026-07-28 `server/discover`, or the 2025 `initialize`), and
 * perhaps once more for a discovery probe it then drops. The bin's server and one an embedding
 * program built (makeMwaaMcpServer) both go through here.
 */
export const connectStdio = async (factory: McpServerFactory, options: ConnectStdioOptions = {}): Promise<StdioConnection> => {
  const stdout = options.stdout ?? process.stdout
  // Only the real stdout needs guarding; redirecting the console for injected streams would
  // change global state for nothing.
  if (stdout === process.stdout) guardStdout()
  const transport = new StdioServerTransport(options.stdin ?? process.stdin, stdout)
  return serveConnection(factory, transport, () => options.onClose?.(), logTransportError)
}
