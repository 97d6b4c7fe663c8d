import { Schema } from "effect"
import { looseInt } from "./fields.js"

/** The parameters and answer fields of a log window, shared by get-task-logs and get-workflow-task-logs. */

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

const continuationToken = (tool: string) =>
  Schema.String.pipe(
    Schema.maxLength(2048),
    Schema.annotations({
      message: () => `continuation_token must be the continuation_token of a previous ${tool} answer`,
      description: "From a previous answer: reads on, further back, from where it stopped."
    })
  )

/** The window's parameters, as both log tools take them; `tool` names the tool whose token continues. */
export const logWindowInput = (tool: string) => ({
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
  continuation_token: Schema.optional(continuationToken(tool))
})

/** What both log tools answer about the window read. */
export const logWindowOutput = {
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
}

/** The level as the domain's window takes it. */
export const windowLevel = (l: (typeof LEVELS)[number] | undefined) =>
  l === undefined ? undefined : (l.toUpperCase() as "DEBUG" | "INFO" | "WARNING" | "ERROR" | "CRITICAL")

type WindowInput = Schema.Struct.Type<ReturnType<typeof logWindowInput>>

/** The window's parameters as the domain's log use cases take them. */
export const windowRequest = (i: WindowInput) => ({
  tail_lines: i.tail_lines,
  max_bytes: i.max_bytes,
  filter: i.filter,
  level: windowLevel(i.level),
  context_lines: i.context_lines,
  continuation_token: i.continuation_token
})

type WindowOutput = Schema.Struct.Type<typeof logWindowOutput>

/** What both log tools' summaries say of the window read, after naming the log: "N line(s), lines a–b from the end…". */
export const windowSummary = (o: WindowOutput): string => {
  const range = o.lines_from_end === null ? "no lines" : `lines ${o.lines_from_end.oldest}–${o.lines_from_end.newest} from the end`
  const found =
    o.error_excerpt !== null
      ? // The exception is log text: its place is given here, its words stay in error_excerpt.
        ` An error further back (line ${o.error_excerpt.line_from_end} from the end), in error_excerpt.`
      : ""
  const more = o.truncated ? "; older lines exist (continuation_token)" : ""
  return `${o.lines.length} line(s), ${range}${more}.${found}`
}
