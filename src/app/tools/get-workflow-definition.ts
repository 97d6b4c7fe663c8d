import { Effect, Schema } from "effect"
import { readWorkflowDefinition } from "../../domain/usecases/workflows.js"
import { AppConfig } from "../../ports/AppConfig.js"
import { DefinitionLocation } from "../../ports/Workflows.js"
import { looseInt } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { withWorkflow } from "../with-workflow.js"
import { workflow } from "../workflow-fields.js"
import { version } from "../workflow-read-fields.js"

const DEFAULT_MAX_BYTES = 32 * 1024

/** Lines shown: a final newline ends the last line, it does not start another. */
const lineCount = (text: string) => (text === "" ? 0 : text.split("\n").length - (text.endsWith("\n") ? 1 : 0))

/** get-workflow-definition: the YAML a workflow version runs, read from S3 only when asked, bounded and masked. */
export const getWorkflowDefinitionTool = readTool({
  name: "get-workflow-definition",
  title: "Get an MWAA Serverless workflow's YAML definition",
  description:
    "Reads the YAML definition of a workflow version (the latest, or the version given) from its S3 location: at most " +
    `max_bytes (default ${DEFAULT_MAX_BYTES}, never more than the server's answer limit), cut at a line's end. Credentials in ` +
    "it, and the values of secret-named keys (password:, conn_uri: ...), are masked (masked: true); truncated and total_bytes " +
    "say when there is more. Use it to explain a failure a task's error message or log points at.",
  input: Schema.Struct({
    workflow,
    version,
    max_bytes: Schema.optional(
      looseInt("max_bytes", 1, 1024 * 1024).annotations({
        description: `Most characters of the definition to show (default ${DEFAULT_MAX_BYTES}; capped at the server's answer limit).`
      })
    )
  }),
  output: Schema.Struct({
    workflow: Schema.String,
    version: Schema.NullOr(Schema.String),
    definition_location: DefinitionLocation,
    content: Schema.String,
    masked: Schema.Boolean,
    truncated: Schema.Boolean,
    total_bytes: Schema.NullOr(Schema.Number),
    shown_characters: Schema.Number
  }),
  run: (i) =>
    withWorkflow(i.workflow, (wf) =>
      Effect.flatMap(AppConfig, (config) =>
        readWorkflowDefinition(wf, i.version, Math.min(i.max_bytes ?? DEFAULT_MAX_BYTES, config.maxResponseBytes))
      )
    ),
  summarize: (o) =>
    `Definition of ${o.workflow}: ${lineCount(o.content)} lines` +
    (o.truncated ? `, cut at ${o.shown_characters} characters of ${o.total_bytes ?? "unknown"} bytes (raise max_bytes for more)` : "") +
    (o.masked ? "; credentials in it were masked." : ".")
})
