import type { LogEvent } from "../../../src/adapters/cloudwatch-task-logs.js"

/**
 * GetLogEvents paging over a stream's events, for what the port does not offer (reading
 * forwards, startTime/endTime bounds). Tokens carry a position: `f/N` reads forwards from
 * event N, `b/N` backwards from before event N, the format the in-memory fake's backward
 * tokens already use. A page holds at most `limit` events and 1 MB (message bytes + 26 each).
 */
const MAX_BYTES = 1_048_576

export interface Position {
  readonly direction: "f" | "b"
  readonly index: number
}

export const tokenOf = (direction: "f" | "b", index: number): string => `${direction}/${String(index).padStart(56, "0")}/s`

export const positionOf = (token: string): Position | undefined => {
  const m = /^([fb])\/(\d{56})\/s$/.exec(token)
  return m === null ? undefined : { direction: m[1] as "f" | "b", index: Number(m[2]) }
}

export interface Page {
  readonly events: ReadonlyArray<LogEvent>
  readonly nextForwardToken: string
  readonly nextBackwardToken: string
}

const sizeOf = (event: LogEvent | undefined) => Buffer.byteLength(event?.message ?? "", "utf8") + 26

const firstAtOrAfter = (events: ReadonlyArray<LogEvent>, time: number) => {
  const i = events.findIndex((e) => e.timestamp >= time)
  return i < 0 ? events.length : i
}

export const readPage = (
  events: ReadonlyArray<LogEvent>,
  options: {
    readonly position?: Position | undefined
    readonly startFromHead: boolean
    readonly startTime?: number | undefined
    readonly endTime?: number | undefined
    readonly limit: number
  }
): Page => {
  // endTime is exclusive: events at or after it are not included.
  const lo = options.startTime === undefined ? 0 : firstAtOrAfter(events, options.startTime)
  const hi = Math.max(lo, options.endTime === undefined ? events.length : firstAtOrAfter(events, options.endTime))
  const clamp = (i: number) => Math.min(hi, Math.max(lo, i))
  const forward = options.position === undefined ? options.startFromHead : options.position.direction === "f"
  let bytes = 0
  if (forward) {
    const start = clamp(options.position?.index ?? lo)
    let end = start
    while (end < hi && end - start < options.limit && bytes + sizeOf(events[end]) <= MAX_BYTES) bytes += sizeOf(events[end++])
    return { events: events.slice(start, end), nextForwardToken: tokenOf("f", end), nextBackwardToken: tokenOf("b", start) }
  }
  const end = clamp(options.position?.index ?? hi)
  let start = end
  while (start > lo && end - start < options.limit && bytes + sizeOf(events[start - 1]) <= MAX_BYTES) bytes += sizeOf(events[--start])
  return { events: events.slice(start, end), nextForwardToken: tokenOf("f", end), nextBackwardToken: tokenOf("b", start) }
}
