/**
 * `mwaa-mcp-server/catalogue`: the tools (name, annotations, Effect Schemas for input and
 * output, run), the prompts and instructions, and the ToolHost that runs them on a runtime: to
 * serve a subset, add tools of your own, or run a tool without MCP; and how the tools word the
 * use cases' intents (next steps, hints), for callers of the use cases themselves. Needs effect only.
 */
export type {
  PromptDescriptor,
  ToolAnnotations,
  ToolCallContext,
  ToolCallResult,
  ToolDescriptor,
  ToolHost
} from "../ports/ToolHost.js"
export { catalogue } from "../app/catalogue.js"
export * as NextSteps from "../app/next-steps.js"
export { type DiagnosisAnswer, fitDiagnosis, wordDiagnosis } from "../app/tools/diagnosis-fit.js"
export { instructions } from "../app/instructions.js"
export { type PromptSpec, prompts } from "../app/prompts.js"
export { mwaaToolHost } from "../app/server-host.js"
export { jsonSchemaOf } from "../app/json-schema.js"
export { describeTool, makeToolHost, type ToolHostOptions, type ToolRunner } from "../app/tool-host.js"
export { type AnyToolSpec, readTool, type ToolServices, type ToolSpec, writeTool } from "../app/tool-spec.js"
export { packageVersion } from "../app/version.js"
