import type { CallToolRequest, CallToolResult, ServerNotification, Tool } from "@modelcontextprotocol/sdk/types.js"
import { makeProgressReporter } from "./progress.js"
import type { ToolCallResult, ToolDescriptor, ToolHost } from "../../ports/ToolHost.js"

/** The part of the SDK's request context a tool call uses; a subset, so tests can build one by hand. */
export interface CallToolExtra {
  readonly signal: AbortSignal
  readonly sendNotification: (notification: ServerNotification) => Promise<void>
}

/** Called when the host breaks its never-reject contract; the client only sees a generic message. */
export type UnexpectedErrorHandler = (error: unknown, toolName: string) => void

/** A tool descriptor as MCP's `tools/list` shows it. */
export const toMcpTool = (descriptor: ToolDescriptor): Tool => ({
  name: descriptor.name,
  title: descriptor.title,
  description: descriptor.description,
  // The contract promises a self-contained object schema; the SDK's type only adds `type: "object"`.
  inputSchema: { ...descriptor.inputSchema } as Tool["inputSchema"],
  ...(descriptor.outputSchema !== undefined ? { outputSchema: { ...descriptor.outputSchema } as NonNullable<Tool["outputSchema"]> } : {}),
  annotations: {
    // Some clients only read the annotation's title, so fall back to the tool's.
    title: descriptor.annotations.title ?? descriptor.title,
    readOnlyHint: descriptor.annotations.readOnlyHint,
    destructiveHint: descriptor.annotations.destructiveHint,
    idempotentHint: descriptor.annotations.idempotentHint,
    openWorldHint: descriptor.annotations.openWorldHint
  }
})

/** A host result as an MCP `CallToolResult`. */
export const toCallToolResult = (result: ToolCallResult): CallToolResult => ({
  content: [{ type: "text", text: result.text }],
  ...(result.structuredContent !== undefined ? { structuredContent: { ...result.structuredContent } } : {}),
  isError: result.isError
})

const errorResult = (text: string): CallToolResult => ({ content: [{ type: "text", text }], isError: true })

/**
 * The `tools/call` handler. Tool failures are results with `isError`, never protocol errors,
 * so the assistant can read them and correct itself.
 */
export const handleCallTool = (host: ToolHost, onUnexpectedError: UnexpectedErrorHandler) => {
  const known = new Set(host.tools.map((tool) => tool.name))
  return async (request: CallToolRequest, extra: CallToolExtra): Promise<CallToolResult> => {
    const { name, arguments: args, _meta } = request.params
    // The host answers unknown names too; checking here keeps a broken host from seeing them.
    if (!known.has(name)) {
      const shown = name.length > 100 ? `${name.slice(0, 100)}…` : name
      return errorResult(`Unknown tool "${shown}". Call tools/list to see the available tools.`)
    }
    const progressToken = _meta?.progressToken
    const progress = progressToken !== undefined ? makeProgressReporter(progressToken, extra.sendNotification) : undefined
    try {
      const result = await host.callTool(name, args ?? {}, {
        signal: extra.signal,
        reportProgress: progress?.report
      })
      return toCallToolResult(result)
    } catch (error) {
      onUnexpectedError(error, name)
      return errorResult(`Tool "${name}" failed with an internal error. The server is still running; try again or use another tool.`)
    } finally {
      progress?.stop()
    }
  }
}
