#!/usr/bin/env node
// The baseline: a bare SDK v2 (@modelcontextprotocol/server) stdio server with one tool, `echo`.
// serveStdio answers both eras: a 2025-era `initialize` handshake (what bench/rpc.ts sends) and a
// 2026-07-28 client (`server/discover`, then requests carrying their protocol version in `_meta`).
import { McpServer } from "@modelcontextprotocol/server"
import { serveStdio } from "@modelcontextprotocol/server/stdio"
import { z } from "zod"

const input = z.object({ text: z.string() })

serveStdio(() => {
  const server = new McpServer({ name: "bare-echo", version: "0.0.0" })
  server.registerTool("echo", { description: "Echoes the text back", inputSchema: input }, async ({ text }) => ({
    content: [{ type: "text", text }]
  }))
  return server
})
