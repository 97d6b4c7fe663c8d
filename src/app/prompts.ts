import type { PromptDescriptor } from "../adapters/mcp/ToolHost.js"

/** A prompt template: its descriptor and how its messages are rendered from the arguments. */
export interface PromptSpec {
  readonly descriptor: PromptDescriptor
  readonly render: (args: Readonly<Record<string, string>>) => Promise<ReadonlyArray<{ readonly role: "user" | "assistant"; readonly text: string }>>
}

export const prompts: ReadonlyArray<PromptSpec> = []
