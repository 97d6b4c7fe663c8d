import { Effect, Option } from "effect"
import { AppConfig } from "../../ports/AppConfig.js"
import { MwaaError } from "../../ports/MwaaError.js"
import { decodeCursor, encodeCursor, type LogCursor, logIdentity } from "../log-cursor.js"
import { READ_TASK_LOG, UnusableLogToken } from "../log-token.js"
import { type ErrorExcerpt, findErrorExcerpt, type LogLevel, levelOf } from "../log-excerpt.js"
import {
  addChunk,
  blankKeyBodies,
  costOf,
  emptyWindow,
  isFiltering,
  type LineFilter,
  type ScanLine,
  shownLines,
  shrinkTo
} from "../log-window.js"
import { maskSecretsInText } from "../redaction.js"
import type * as Tasks from "../routes-tasks.js"
import { openTaskLog, type TaskLogSource } from "./task-log-source.js"
import { getTaskInstance } from "./task-instances.js"

/**
 * A task try's log, read from the end a page at a time: the last lines (or the lines that
 * match a filter) within a line count and a byte budget, where to read on from, and the
 * error that explains a failure even when it sits further back than the lines shown.
 */

export interface TaskLogsRequest {
  readonly dag_id: string
  readonly dag_run_id: string
  readonly task_id: string
  readonly map_index: number
  readonly try_number?: number | undefined
  /** Default 200. */
  readonly tail_lines?: number | undefined
  /** Default 16 KB: the answer's size, lines and error excerpt included. */
  readonly max_bytes?: number | undefined
  readonly filter?: string | undefined
  readonly level?: LogLevel | undefined
  /** Default 0. */
  readonly context_lines?: number | undefined
  readonly continuation_token?: string | undefined
}

export const DEFAULT_TAIL_LINES = 200
export const DEFAULT_MAX_BYTES = 16_384

/** Events per CloudWatch page: a tail needs few; a filter scans many (a page stays under 1 MB). */
const TAIL_PAGE_EVENTS = 1000
const FILTER_PAGE_EVENTS = 10_000
/** Pages read in one call at most: a tail is usually one page; a filter scans up to ~25 MB per call. */
const TAIL_MAX_PAGES = 10
const FILTER_MAX_PAGES = 25
/** Lines searched for the error that explains a failure: the newest ones read anyway. */
const EXCERPT_SEARCH_LINES = 5000
/** What the rest of the answer (ids, stream, range, token, the summary line) costs, kept out of the lines' budget. */
const ANSWER_OVERHEAD = 1536

interface Position {
  readonly page: string | null
  readonly skip: number
  readonly linesFromEnd: number
}

/** The lines of one page, oldest first, numbered from the end of the log. */
const numberPage = (page: string | null, events: ReadonlyArray<ReadonlyArray<string>>, skip: number, linesAfter: number) => {
  const lines: Array<ScanLine> = []
  let fromEnd = linesAfter
  for (let e = events.length - 1 - skip; e >= 0; e--) {
    const eventLines = events[e] ?? []
    const eventTop = fromEnd + 1
    for (let l = eventLines.length - 1; l >= 0; l--) {
      fromEnd += 1
      lines.push({ text: eventLines[l] ?? "", page, event: events.length - 1 - e, fromEnd, eventTop })
    }
  }
  return { lines: lines.reverse(), fromEnd }
}

/**
 * Leading events without a leveled line continue the record of the page before (older):
 * with a level filter they are held back and read with that page, so they take its level.
 */
const splitContinuation = (lines: ReadonlyArray<ScanLine>, filter: LineFilter) => {
  if (filter.level === undefined) return { held: [], rest: lines }
  const firstLeveled = lines.findIndex((l) => levelOf(l.text) !== undefined)
  if (firstLeveled < 0) return { held: lines, rest: [] }
  const event = lines[firstLeveled]?.event
  let cut = firstLeveled
  while (cut > 0 && lines[cut - 1]?.event === event) cut--
  return { held: lines.slice(0, cut), rest: lines.slice(cut) }
}

const resumeAt = (line: ScanLine): Position => ({ page: line.page, skip: line.event, linesFromEnd: line.eventTop - 1 })

