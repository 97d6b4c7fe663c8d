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

/** The client program as it names itself (the handshake's clientInfo, or the request's own metadata). */
export interface ClientIdentity {
  readonly name: string
  readonly version?: string | undefined
}

/**
 * The person behind a call, as the transport authenticated them (an OAuth access token on HTTP).
 * Absent on stdio and with the shared bearer token: there the process's own user is the caller.
 */
export interface CallerIdentity {
  /** The token's `sub`: stable, unique at its issuer. */
  readonly subject: string
  /** `email`, when the token carries one. */
  readonly email?: string | undefined
  /** `username`, `preferred_username` or `cognito:username`, when the token carries one. */
  readonly username?: string | undefined
  /** The OAuth client the token was issued to (`client_id`, `azp` or Okta's `cid`). */
  readonly clientId?: string | undefined
  /** The token's scopes. */
  readonly scopes: ReadonlyArray<string>
}

/** Who is calling: the client program and, when authenticated, the person. */
export interface CallIdentity {
  readonly client?: ClientIdentity | undefined
  readonly caller?: CallerIdentity | undefined
}

/** The user's answer to a question a tool put through the client before acting. */
export type Confirmation = "accepted" | "declined"

export interface ToolCallContext {
  /** Aborted when the client cancels the request (notifications/cancelled) or disconnects. */
  readonly signal: AbortSignal
  /** Present when the client sent a progressToken. */
  readonly reportProgress?: ((update: ProgressUpdate) => Promise<void>) | undefined
  /** The calling client, when it said who it is. */
  readonly client?: ClientIdentity | undefined
  /** The authenticated person, when the transport knows one. */
  readonly caller?: CallerIdentity | undefined
  /** Whether the client can put a question to its user and return the answer (MCP elicitation). */
  readonly canAskUser?: boolean | undefined
  /** The user's answer to the tool's question (see `confirmationQuestion`), when one was asked. */
  readonly confirmation?: Confirmation | undefined
}

/** A prompt argument being typed: its name, what is typed so far, and the prompt's other arguments. */
export interface CompletionRequest {
  readonly prompt: string
  readonly argument: string
  readonly value: string
  readonly otherArguments: Readonly<Record<string, string>>
}

export interface CompletionValues {
  /** At most 100, as MCP allows. */
  readonly values: ReadonlyArray<string>
  readonly hasMore: boolean
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
  /**
   * The question to put to the user before this call, when it needs one (a destructive write):
   * what will be deleted or cleared. Asked only of clients that can ask their user; the transport
   * then calls the tool with the answer in `ToolCallContext.confirmation`. Undefined when the call
   * needs no question, or its arguments are wrong (the call itself will say how). Never rejects.
   */
  readonly confirmationQuestion?: ((name: string, args: unknown, context: ToolCallContext) => Promise<string | undefined>) | undefined
  readonly prompts: ReadonlyArray<PromptDescriptor>
  /** Resolves to the prompt's messages (user role text), or rejects with a message for an unknown prompt/bad args. */
  readonly getPrompt: (
    name: string,
    args: Readonly<Record<string, string>>
  ) => Promise<ReadonlyArray<{ readonly role: "user" | "assistant"; readonly text: string }>>
  /** Values for a prompt argument being typed; never rejects (no values when none can be found). */
  readonly complete?: ((request: CompletionRequest, signal: AbortSignal) => Promise<CompletionValues>) | undefined
}
