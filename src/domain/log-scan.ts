import { Effect, Option, Stream } from "effect"
import { type ErrorExcerpt, findErrorExcerpt, levelOf } from "./log-excerpt.js"
import { addChunk, blankKeyBodies, emptyWindow, type LineFilter, type ScanLine, type WindowLimits, type WindowState } from "./log-window.js"
import type { LogPage, TaskLogSource } from "./usecases/task-log-source.js"

/**
 * A try's log as a Stream of pages read from its newest end, each page's lines numbered from the
 * end of the log; and the two folds over it: the window get-task-logs shows (tail or filter),
 * and the search for the error that explains a failure.
 */

/** Where a read starts: a page (null: the newest), events of it already read, lines already read. */
export interface Position {
  readonly page: string | null
  readonly skip: number
  readonly linesFromEnd: number
}

export const START: Position = { page: null, skip: 0, linesFromEnd: 0 }

/** One page read, its lines oldest first and numbered from the end of the log. */
export interface NumberedPage {
  readonly lines: ReadonlyArray<ScanLine>
  readonly older: LogPage["older"]
  /** Lines read from the end once this page is read. */
  readonly fromEnd: number
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

/** At most maxPages pages from `start` towards the start of the log, fetched one pull at a time. */
export const pagesFrom = (log: TaskLogSource, start: Position, pageEvents: number, maxPages: number) =>
  Stream.paginateEffect(start.page, (page) =>
    Effect.map(log.fetch(page, pageEvents), (read) => [{ page, read }, read.older] as const)
  ).pipe(
    Stream.take(maxPages),
    Stream.mapAccum({ fromEnd: start.linesFromEnd, skip: start.skip }, (at, { page, read }) => {
      const numbered = numberPage(page, read.events, at.skip, at.fromEnd)
      const out: NumberedPage = { lines: numbered.lines, older: read.older, fromEnd: numbered.fromEnd }
      return [{ fromEnd: numbered.fromEnd, skip: 0 }, out] as const
    })
  )

export const resumeAt = (line: ScanLine): Position => ({ page: line.page, skip: line.event, linesFromEnd: line.eventTop - 1 })

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

/** A searched line: key bodies blanked, with its place from the end. */
export interface SearchedLine {
  readonly text: string
  readonly fromEnd: number
}

interface Scan {
  readonly window: WindowState
  readonly held: ReadonlyArray<ScanLine>
  /** The newest lines read, oldest first, up to searchLines: where the error is searched. */
  readonly searched: ReadonlyArray<SearchedLine>
  readonly full: boolean
  readonly last: NumberedPage | undefined
}

export interface WindowRead {
  readonly window: WindowState
  readonly searched: ReadonlyArray<SearchedLine>
  /** Where the next read starts; undefined when the start of the log was shown. */
  readonly next: Position | undefined
  /** Lines read from the end when the read stopped. */
  readonly fromEnd: number
}

/** Folds the pages into the window until it is full, the log starts, or the pages run out. */
export const readWindow = <E, R>(
  pages: Stream.Stream<NumberedPage, E, R>,
  start: Position,
  filter: LineFilter,
  limits: WindowLimits,
  searchLines: number
): Effect.Effect<WindowRead, E, R> => {
  const take = (scan: Scan, chunk: ReadonlyArray<ScanLine>): Scan => {
    const added = addChunk(scan.window, chunk, filter, limits)
    const searched =
      scan.searched.length >= searchLines
        ? scan.searched
        : [...chunk.map((l, i) => ({ text: added.texts[i] ?? "", fromEnd: l.fromEnd })), ...scan.searched]
    return { ...scan, window: added.window, searched, full: added.full }
  }
  const initial: Scan = { window: emptyWindow, held: [], searched: [], full: false, last: undefined }
  return Stream.runFoldWhile(
    pages,
    initial,
    (scan) => !scan.full,
    (scan, page) => {
      const split = splitContinuation(page.lines, filter)
      return { ...take(scan, [...split.rest, ...scan.held]), held: split.held, last: page }
    }
  ).pipe(
    Effect.map((scan): WindowRead => {
      const fromEnd = scan.last?.fromEnd ?? start.linesFromEnd
      const resumed = (s: Scan) => (s.window.resume === undefined ? undefined : resumeAt(s.window.resume))
      if (scan.full || scan.last === undefined) return { ...scan, fromEnd, next: resumed(scan) }
      if (Option.isNone(scan.last.older)) {
        // The start of the log: the lines held back have no older record to join.
        const last = take(scan, scan.held)
        return { ...last, fromEnd, next: last.full ? resumed(last) : undefined }
      }
      const newestHeld = scan.held[scan.held.length - 1]
      const next = newestHeld !== undefined ? resumeAt(newestHeld) : { page: scan.last.older.value, skip: 0, linesFromEnd: fromEnd }
      return { ...scan, fromEnd, next }
    })
  )
}

/**
 * The error that explains a failure, searched in the newest lines, page after page, until one
 * is found or the pages run out: the excerpt and the line it ends at, from the end.
 */
export const searchError = <E, R>(
  pages: Stream.Stream<NumberedPage, E, R>
): Effect.Effect<Option.Option<ErrorExcerpt & { readonly fromEnd: number }>, E, R> =>
  Stream.runFoldWhile(
    pages,
    { lines: [] as ReadonlyArray<string>, insideKey: false, found: Option.none<ErrorExcerpt & { readonly fromEnd: number }>() },
    (s) => Option.isNone(s.found),
    (s, page) => {
      const blanked = blankKeyBodies(page.lines, s.insideKey)
      const lines = [...blanked.texts, ...s.lines]
      const found = Option.map(findErrorExcerpt(lines), (e) => ({ ...e, fromEnd: lines.length - e.index }))
      return { lines, insideKey: blanked.insideKey, found }
    }
  ).pipe(Effect.map((s) => s.found))
