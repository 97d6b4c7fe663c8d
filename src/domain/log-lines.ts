import { asArray, asRecord } from "./normalize.js"
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

/** Airflow 3's error_detail: the exception chain as frames; rendered like a Python traceback. */
const tracebackOf = (detail: unknown): ReadonlyArray<string> =>
  asArray(detail).flatMap((exc) => {
    const e = asRecord(exc)
    const frames = asArray(e["frames"]).map((f) => {
      const frame = asRecord(f)
      return `  File "${String(frame["filename"] ?? "?")}", line ${String(frame["lineno"] ?? "?")}, in ${String(frame["name"] ?? "?")}`
    })
    return ["Traceback (most recent call last):", ...frames, `${String(e["exc_type"] ?? "Exception")}: ${String(e["exc_value"] ?? "")}`]
  })

/** One structured entry ({timestamp, level, logger, event, error_detail?}) as Airflow's classic line format. */
export const formatStructuredEntry = (entry: unknown): ReadonlyArray<string> => {
  if (typeof entry === "string") return splitLines(entry)
  const e = asRecord(entry)
  const event = typeof e["event"] === "string" ? e["event"] : JSON.stringify(e["event"] ?? "")
  const prefix = [
    typeof e["timestamp"] === "string" ? `[${e["timestamp"]}]` : undefined,
    typeof e["logger"] === "string" ? `{${e["logger"]}}` : undefined,
    typeof e["level"] === "string" ? e["level"].toUpperCase() : undefined
  ].filter((p) => p !== undefined)
  const head = prefix.length > 0 ? `${prefix.join(" ")} - ${event}` : event
  return [...splitLines(head), ...tracebackOf(e["error_detail"])]
}

/** Airflow 2 REST: text; Airflow 3 REST: an array of structured entries. */
export const linesFromRestContent = (content: unknown): ReadonlyArray<string> => {
  if (typeof content === "string") {
    const texts = hostLogTuples(content) ?? [content]
    return texts.flatMap((text) => (text.length === 0 ? [] : splitLines(text)))
  }
  if (Array.isArray(content)) return content.flatMap(formatStructuredEntry)
  return []
}

/** A CloudWatch event: Airflow 2 writes a formatted line, Airflow 3 a JSON object per line. */
export const linesFromCloudWatchMessage = (message: string): ReadonlyArray<string> => {
  const trimmed = message.trimStart()
  if (trimmed.startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(trimmed)
      if (typeof parsed === "object" && parsed !== null && "event" in parsed) return formatStructuredEntry(parsed)
    } catch {
      // Not JSON after all: keep the text as it is.
    }
  }
  return splitLines(message)
}
