// The low-level Server, not McpServer: our tools come with JSON Schemas built from Effect Schema and
// are validated by the ToolHost (whose errors name the field), so the SDK's Standard Schema
// registration would validate them twice and word the errors its own way.
import { type CacheHint, type McpServerFactory, Server } from "@modelcontextprotocol/server"
import type { ToolHost } from "../../ports/ToolHost.js"
import { makeCompletionHandler } from "./completions.js"
import { type ConfirmationCodec, makeConfirmationCodec } from "./confirmation.js"
import { handleGetPrompt, toMcpPrompt } from "./prompts.js"
import { causeText, writeStderrLine } from "./stderr-line.js"
import { handleCallTool, toMcpTool, type UnexpectedErrorHandler } from "./tools.js"

export interface McpServerOptions {
  /** Where a host rejection is reported; by default one line on stderr (never stdout). */
  readonly onUnexpectedError?: UnexpectedErrorHandler
  /**
   * Seals the state a confirmation question carries through the client. Every server that may
   * see the answer needs the same one: replicas behind a load balancer share its key.
   */
  readonly confirmations?: ConfirmationCodec
}

/**
 * How long a 2026-07-28 client may keep `tools/list`, `prompts/list` and `server/discover`. The
 * catalogue is fixed for the life of a process and changes only with a release, so an hour: long
 * enough that a client lists once per working session, short enough that an upgrade reaches it
 * the same day. `public`: the lists name no caller and hold no caller's data, so a shared cache in
 * front of replicas may keep one copy for everyone.
 */
const CATALOGUE_CACHE: CacheHint = { ttlMs: 60 * 60 * 1000, cacheScope: "public" }

const reportToStderr: UnexpectedErrorHandler = (error, toolName) =>
  writeStderrLine("ERROR", "tool call rejected", { tool: toolName, cause: causeText(error) })

/**
 * An MCP server, not yet connected, that exposes the host's tools and prompts. It serves either era:
 * the serving entry (stdio's serveStdio, HTTP's createMcpHandler) binds it to the one the client
 * speaks, and asks for a fresh one per connection (stdio) or per request (HTTP).
 */
export const createMcpServer = (host: ToolHost, options: McpServerOptions = {}): Server => {
  const server = new Server(
    { name: host.serverName, version: host.serverVersion },
    {
      // The catalogue is fixed for the life of the process, so neither list ever changes.
      // `logging` lets 2025-era clients call logging/setLevel (the SDK answers it); the server's
      // logs go to stderr.
      capabilities: { tools: { listChanged: false }, prompts: { listChanged: false }, logging: {}, completions: {} },
      instructions: host.instructions,
      cacheHints: { "tools/list": CATALOGUE_CACHE, "prompts/list": CATALOGUE_CACHE, "server/discover": CATALOGUE_CACHE },
      ...(options.confirmations !== undefined ? { requestState: { verify: options.confirmations.verify } } : {})
    }
  )
  const tools = host.tools.map(toMcpTool)
  const prompts = host.prompts.map(toMcpPrompt)
  server.setRequestHandler("tools/list", () => ({ tools }))
  server.setRequestHandler(
    "tools/call",
    handleCallTool(server, host, { onUnexpectedError: options.onUnexpectedError ?? reportToStderr, confirmations: options.confirmations })
  )
  server.setRequestHandler("prompts/list", () => ({ prompts }))
  server.setRequestHandler("prompts/get", handleGetPrompt(host))
  server.setRequestHandler("completion/complete", makeCompletionHandler(host))
  return server
}

/**
 * Servers for a serving entry, all sharing one confirmation codec: a question asked by one request's
 * server is answered in another request (HTTP) or another round (stdio). Without a codec given, a
 * random key of this process.
 */
export const mcpServerFactory = (host: ToolHost, options: McpServerOptions = {}): McpServerFactory => {
  const shared: McpServerOptions = { ...options, confirmations: options.confirmations ?? makeConfirmationCodec() }
  return () => createMcpServer(host, shared)
}
