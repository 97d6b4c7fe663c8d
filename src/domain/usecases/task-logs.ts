import { Effect, Option } from "effect"
import { AppConfig } from "../../ports/AppConfig.js"
import { MwaaError } from "../../ports/MwaaError.js"
import { decodeCursor, encodeCursor, type LogCursor, logIdentity } from "../log-cursor.js"
import { READ_TASK_LOG, UnusableLogToken } from "../log-token.js"
import { findErrorExcerpt, type LogLevel, maskedExcerpt } from "../log-excerpt.js"
import { pagesFrom, type Position, readWindow, resumeAt, START, searchError } from "../log-scan.js"
import { costOf, isFiltering, type LineFilter, shownLines, shrinkTo, type WindowLimits } from "../log-window.js"
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

/** The window read from `start`, and the error excerpt when it is searched and not already in view. */
const readLog = (log: TaskLogSource, start: Position, filter: LineFilter, limits: WindowLimits, searchErrors: boolean) =>
  Effect.gen(function* () {
    const filtering = isFiltering(filter)
    const pages = pagesFrom(log, start, filtering ? FILTER_PAGE_EVENTS : TAIL_PAGE_EVENTS, filtering ? FILTER_MAX_PAGES : TAIL_MAX_PAGES)
    const read = yield* readWindow(pages, start, filter, limits, searchErrors ? EXCERPT_SEARCH_LINES : 0)
    let { window, next } = read
    // The error that explains a failure, when the lines shown do not already hold it: the
    // oldest shown lines make room for it within the same budget.
    const found = searchErrors ? findErrorExcerpt(read.searched.map((l) => l.text)) : Option.none()
    const excerpt = Option.map(Option.map(found, maskedExcerpt), (e) => {
      // At most half the budget: the newest lines stay in view. A traceback too long for it
      // keeps its end, where the exception line is.
      const lines = [...e.lines]
      let cost = lines.reduce((sum, l) => sum + costOf(l), costOf(e.exception))
      while (cost > limits.maxBytes / 2 && lines.length > 1) cost -= costOf(lines.shift() ?? "")
      return { ...e, lines, cost, fromEnd: read.searched[e.index]?.fromEnd ?? 0 }
    })
    const oldestShown = () => window.shown[window.shown.length - 1]?.fromEnd ?? 0
    if (Option.isSome(excerpt) && excerpt.value.fromEnd > oldestShown()) {
      window = shrinkTo(window, limits.maxBytes - excerpt.value.cost)
      if (window.resume !== undefined) next = resumeAt(window.resume)
    }
    return {
      lines: shownLines(window, filtering),
      newest: window.shown[0]?.fromEnd,
      oldest: window.shown[window.shown.length - 1]?.fromEnd,
      scanned: read.fromEnd - start.linesFromEnd,
      next,
      masked: window.masked || Option.exists(excerpt, (e) => e.lines.some((l) => l.includes("***"))),
      excerpt: Option.filter(excerpt, (e) => e.fromEnd > oldestShown())
    }
  })

/** How much of a log to show, and where from: what get-task-logs and the workflow task log read take alike. */
export type LogReadRequest = Pick<TaskLogsRequest, "tail_lines" | "max_bytes" | "filter" | "level" | "context_lines" | "continuation_token">

/**
 * The window of a log an answer shows, with its continuation token bound to `identity` (the
 * log's owner: a token given for another log is refused). The token is checked before the log
 * is opened, so a bad token costs no call.
 */
export const readLogAnswer = Effect.fnUntraced(function* <E, R>(
  identity: string,
  open: Effect.Effect<TaskLogSource, E, R>,
  req: LogReadRequest
) {
  const cursor: Option.Option<LogCursor> =
    req.continuation_token === undefined ? Option.none() : Option.some(yield* decodeCursor(req.continuation_token, identity))
  const log = yield* open
  if (Option.isSome(cursor) && cursor.value.source !== log.source) {
    return yield* new UnusableLogToken({ problem: "other-source", given: cursor.value.source, now: log.source })
  }
  const filter: LineFilter = { contains: req.filter, level: req.level, context: req.context_lines ?? 0 }
  const start: Position = Option.match(cursor, {
    onNone: () => START,
    onSome: (c) => ({ page: c.page, skip: c.skip, linesFromEnd: c.linesFromEnd })
  })
  // Never more than one answer can carry: lines the answer's size bound cut afterwards would be
  // lost between this page and the next, whose cursor starts after them.
  const { maxResponseBytes } = yield* AppConfig
  const budget = Math.max(256, Math.min(req.max_bytes ?? DEFAULT_MAX_BYTES, maxResponseBytes) - ANSWER_OVERHEAD)
  // The error excerpt is for the first look at a log: a filter or a continued read asked for something else.
  const withExcerpt = !isFiltering(filter) && Option.isNone(cursor)
  const read = yield* readLog(log, start, filter, { maxLines: req.tail_lines ?? DEFAULT_TAIL_LINES, maxBytes: budget }, withExcerpt)
  const limit = isFiltering(filter) ? FILTER_PAGE_EVENTS : TAIL_PAGE_EVENTS
  return {
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

export const getTaskLogs = Effect.fnUntraced(function* (env: string, req: TaskLogsRequest) {
  const tryNumber = req.try_number ?? (yield* getTaskInstance(env, req.dag_id, req.dag_run_id, req.task_id, req.map_index)).try_number
  if (tryNumber < 1) {
    return yield* new MwaaError({
      reason: "NotFound",
      operation: READ_TASK_LOG,
      message: `Task ${req.task_id} of run ${req.dag_run_id} has not run yet, so it has no log.`
    })
  }
  const attempt: Tasks.TaskTry = {
    dag_id: req.dag_id,
    dag_run_id: req.dag_run_id,
    task_id: req.task_id,
    map_index: req.map_index,
    try_number: tryNumber
  }
  const identity = logIdentity([req.dag_id, req.dag_run_id, req.task_id, req.map_index, tryNumber])
  const read = yield* readLogAnswer(identity, openTaskLog(env, attempt), req)
  return {
    dag_id: req.dag_id,
    dag_run_id: req.dag_run_id,
    task_id: req.task_id,
    map_index: req.map_index,
    try_number: tryNumber,
    ...read
  }
})

/** The error that explains a failure, from the newest lines of a log (at most maxPages pages): the excerpt, or None. */
export const findLogError = (log: TaskLogSource, maxPages: number) =>
  Effect.map(searchError(pagesFrom(log, START, TAIL_PAGE_EVENTS, maxPages)), (found) =>
    Option.map(Option.map(found, maskedExcerpt), (e) => ({
      exception: e.exception,
      lines: e.lines,
      line_from_end: e.fromEnd,
      source: log.source
    }))
  )

/**
 * The error that explains a failed try, from the newest lines of its log, for diagnose-dag-run:
 * the excerpt, or None when the pages read hold no traceback or ERROR line.
 */
export const findTaskError = Effect.fnUntraced(function* (env: string, attempt: Tasks.TaskTry, maxPages: number) {
  return yield* findLogError(yield* openTaskLog(env, attempt), maxPages)
})
