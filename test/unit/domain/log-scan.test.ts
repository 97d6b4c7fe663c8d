import { describe, expect, it } from "@effect/vitest"
import { Effect, Option, Ref } from "effect"
import { pagesFrom, type Position, readWindow, START, searchError } from "../../../src/domain/log-scan.js"
import { type LineFilter, shownLines } from "../../../src/domain/log-window.js"
import type { TaskLogSource } from "../../../src/domain/usecases/task-log-source.js"

/**
 * The log window as a fold over a Stream of pages: how many pages it pulls, where it resumes,
 * and the error search over the same pages, on a log held in memory (one event per line).
 */

/** A log of `events`, served backwards `pageEvents` at a time; the cursor is the index the older page ends at. */
const memoryLog = (events: ReadonlyArray<string>, fetched: Ref.Ref<number>): TaskLogSource => ({
  source: "cloudwatch",
  stream: "s",
  fetch: (page, pageEvents) =>
    Effect.map(
      Ref.update(fetched, (n) => n + 1),
      () => {
        const end = page === null ? events.length : Number(page)
        const start = Math.max(0, end - pageEvents)
        return { events: events.slice(start, end).map((e) => [e]), older: start > 0 ? Option.some(String(start)) : Option.none() }
      }
    )
})

const LOG = Array.from({ length: 30 }, (_, i) => `[t] {x.py:1} INFO - line ${i}`)
const TAIL: LineFilter = { context: 0 }
const wide = (maxLines: number) => ({ maxLines, maxBytes: 1_000_000 })

const windowOf = (events: ReadonlyArray<string>, start: Position, filter: LineFilter, maxLines: number, maxPages = 10) =>
  Effect.gen(function* () {
    const fetched = yield* Ref.make(0)
    const read = yield* readWindow(pagesFrom(memoryLog(events, fetched), start, 10, maxPages), start, filter, wide(maxLines), 0)
    return { ...read, lines: shownLines(read.window, filter.level !== undefined || filter.contains !== undefined), fetched: yield* fetched }
  })

describe("the log window, a fold over the pages", () => {
  it.effect("a tail pulls only the pages it shows, and says where the next read starts", () =>
    Effect.gen(function* () {
      const read = yield* windowOf(LOG, START, TAIL, 12)
      expect(read.fetched).toBe(2)
      expect(read.lines).toEqual(LOG.slice(18))
      expect(read.next).toEqual({ page: "20", skip: 2, linesFromEnd: 12 })
      expect(read.fromEnd).toBe(20)
    })
  )

  it.effect("resumed where it stopped, the next window continues without a gap, up to the start of the log", () =>
    Effect.gen(function* () {
      const first = yield* windowOf(LOG, START, TAIL, 12)
      const second = yield* windowOf(LOG, first.next ?? START, TAIL, 100)
      expect(second.lines).toEqual(LOG.slice(0, 18))
      expect(second.next).toBeUndefined()
      expect(second.window.shown[0]?.fromEnd).toBe(13)
    })
  )

  it.effect("out of pages before the window fills: the next read starts at the older page", () =>
    Effect.gen(function* () {
      const read = yield* windowOf(LOG, START, { contains: "line 2", context: 0 }, 100, 2)
      expect(read.fetched).toBe(2)
      // line 2 itself sits on the third page, not read yet.
      expect(read.lines).toEqual(LOG.slice(20))
      expect(read.next).toEqual({ page: "10", skip: 0, linesFromEnd: 20 })
    })
  )

  it.effect("with a level filter, a traceback cut by a page boundary takes the level of its record on the older page", () =>
    Effect.gen(function* () {
      const events = [
        ...LOG.slice(0, 8),
        "[t] {x.py:1} ERROR - task failed",
        "Traceback (most recent call last):",
        '  File "x.py", line 1, in f',
        "ValueError: bad row",
        ...LOG.slice(8, 16)
      ]
      const read = yield* windowOf(events, START, { level: "ERROR", context: 0 }, 100)
      expect(read.lines).toEqual(events.slice(8, 12))
      expect(read.next).toBeUndefined()
    })
  )

  it.effect("the error search folds the same pages until a traceback is found, then stops pulling", () =>
    Effect.gen(function* () {
      const fetched = yield* Ref.make(0)
      const events = [
        ...LOG.slice(0, 5),
        "Traceback (most recent call last):",
        '  File "x.py", line 1, in f',
        "ValueError: bad row",
        ...LOG.slice(5, 30)
      ]
      const found = yield* searchError(pagesFrom(memoryLog(events, fetched), START, 10, 10))
      expect(Option.map(found, (e) => [e.exception, e.fromEnd])).toEqual(Option.some(["ValueError: bad row", 26]))
      expect(yield* fetched).toBe(3)
      const none = yield* searchError(pagesFrom(memoryLog(LOG, fetched), START, 10, 2))
      expect(Option.isNone(none)).toBe(true)
    })
  )
})
