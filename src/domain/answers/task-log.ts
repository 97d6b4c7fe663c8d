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
  error_detail: Schema.optional(Schema.Unknown)
})

export const TaskLogAnswer = Schema.Struct({
  content: Schema.Union(Schema.String, Schema.Array(Schema.Union(Schema.String, StructuredLogEntry))),
  continuation_token: orNull(Schema.String)
})
export type TaskLogAnswer = typeof TaskLogAnswer.Type
