import { Schema } from "effect"
import { orNull } from "./fields.js"

/**
 * GET .../taskInstances/{task}/logs/{try}: Airflow 2 answers its log as text (on 2.10 the Python
 * str() of [(host, text)] tuples), Airflow 3 as structured entries (or plain lines). Decoded here;
 * turning them into lines is log-lines.ts's job.
 */

/**
 * Airflow 3's StructuredLogMessage: `event` (a string, though an extra key may make it anything
 * JSON) and, usually, timestamp, level and logger; the exception chain in error_detail, whose
 * frames log-lines.ts renders as a traceback.
 */
export const StructuredLogEntry = Schema.Struct({
  event: Schema.optional(Schema.Unknown),
  timestamp: orNull(Schema.String),
  level: orNull(Schema.String),
  logger: orNull(Schema.String),
  // Decoded on its own (ErrorDetail, below) when the entry is rendered: a traceback of a shape this
  // server does not know costs the traceback's lines, not the whole log.
  error_detail: Schema.optional(Schema.Unknown)
})
export type StructuredLogEntry = typeof StructuredLogEntry.Type

/** One frame of error_detail's exception chain; any member may be missing. */
const Frame = Schema.Struct({
  filename: Schema.optional(Schema.Unknown),
  lineno: Schema.optional(Schema.Unknown),
  name: Schema.optional(Schema.Unknown)
})

/** Airflow 3's error_detail: the exception chain, each exception with its type, value and frames. */
export const ErrorDetail = Schema.Array(
  Schema.Struct({
    exc_type: Schema.optional(Schema.Unknown),
    exc_value: Schema.optional(Schema.Unknown),
    frames: Schema.optionalWith(Schema.Array(Frame), { default: () => [] })
  })
)

/**
 * A CloudWatch event's text when Airflow 3 wrote it: one structured entry per JSON line, which has
 * an `event`. Checked with Schema.is on the parsed line rather than decoded: a page of 10,000
 * events becomes lines in about 14 ms instead of 32 (1.4 µs a line against 3.2 decoded, 0.8 read
 * by hand; 100,000 lines on Node 20), and the members it reads are the same either way.
 */
export const StructuredLogLine = Schema.Struct({
  event: Schema.Unknown,
  timestamp: Schema.optional(Schema.NullOr(Schema.String)),
  level: Schema.optional(Schema.NullOr(Schema.String)),
  logger: Schema.optional(Schema.NullOr(Schema.String)),
  error_detail: Schema.optional(Schema.Unknown)
})

export const TaskLogAnswer = Schema.Struct({
  content: Schema.Union(Schema.String, Schema.Array(Schema.Union(Schema.String, StructuredLogEntry))),
  continuation_token: orNull(Schema.String)
})
export type TaskLogAnswer = typeof TaskLogAnswer.Type
export type TaskLogContent = TaskLogAnswer["content"]
