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

export const logStdioTransportError = (error: Error): void => writeStderrLine("ERROR", "MCP transport error", { cause: error.message })

/** Serves the host's tools over stdin/stdout until the client goes away. */
export const serveStdio = (host: ToolHost, options: ServeStdioOptions = {}): Promise<StdioConnection> =>
  connectStdio(mcpServerFactory(host, options), options)

/**
 * This process's stdin/stdout (or a test's streams) as the SDK's stdio transport. Only the real
 * stdout is guarded: redirecting the console for injected streams would change global state for nothing.
 */
export const stdioTransport = (options: ConnectStdioOptions = {}): StdioServerTransport => {
  const stdout = options.stdout ?? process.stdout
  if (stdout === process.stdout) guardStdout()
  return new StdioServerTransport(options.stdin ?? process.stdin, stdout)
}

/**
 * Serves MCP on stdin/stdout until the client goes away (stdin ends, stdout breaks: the SDK's
 * transport watches both). The entry asks the factory for one server for the connection, bound to
 * the era the client opens with (a 2026-07-28 `server/discover`, or the 2025 `initialize`), and
 * perhaps once more for a discovery probe it then drops. The Promise API beside the Effect one
 * (StdioTransport in stdio-layer.ts), for programs that are not Effect programs.
 */
export const connectStdio = async (factory: McpServerFactory, options: ConnectStdioOptions = {}): Promise<StdioConnection> =>
  serveConnection(factory, stdioTransport(options), () => options.onClose?.(), logStdioTransportError)
