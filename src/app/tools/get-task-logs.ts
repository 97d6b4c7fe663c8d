import { Schema } from "effect"
import { getTaskLogs } from "../../domain/usecases/task-logs.js"
import { looseInt, taskInstanceFields } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"
import { taskIdText } from "../summary-text.js"

const LEVELS = ["debug", "info", "warning", "error", "critical"] as const

/** A filter is a few words at most; a longer one is a mistake (and would be costly to match). */
export const filter = Schema.String.pipe(
  Schema.minLength(1),
  Schema.maxLength(200),
  Schema.annotations({
    message: () => "filter must be a text of 1 to 200 characters",
    description: "Only lines containing this text (case-insensitive), with context_lines around each."
  })
)

export const level = Schema.transform(
  Schema.Literal(...LEVELS, ...LEVELS.map((l) => l.toUpperCase() as Uppercase<typeof l>)),
  Schema.Literal(...LEVELS),
  { decode: (l) => l.toLowerCase() as (typeof LEVELS)[number], encode: (l) => l }
).annotations({
  message: () => ({ message: `level must be one of ${LEVELS.join(", ")}`, override: true }),
  jsonSchema: { type: "string", enum: [...LEVELS] },
  description: "Only records at this level or above (a traceback counts with its ERROR line)."
})

const continuation_token = Schema.String.pipe(
  Schema.maxLength(2048),
  Schema.annotations({
    message: () => "continuation_token must be the continuation_token of a previous get-task-logs answer",
    description: "From a previous answer: reads on, further back, from where it stopped."
  })
)

/** get-task-logs: the end of one try's log (or the lines matching a filter), read backwards a page at a time. */
export const getTaskLogsTool = readTool({
  name: "get-task-logs",
  title: "Get a task's log",
  description:
    "Returns the end of one task try's log (default: the latest try; the last 200 lines within 16 KB), from the " +
    "environment's CloudWatch task log group (or Airflow's REST API). error_excerpt holds the exception and traceback " +
    "that explain a failure when they sit further back than the lines shown. filter (text) and level (e.g. error) show " +
    'only matching lines, with context_lines around each; "--" marks skipped lines. truncated: true means older lines ' +
    "exist: pass continuation_token to read further back. lines_from_end numbers lines from the end (1 = the last). " +
    "Earlier tries: try_number. Credentials in the log are masked.",
  input: Schema.Struct({
    ...taskInstanceFields,
    try_number: Schema.optional(looseInt("try_number", 1, 1000).annotations({ description: "Try to read (default: the latest)." })),
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
    dag_id: Schema.String,
    dag_run_id: Schema.String,
    task_id: Schema.String,
    map_index: Schema.Number,
    try_number: Schema.Number,
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
  // The token is the server's own (base64url of a cursor), not the environment's secret.
  serverFields: ["continuation_token"],
  run: (i) =>
    withEnvironment(i.environment_name, (env) =>
      getTaskLogs(env, {
        dag_id: i.dag_id,
        dag_run_id: i.dag_run_id,
        task_id: i.task_id,
        map_index: i.map_index ?? -1,
        try_number: i.try_number,
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
    return `Log of ${taskIdText(o.task_id)} try ${o.try_number} (${o.source}): ${o.lines.length} line(s), ${range}${more}.${found}`
  }
})
