import type { ToolCallContext, ToolCallResult, ToolHost } from "../../src/ports/ToolHost.js"

type CallTool = (name: string, args: unknown, context: ToolCallContext) => Promise<ToolCallResult>

/** The default fake: `echo` answers with structured content and progress, `fail` answers with an error. */
const defaultCallTool: CallTool = async (name, args, context) => {
  if (name === "echo") {
    const text = String((args as { text?: unknown }).text ?? "")
    await context.reportProgress?.({ progress: 1, total: 2, message: "halfway" })
    await context.reportProgress?.({ progress: 2, total: 2 })
    return { isError: false, text: `echo: ${text}`, structuredContent: { echoed: text } }
  }
  if (name === "fail") {
    return { isError: true, text: "fail: the environment said no", structuredContent: { reason: "AccessDenied" } }
  }
  return { isError: true, text: `unknown tool ${name}` }
}

/** A two-tool, one-prompt host; `callTool` can be swapped per test. */
export const makeFakeHost = (overrides: { readonly callTool?: CallTool } = {}): ToolHost => ({
  serverName: "fake-mwaa-mcp",
  serverVersion: "9.9.9",
  instructions: "Read before you write. Never trigger a DAG without asking.",
  tools: [
    {
      name: "echo",
      title: "Echo",
      description: "Repeats its input.",
      inputSchema: { type: "object", properties: { text: { type: "string" } }, required: ["text"], additionalProperties: false },
      outputSchema: { type: "object", properties: { echoed: { type: "string" } }, required: ["echoed"] },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false }
    },
    {
      name: "fail",
      title: "Fail",
      description: "Always fails.",
      inputSchema: { type: "object", properties: {} },
      annotations: { title: "Always fail", readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true }
    }
  ],
  callTool: overrides.callTool ?? defaultCallTool,
  prompts: [
    {
      name: "triage",
      title: "Triage a failed run",
      description: "Walks through a failed DAG run.",
      arguments: [{ name: "dag_id", description: "The DAG", required: true }]
    }
  ],
  getPrompt: async (name, args) => {
    if (name !== "triage" || args["dag_id"] === undefined) throw new Error("triage needs dag_id")
    return [{ role: "user", text: `Triage the last failed run of ${args["dag_id"]}.` }]
  }
})