interface WindowRead {
  readonly lines: ReadonlyArray<string>
  readonly newest: number | undefined
  readonly oldest: number | undefined
  readonly scanned: number
  readonly next: Position | undefined
  readonly masked: boolean
  readonly excerpt: Option.Option<ErrorExcerpt & { readonly fromEnd: number }>
}

const readWindow = (
  log: TaskLogSource,
  start: Position,
  filter: LineFilter,
  limits: { readonly maxLines: number; readonly maxBytes: number },
  searchError: boolean
) =>
  Effect.gen(function* () {
    const filtering = isFiltering(filter)
    const pageEvents = filtering ? FILTER_PAGE_EVENTS : TAIL_PAGE_EVENTS
    const maxPages = filtering ? FILTER_MAX_PAGES : TAIL_MAX_PAGES
    const state = emptyWindow()
    // The newest lines read, key bodies blanked, oldest first: where the error is searched.
    let searched: Array<{ text: string; fromEnd: number }> = []
    const remember = (chunk: ReadonlyArray<ScanLine>, texts: ReadonlyArray<string>) => {
      if (!searchError || searched.length >= EXCERPT_SEARCH_LINES) return
      searched = [...chunk.map((l, i) => ({ text: texts[i] ?? "", fromEnd: l.fromEnd })), ...searched]
    }
    let position = start
    let held: ReadonlyArray<ScanLine> = []
    let next: Position | undefined
    let fromEnd = start.linesFromEnd
    for (let pages = 0; ; pages++) {
      if (pages === maxPages) {
        next = held.length > 0 ? resumeAt(held[held.length - 1] as ScanLine) : position
        break
      }
      const page = yield* log.fetch(position.page, pageEvents)
      const numbered = numberPage(position.page, page.events, position.skip, fromEnd)
      fromEnd = numbered.fromEnd
      const split = splitContinuation(numbered.lines, filter)
      const chunk = [...split.rest, ...held]
      held = split.held
      const added = addChunk(state, chunk, filter, limits)
      remember(chunk, added.texts)
      if (added.full) {
        next = state.resume === undefined ? undefined : resumeAt(state.resume)
        break
      }
      if (page.older === undefined) {
        const last = addChunk(state, held, filter, limits)
        remember(held, last.texts)
        next = last.full && state.resume !== undefined ? resumeAt(state.resume) : undefined
        break
      }
      position = { page: page.older, skip: 0, linesFromEnd: fromEnd }
    }

    // The error that explains a failure, when the lines shown do not already hold it: the
    // oldest shown lines make room for it within the same budget.
    const found = searchError ? findErrorExcerpt(searched.map((l) => l.text)) : Option.none()
    const excerpt = Option.map(found, (e) => {
      const exception = maskSecretsInText(e.exception).text
      // At most half the budget: the newest lines stay in view. A traceback too long for it
      // keeps its end, where the exception line is.
      const lines = e.lines.map((line) => maskSecretsInText(line).text)
      let cost = lines.reduce((sum, l) => sum + costOf(l), costOf(exception))
      while (cost > limits.maxBytes / 2 && lines.length > 1) cost -= costOf(lines.shift() ?? "")
      return { ...e, lines, exception, cost, fromEnd: searched[e.index]?.fromEnd ?? 0 }
    })
    const oldestShown = () => state.shown[state.shown.length - 1]?.fromEnd ?? 0
    if (Option.isSome(excerpt) && excerpt.value.fromEnd > oldestShown()) {
      shrinkTo(state, limits.maxBytes - excerpt.value.cost)
      if (state.resume !== undefined) next = resumeAt(state.resume)
    }
    const shownExcerpt = Option.filter(excerpt, (e) => e.fromEnd > oldestShown())
    return {
      lines: shownLines(state, filtering),
      newest: state.shown[0]?.fromEnd,
      oldest: state.shown[state.shown.length - 1]?.fromEnd,
      scanned: fromEnd - start.linesFromEnd,
      next,
      masked: state.masked || Option.exists(excerpt, (e) => e.lines.some((l) => l.includes("***"))),
      excerpt: shownExcerpt
    } satisfies WindowRead
  })

