import { Schema } from "effect"
import { getWorkflowTaskLogs } from "../../domain/usecases/workflow-logs.js"
import { looseInt } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { withWorkflow } from "../with-workflow.js"
import { run_id, task_instance_id, workflow } from "../workflow-fields.js"
import { workflowTaskIdText } from "../workflow-summary-text.js"
import { filter, level } from "./get-task-logs.js"

const continuation_token = Schema.String.pipe(
  Schema.maxLength(2048),
  Schema.annotations({
    message: () => "continuation_token must be the continuation_token of a previous get-workflow-task-logs answer",
    description: "From a previous answer: reads on, further back, from where it stopped."
  })
)

/** get-workflow-task-logs: get-task-logs for an MWAA Serverless task instance, with its bounds and behaviour. */
export const getWorkflowTaskLogsTool = readTool({
  name: "get-workflow-task-logs",
  title: "Get a workflow task's log",
  description:
    "Returns the end of an MWAA Serverless task instance's log (its latest attempt; the last 200 lines within 16 KB), " +
    "from the CloudWatch log stream GetTaskInstance names in the workflow's log group. error_excerpt holds the " +
    "exception and traceback that explain a failure when they sit further back than the lines shown. filter (text) " +
    'and level (e.g. error) show only matching lines, with context_lines around each; "--" marks skipped lines. ' +
    "truncated: true means older lines exist: pass continuation_token to read further back. lines_from_end numbers " +
    "lines from the end (1 = the last). Credentials in the log are masked.",
  input: Schema.Struct({
    workflow,
    run_id,
    task_instance_id,
    tail_lines: Schema.optional(looseInt("tail_lines", 1, 5000).annotations({ description: "Lines shown at most (default 200)." })),
    max_bytes: Schema.optional(
      looseInt("max_bytes", 2048, 1_000_000).annotations({
        description: "Size of the answer at most, in bytes (default 16384; never more than the server's answer limit, 64 KiB unless set)."
      })
    ),
    filter: Schema.optional(filter),
    level: Schema.optional(level),
    context_lines: Schema.optional(
      looseInt("context_lines", 0, 50).annotations({ description: "Lines shown before and after each filter match (default 0)." })
    ),
    continuation_token: Schema.optional(continuation_token)
  }),
  output: Schema.Struct({
    workflow: Schema.String,
    run_id: Schema.String,
    task_instance_id: Schema.String,
    task_id: Schema.NullOr(Schema.String),
    try_number: Schema.NullOr(Schema.Number),
    state: Schema.NullOr(Schema.String),
    status: Schema.NullOr(Schema.String),
    source: Schema.Literal("cloudwatch", "rest"),
    log_stream: Schema.NullOr(Schema.String),
    lines: Schema.Array(Schema.String),
    lines_from_end: Schema.NullOr(Schema.Struct({ newest: Schema.Number, oldest: Schema.Number })),
    scanned_lines: Schema.Number,
    truncated: Schema.Boolean,
    continuation_token: Schema.NullOr(Schema.String),
    error_excerpt: Schema.NullOr(
      Schema.Struct({ exception: Schema.String, line_from_end: Schema.Number, lines: Schema.Array(Schema.String) })
    ),
    masked: Schema.Boolean
  }),
  // The token is the server's own (base64url of a cursor), not the workflow's secret.
  serverFields: ["continuation_token"],
  run: (i) =>
    withWorkflow(i.workflow, (wf) =>
      getWorkflowTaskLogs(wf, {
        run_id: i.run_id,
        task_instance_id: i.task_instance_id,
        tail_lines: i.tail_lines,
        max_bytes: i.max_bytes,
        filter: i.filter,
        level: i.level === undefined ? undefined : (i.level.toUpperCase() as "DEBUG" | "INFO" | "WARNING" | "ERROR" | "CRITICAL"),
        context_lines: i.context_lines,
        continuation_token: i.continuation_token
      })
    ),
  summarize: (o) => {
    const range = o.lines_from_end === null ? "no lines" : `lines ${o.lines_from_end.oldest}–${o.lines_from_end.newest} from the end`
    const found =
      o.error_excerpt !== null
        ? // The exception is log text: its place is given here, its words stay in error_excerpt.
          ` An error further back (line ${o.error_excerpt.line_from_end} from the end), in error_excerpt.`
        : ""
    const more = o.truncated ? "; older lines exist (continuation_token)" : ""
    const attempt = o.try_number === null ? "" : ` attempt ${o.try_number}`
    return `Log of task instance ${workflowTaskIdText(o.task_instance_id)}${attempt}: ${o.lines.length} line(s), ${range}${more}.${found}`
  }
})
