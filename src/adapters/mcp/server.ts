// The low-level Server is marked deprecated in favour of McpServer, but McpServer only takes
// zod schemas, and our tools come with plain JSON Schemas built from Effect Schema.
import { Server } from "@modelcontextprotocol/sdk/server/index.js"
import {
  CallToolRequestSchema,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListToolsRequestSchema
} from "@modelcontextprotocol/sdk/types.js"
import { handleGetPrompt, toMcpPrompt } from "./prompts.js"
import { handleCallTool, toMcpTool, type UnexpectedErrorHandler } from "./tools.js"
import type { ToolHost } from "../../ports/ToolHost.js"

export interface McpServerOptions {
  /** Where a host rejection is reported; by default one line on stderr (never stdout). */
  readonly onUnexpectedError?: UnexpectedErrorHandler
}

const reportToStderr: UnexpectedErrorHandler = (error, toolName) => {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(
    `${JSON.stringify({ level: "ERROR", time: new Date().toISOString(), message: "tool call rejected", tool: toolName, cause: message })}\n`
  )
}

/** An MCP server, not yet connected, that exposes the host's tools and prompts. */
export const createMcpServer = (host: ToolHost, options: McpServerOptions = {}): Server => {
  const server = new Server(
    { name: host.serverName, version: host.serverVersion },
    {
      // The catalogue is fixed for the life of the process, so neither list ever changes.
      // `logging` lets clients call logging/setLevel (the SDK's Server answers it and keeps
      // the level); the server sends no log notifications yet: its logs go to stderr.
      capabilities: { tools: { listChanged: false }, prompts: { listChanged: false }, logging: {} },
      instructions: host.instructions
    }
  )
  const tools = host.tools.map(toMcpTool)
  const prompts = host.prompts.map(toMcpPrompt)
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }))
  server.setRequestHandler(CallToolRequestSchema, handleCallTool(host, options.onUnexpectedError ?? reportToStderr))
  server.setRequestHandler(ListPromptsRequestSchema, () => ({ prompts }))
  server.setRequestHandler(GetPromptRequestSchema, handleGetPrompt(host))
  return server
}
