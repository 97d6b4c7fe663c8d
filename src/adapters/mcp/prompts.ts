import type { GetPromptRequest, GetPromptResult, Prompt } from "@modelcontextprotocol/server"
import type { PromptDescriptor, ToolHost } from "../../ports/ToolHost.js"
import { invalidParams } from "./protocol-errors.js"

/** A prompt descriptor as MCP's `prompts/list` shows it. */
export const toMcpPrompt = (descriptor: PromptDescriptor): Prompt => ({
  name: descriptor.name,
  ...(descriptor.title !== undefined ? { title: descriptor.title } : {}),
  description: descriptor.description,
  arguments: descriptor.arguments.map((argument) => ({ ...argument }))
})

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : typeof error === "string" ? error : "Invalid prompt request"

/**
 * The `prompts/get` handler. Unlike tools, a bad prompt request is a protocol error
 * (InvalidParams): the user picked the prompt, so the client shows the message to them.
 */
export const handleGetPrompt = (host: ToolHost) => {
  const byName = new Map(host.prompts.map((prompt) => [prompt.name, prompt]))
  return async (request: GetPromptRequest): Promise<GetPromptResult> => {
    const { name, arguments: args } = request.params
    const prompt = byName.get(name)
    if (prompt === undefined) throw invalidParams(`Unknown prompt "${name}"`)
    try {
      const messages = await host.getPrompt(name, args ?? {})
      return {
        description: prompt.description,
        messages: messages.map((message) => ({ role: message.role, content: { type: "text", text: message.text } }))
      }
    } catch (error) {
      throw invalidParams(messageOf(error))
    }
  }
}
