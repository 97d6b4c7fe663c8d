import { Option } from "effect"
import { maskSecretsInText, maskThenCut } from "./redaction.js"

/**
 * Finds what explains a failed try in its log: the last Python traceback and the exception
 * line it ends with, or, in a log without a traceback, the last ERROR line. The excerpt is
 * bounded (deep tracebacks keep their first and last frames) so a triage answer stays small.
 */

export interface ErrorExcerpt {
  /** The exception line, e.g. "ValueError: negative amount in row 18231". */
  readonly exception: string
  /** The lines around it: a line or two of context, the traceback (frames trimmed), the exception. */
  readonly lines: ReadonlyArray<string>
  /** Index of the exception line in the lines searched. */
  readonly index: number
}

export type LogLevel = "DEBUG" | "INFO" | "WARNING" | "ERROR" | "CRITICAL"

const LEVEL_RANK: Readonly<Record<LogLevel, number>> = { DEBUG: 10, INFO: 20, WARNING: 30, ERROR: 40, CRITICAL: 50 }

export const levelRank = (level: LogLevel): number => LEVEL_RANK[level]

// Airflow's line format, "[<time>] {<file:line or logger>} LEVEL - message"; the
// "{...}" part is optional so plain "[<time>] ERROR - ..." lines count too.
const LEVELED = /^\[[^\]]{1,64}\]\s+(?:\{[^}]{0,200}\}\s+)?(CRITICAL|FATAL|ERROR|WARNING|WARN|INFO|DEBUG)\b/i

/** The level of an Airflow log line, or undefined for a continuation line (traceback, multi-line message). */
export const levelOf = (line: string): LogLevel | undefined => {
  const m = LEVELED.exec(line)
  if (m === null) return undefined
  const level = (m[1] ?? "").toUpperCase()
  if (level === "FATAL") return "CRITICAL"
  if (level === "WARN") return "WARNING"
  return level as LogLevel
}

const TRACEBACK = /Traceback \(most recent call last\):\s*$/
const CHAIN = /^(During handling of the above exception|The above exception was the direct cause)/
/** Frame lines are indented ("  File ...", "    code", "    ^^^^"); the exception line is not. */
const isFrameLine = (line: string) => /^\s/.test(line) || line.length === 0

/**
 * A line without the "[<time>] " Airflow 2 puts before every CloudWatch event it serves over REST
 * (the Amazon provider's handler): a traceback printed line by line is one event a line there, and
 * its frames and exception must read as they do in CloudWatch. A levelled line keeps its prefix.
 */
const EVENT_TIME = /^\[\d{4}-\d{2}-\d{2}[ T][^\]]{0,40}\] /
const bare = (line: string): string => (levelOf(line) === undefined ? line.replace(EVENT_TIME, "") : line)

/** Frames kept at the start and the end of a deep traceback. */
const HEAD_FRAMES = 4
const TAIL_FRAMES = 10
/** Context lines kept before the traceback (Airflow's "Task failed with exception" line). */
const CONTEXT_BEFORE = 2
/** Lines of a multi-line exception message kept after the exception line. */
const MESSAGE_LINES = 3
const MAX_LINE_CHARS = 500

const clip = (line: string) => maskThenCut(line, MAX_LINE_CHARS, (dropped) => `… (${dropped} chars cut)`)

const trimFrames = (frames: ReadonlyArray<string>): ReadonlyArray<string> =>
  frames.length <= HEAD_FRAMES + TAIL_FRAMES + 1
    ? frames
    : [
        ...frames.slice(0, HEAD_FRAMES),
        `  … ${frames.length - HEAD_FRAMES - TAIL_FRAMES} traceback lines omitted …`,
        ...frames.slice(-TAIL_FRAMES)
      ]

const fromTraceback = (lines: ReadonlyArray<string>, header: number): Option.Option<ErrorExcerpt> => {
  let e = header + 1
  while (e < lines.length && isFrameLine(bare(lines[e] ?? ""))) e++
  const line = lines[e]
  if (line === undefined || levelOf(line) !== undefined) return Option.none()
  const exception = bare(line)
  // A message that spans lines continues until the next log line or chained traceback.
  let end = e + 1
  while (
    end < lines.length &&
    end - e <= MESSAGE_LINES &&
    levelOf(lines[end] ?? "") === undefined &&
    !CHAIN.test(bare(lines[end] ?? "")) &&
    !TRACEBACK.test(lines[end] ?? "")
  )
    end++
  return Option.some({
    exception: clip(exception),
    index: e,
    lines: [
      ...lines.slice(Math.max(0, header - CONTEXT_BEFORE), header),
      lines[header] ?? "",
      ...trimFrames(lines.slice(header + 1, e)),
      ...lines.slice(e, end)
    ].map(clip)
  })
}

const fromErrorLine = (lines: ReadonlyArray<string>): Option.Option<ErrorExcerpt> => {
  for (let i = lines.length - 1; i >= 0; i--) {
    const level = levelOf(lines[i] ?? "")
    if (level === "ERROR" || level === "CRITICAL") {
      let end = i + 1
      while (end < lines.length && end - i <= MESSAGE_LINES && levelOf(lines[end] ?? "") === undefined) end++
      return Option.some({ exception: clip(lines[i] ?? ""), index: i, lines: lines.slice(Math.max(0, i - CONTEXT_BEFORE), end).map(clip) })
    }
  }
  return Option.none()
}

/** The excerpt that best explains the failure in these lines (oldest first), if any. */
export const findErrorExcerpt = (lines: ReadonlyArray<string>): Option.Option<ErrorExcerpt> => {
  for (let i = lines.length - 1; i >= 0; i--) {
    if (TRACEBACK.test(lines[i] ?? "")) {
      const found = fromTraceback(lines, i)
      if (Option.isSome(found)) return found
    }
  }
  return fromErrorLine(lines)
}

/** An excerpt as it is shown: its exception and lines masked, as every line of a log answer is. */
export const maskedExcerpt = <E extends ErrorExcerpt>(e: E): E => ({
  ...e,
  exception: maskSecretsInText(e.exception).text,
  lines: e.lines.map((line) => maskSecretsInText(line).text)
})
