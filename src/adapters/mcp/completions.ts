import type { CompleteRequest, CompleteResult, ServerContext } from "@modelcontextprotocol/server"
import type { ToolHost } from "../../ports/ToolHost.js"

/** MCP's own ceiling on the values of one completion answer. */
const MAX_VALUES = 100

const NONE: CompleteResult = { completion: { values: [], hasMore: false } }

/**
 * The `completion/complete` handler: values for a prompt's argument as the user types it. Only
 * prompts have arguments to complete here (the server has no resource templates); anything else,
 * or a host that completes nothing, gets no values rather than an error, as the spec suggests.
 */
export const makeCompletionHandler =
  (host: ToolHost) =>
  async (request: CompleteRequest, ctx: ServerContext): Promise<CompleteResult> => {
    const { ref, argument, context } = request.params
    if (ref.type !== "ref/prompt" || host.complete === undefined) return NONE
    const found = await host.complete(
      { prompt: ref.name, argument: argument.name, value: argument.value, otherArguments: context?.arguments ?? {} },
      ctx.mcpReq.signal
    )
    const values = found.values.slice(0, MAX_VALUES)
    return { completion: { values: [...values], hasMore: found.hasMore || found.values.length > MAX_VALUES } }
  }