export const getTaskLogs = Effect.fnUntraced(function* (env: string, req: TaskLogsRequest) {
  const tryNumber = req.try_number ?? (yield* getTaskInstance(env, req.dag_id, req.dag_run_id, req.task_id, req.map_index)).try_number
  if (tryNumber < 1) {
    return yield* new MwaaError({
      reason: "NotFound",
      operation: READ_TASK_LOG,
      message: `Task ${req.task_id} of run ${req.dag_run_id} has not run yet, so it has no log.`
    })
  }
  const attempt: Tasks.TaskTry = { ...req, try_number: tryNumber }
  const identity = logIdentity([req.dag_id, req.dag_run_id, req.task_id, req.map_index, tryNumber])
  const cursor: Option.Option<LogCursor> =
    req.continuation_token === undefined ? Option.none() : Option.some(yield* decodeCursor(req.continuation_token, identity))
  const log = yield* openTaskLog(env, attempt)
  if (Option.isSome(cursor) && cursor.value.source !== log.source) {
    return yield* new UnusableLogToken({ problem: "other-source", given: cursor.value.source, now: log.source })
  }
  const filter: LineFilter = { contains: req.filter, level: req.level, context: req.context_lines ?? 0 }
  const start: Position = Option.match(cursor, {
    onNone: () => ({ page: null, skip: 0, linesFromEnd: 0 }),
    onSome: (c) => ({ page: c.page, skip: c.skip, linesFromEnd: c.linesFromEnd })
  })
  // Never more than one answer can carry: lines the answer's size bound cut afterwards would be
  // lost between this page and the next, whose cursor starts after them.
  const { maxResponseBytes } = yield* AppConfig
  const budget = Math.max(256, Math.min(req.max_bytes ?? DEFAULT_MAX_BYTES, maxResponseBytes) - ANSWER_OVERHEAD)
  // The error excerpt is for the first look at a log: a filter or a continued read asked for something else.
  const searchError = !isFiltering(filter) && Option.isNone(cursor)
  const read = yield* readWindow(log, start, filter, { maxLines: req.tail_lines ?? DEFAULT_TAIL_LINES, maxBytes: budget }, searchError)
  const limit = isFiltering(filter) ? FILTER_PAGE_EVENTS : TAIL_PAGE_EVENTS
  return {
    dag_id: req.dag_id,
    dag_run_id: req.dag_run_id,
    task_id: req.task_id,
    map_index: req.map_index,
    try_number: tryNumber,
    source: log.source,
    log_stream: log.stream,
    lines: read.lines,
    lines_from_end: read.newest === undefined || read.oldest === undefined ? null : { newest: read.newest, oldest: read.oldest },
    scanned_lines: read.scanned,
    truncated: read.next !== undefined,
    continuation_token: read.next === undefined ? null : encodeCursor({ ...read.next, limit, source: log.source, identity }),
    error_excerpt: Option.match(read.excerpt, {
      onNone: () => null,
      onSome: (e) => ({ exception: e.exception, line_from_end: e.fromEnd, lines: e.lines })
    }),
    masked: read.masked
  }
})

/**
 * The error that explains a failed try, from the newest lines of its log, for diagnose-dag-run:
 * the excerpt, or undefined when the lines read hold no traceback or ERROR line.
 */
export const findTaskError = Effect.fnUntraced(function* (env: string, attempt: Tasks.TaskTry, maxPages: number) {
  const log = yield* openTaskLog(env, attempt)
  const keyState = { insideKey: false }
  let lines: ReadonlyArray<string> = []
  let page: string | null = null
  for (let read = 0; read < maxPages; read++) {
    const result: { events: ReadonlyArray<ReadonlyArray<string>>; older: string | undefined } = yield* log.fetch(page, TAIL_PAGE_EVENTS)
    const texts = blankKeyBodies(
      result.events.flat().map((text) => ({ text })),
      keyState
    )
    lines = [...texts, ...lines]
    const found = findErrorExcerpt(lines)
    if (Option.isSome(found) || result.older === undefined) {
      return Option.map(found, (e) => ({
        exception: maskSecretsInText(e.exception).text,
        lines: e.lines.map((line) => maskSecretsInText(line).text),
        line_from_end: lines.length - e.index,
        source: log.source
      }))
    }
    page = result.older
  }
  return Option.none()
})
