import type { CallToolRequest, CallToolResult, InputRequiredResult, Server, ServerContext, Tool } from "@modelcontextprotocol/server"
import type { ToolCallContext, ToolCallResult, ToolDescriptor, ToolHost } from "../../ports/ToolHost.js"
import { callerOf, clientOf, clientCanAsk } from "./client-of.js"
import { askToConfirm, type ConfirmationCodec, confirmationIn } from "./confirmation.js"
import { makeProgressReporter } from "./progress.js"

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

export interface CallToolOptions {
  readonly onUnexpectedError: UnexpectedErrorHandler
  readonly confirmations?: ConfirmationCodec | undefined
}

/**
 * The `tools/call` handler. Tool failures are results with `isError`, never protocol errors, so the
 * assistant can read them and correct itself. A tool that asks the user first gets its question put
 * through the client (an input-required result on 2026-07-28, elicitation on 2025, which the SDK
 * does for us), and is called again with the answer.
 */
export const handleCallTool = (server: Server, host: ToolHost, options: CallToolOptions) => {
  const outputSchemas = new Map(host.tools.map((tool) => [tool.name, tool.outputSchema]))
  return async (request: CallToolRequest, ctx: ServerContext): Promise<CallToolResult | InputRequiredResult> => {
    const { name, arguments: args } = request.params
    const project = (result: ToolCallResult) => server.projectCallToolResult(toCallToolResult(result), outputSchemas.get(name))
    const progressToken = ctx.mcpReq._meta?.progressToken
    const progress = progressToken !== undefined ? makeProgressReporter(progressToken, (n) => ctx.mcpReq.notify(n)) : undefined
    const codec = options.confirmations
    const canAskUser = codec !== undefined && clientCanAsk(server, ctx)
    const context: ToolCallContext = {
      signal: ctx.mcpReq.signal,
      reportProgress: progress?.report,
      client: clientOf(server, ctx),
      caller: callerOf(ctx),
      canAskUser
    }
    try {
      if (canAskUser && host.confirmationQuestion !== undefined) {
        const confirmation = await confirmationIn(codec, ctx, name, args)
        if (confirmation === undefined) {
          const question = await host.confirmationQuestion(name, args ?? {}, context)
          if (question !== undefined) return await askToConfirm(codec, ctx, name, args, question)
        }
        return project(await host.callTool(name, args ?? {}, { ...context, confirmation }))
      }
      return project(await host.callTool(name, args ?? {}, context))
    } catch (error) {
      options.onUnexpectedError(error, name)
      return errorResult(`Tool "${name}" failed with an internal error. The server is still running; try again or use another tool.`)
    } finally {
      progress?.stop()
    }
  }
}
