import { Option, Schema } from "effect"
import { ErrorDetail, StructuredLogLine, type TaskLogContent } from "./answers/task-log.js"
import { hostLogTuples } from "./python-repr.js"
import { maskSecretsInText } from "./redaction.js"

/**
 * Task logs as plain lines, whether they came as Airflow 2's text, Airflow 3's structured
 * entries, or CloudWatch events (Airflow 3 writes JSON lines there).
 */

/**
 * One text (an event, an entry) as lines. A text of several lines is masked whole first: a value
 * written over several lines (json.dumps(indent=2) of a conf with a password list) is only
 * recognisable whole, and each line is masked again on its own later, which changes nothing more.
 */
const splitLines = (text: string): ReadonlyArray<string> => {
  const normalized = text.replace(/\r\n?/g, "\n").replace(/\n$/, "")
  return normalized.includes("\n") ? maskSecretsInText(normalized).text.split("\n") : [normalized]
}

const decodeErrorDetail = Schema.decodeUnknownOption(ErrorDetail)
const isStructuredLine = Schema.is(StructuredLogLine)

const parsedJson = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined // not JSON after all: the text stays as it is
  }
}

const shown = (value: unknown, absent: string): string => (value === undefined || value === null ? absent : String(value))

/** Airflow 3's error_detail: the exception chain as frames; rendered like a Python traceback. */
const tracebackOf = (detail: unknown): ReadonlyArray<string> =>
  Option.getOrElse(decodeErrorDetail(detail), () => []).flatMap((exc) => [
    "Traceback (most recent call last):",
    ...exc.frames.map((f) => `  File "${shown(f.filename, "?")}", line ${shown(f.lineno, "?")}, in ${shown(f.name, "?")}`),
    `${shown(exc.exc_type, "Exception")}: ${shown(exc.exc_value, "")}`
  ])

/** What a structured entry holds, from REST (decoded) or from CloudWatch (checked): any member may be missing. */
interface Entry {
  readonly event?: unknown
  readonly timestamp?: string | null | undefined
  readonly level?: string | null | undefined
  readonly logger?: string | null | undefined
  readonly error_detail?: unknown
}

/** One structured entry ({timestamp, level, logger, event, error_detail?}) as Airflow's classic line format. */
export const formatStructuredEntry = (entry: string | Entry): ReadonlyArray<string> => {
  if (typeof entry === "string") return splitLines(entry)
  const event = typeof entry.event === "string" ? entry.event : JSON.stringify(entry.event ?? "")
  const prefix = [
    entry.timestamp == null ? undefined : `[${entry.timestamp}]`,
    entry.logger == null ? undefined : `{${entry.logger}}`,
    entry.level == null ? undefined : entry.level.toUpperCase()
  ].filter((p) => p !== undefined)
  const head = prefix.length > 0 ? `${prefix.join(" ")} - ${event}` : event
  return [...splitLines(head), ...tracebackOf(entry.error_detail)]
}

/** Airflow 2 REST: text; Airflow 3 REST: an array of structured entries (or plain lines). */
export const linesFromRestContent = (content: TaskLogContent): ReadonlyArray<string> => {
  if (typeof content !== "string") return content.flatMap(formatStructuredEntry)
  const texts = hostLogTuples(content) ?? [content]
  return texts.flatMap((text) => (text.length === 0 ? [] : splitLines(text)))
}

/** A CloudWatch event: Airflow 2 writes a formatted line, Airflow 3 a JSON object per line. */
export const linesFromCloudWatchMessage = (message: string): ReadonlyArray<string> => {
  const trimmed = message.trimStart()
  // Only a text that opens like JSON is worth a parse; any other is a formatted line as it stands.
  const entry = trimmed.startsWith("{") ? parsedJson(trimmed) : undefined
  return isStructuredLine(entry) ? formatStructuredEntry(entry) : splitLines(message)
}
