import type { Readable, Writable } from "node:stream"
import type { Server } from "@modelcontextprotocol/sdk/server/index.js"
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js"
import { createMcpServer, type McpServerOptions } from "./server.js"
import { guardStdout } from "./stdout-guard.js"
import type { ToolHost } from "../../ports/ToolHost.js"

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

const logTransportError = (error: Error): void => {
  process.stderr.write(
    `${JSON.stringify({ level: "ERROR", time: new Date().toISOString(), message: "MCP transport error", cause: error.message })}\n`
  )
}

/** Serves the host's tools over stdin/stdout until the client goes away. */
export const serveStdio = (host: ToolHost, options: ServeStdioOptions = {}): Promise<StdioConnection> =>
  connectStdio(createMcpServer(host, options), options)

/**
 * Connects an MCP server, not yet connected, to stdin/stdout until the client goes away. The
 * bin's server and one an embedding program built (makeMwaaMcpServer) both go through here.
 */
export const connectStdio = async (server: Server, options: ConnectStdioOptions = {}): Promise<StdioConnection> => {
  const stdin = options.stdin ?? process.stdin
  const stdout = options.stdout ?? process.stdout
  // Only the real stdout needs guarding; redirecting the console for injected streams would
  // change global state for nothing.
  if (stdout === process.stdout) guardStdout()

  let closed = false
  // The SDK's stdio transport never watches for the end of stdin, so a client that exits
  // would leave us running; a write to a closed pipe (EPIPE) means the same thing.
  const shutDown = (): void => {
    void server.close()
  }
  server.onclose = () => {
    if (closed) return
    closed = true
    stdin.off("end", shutDown)
    stdin.off("close", shutDown)
    options.onClose?.()
  }
  server.onerror = logTransportError
  stdin.once("end", shutDown)
  stdin.once("close", shutDown)
  // Left attached after close: an unhandled stream error would crash the process, and a
  // second close is a no-op.
  stdout.on("error", shutDown)

  await server.connect(new StdioServerTransport(stdin, stdout))
  return { close: () => server.close() }
}
