#!/usr/bin/env node
// The baseline: a bare @modelcontextprotocol/sdk stdio server with one tool, `echo`.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js"
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js"
import { z } from "zod"

const server = new McpServer({ name: "bare-echo", version: "0.0.0" })
server.registerTool("echo", { description: "Echoes the text back", inputSchema: { text: z.string() } }, async ({ text }) => ({
  content: [{ type: "text", text }]
}))
await server.connect(new StdioServerTransport())
