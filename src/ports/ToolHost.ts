/**
 * The inbound port: what drives the application. A transport (MCP over stdio or HTTP, or a
 * program of its own) sees a list of tools with their JSON Schemas and a way to call one, and
 * knows nothing of Effect services, MWAA or Airflow; src/app builds the ToolHost from the tool
 * catalogue, src/adapters/mcp serves it.
 */
import type { ProgressUpdate } from "./Progress.js"

export type { ProgressUpdate }

export interface ToolAnnotations {
  readonly title?: string
  readonly readOnlyHint: boolean
  readonly destructiveHint: boolean
  readonly idempotentHint: boolean
  readonly openWorldHint: boolean
}

export interface ToolDescriptor {
  readonly name: string
  readonly title: string
  readonly description: string
  /** A self-contained JSON Schema object (type "object", no $ref/$defs). */
  readonly inputSchema: Readonly<Record<string, unknown>>
  readonly outputSchema?: Readonly<Record<string, unknown>> | undefined
  readonly annotations: ToolAnnotations
}

/** A tool's answer in MCP terms: short text for the assistant plus structured content. */
export interface ToolCallResult {
  readonly isError: boolean
  readonly text: string
  readonly structuredContent?: Readonly<Record<string, unknown>> | undefined
}

export interface ToolCallContext {
  /** Aborted when the client cancels the request (notifications/cancelled) or disconnects. */
  readonly signal: AbortSignal
  /** Present when the client sent a progressToken. */
  readonly reportProgress?: ((update: ProgressUpdate) => Promise<void>) | undefined
}

export interface PromptDescriptor {
  readonly name: string
  readonly title?: string | undefined
  readonly description: string
  readonly arguments: ReadonlyArray<{ readonly name: string; readonly description: string; readonly required: boolean }>
}

export interface ToolHost {
  readonly serverName: string
  readonly serverVersion: string
  /** Sent in the initialize result: tells the assistant the workflow and the safety rules. */
  readonly instructions: string
  readonly tools: ReadonlyArray<ToolDescriptor>
  /** Never rejects: every failure (unknown tool, bad arguments, AWS error) is an isError result. */
  readonly callTool: (name: string, args: unknown, context: ToolCallContext) => Promise<ToolCallResult>
  readonly prompts: ReadonlyArray<PromptDescriptor>
  /** Resolves to the prompt's messages (user role text), or rejects with a message for an unknown prompt/bad args. */
  readonly getPrompt: (
    name: string,
    args: Readonly<Record<string, string>>
  ) => Promise<ReadonlyArray<{ readonly role: "user" | "assistant"; readonly text: string }>>
}
