import * as Cause from "effect/Cause"
import * as HashMap from "effect/HashMap"
import * as Logger from "effect/Logger"
import { writeStderrLine } from "./stderr-line.js"

const reserved = new Set(["level", "time", "message", "cause"])

/** A value JSON can always encode: itself when it serializes, else its string form (cycles, bigint). */
const encodable = (value: unknown): unknown => {
  try {
    return JSON.stringify(value) === undefined ? String(value) : value
  } catch {
    return String(value)
  }
}

const messageText = (message: unknown): string => {
  const parts = Array.isArray(message) ? message : [message]
  return parts
    .map((part) => (typeof part === "string" ? part : part instanceof Error ? part.message : JSON.stringify(encodable(part))))
    .join(" ")
}

/**
 * One JSON object per line on stderr: {level, time, message, cause?, ...annotations}.
 * Annotations cannot overwrite the fixed fields.
 */
export const stderrLogger: Logger.Logger<unknown, void> = Logger.make(({ logLevel, message, cause, annotations, date }) => {
  const fields: Record<string, unknown> = {}
  for (const [key, value] of HashMap.toEntries(annotations)) {
    if (!reserved.has(key)) fields[key] = encodable(value)
  }
  if (!Cause.isEmpty(cause)) fields["cause"] = Cause.pretty(cause)
  writeStderrLine(logLevel.label, messageText(message), fields, date)
})

/**
 * Replaces Effect's default logger, which prints to stdout: over stdio, stdout carries
 * only MCP messages, so logs must go to stderr.
 */
export const StderrLoggerLive = Logger.replace(Logger.defaultLogger, stderrLogger)
