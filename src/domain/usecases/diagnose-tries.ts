import { Effect, Option } from "effect"
import type { DagRun, TaskInstance } from "../model.js"
import { maskSecretsInText } from "../redaction.js"
import { findTaskError } from "./task-logs.js"

/**
 * Did a failed task fail the same way on every try? Each try has its own log; the latest try's
 * error is already read, and the earlier tries are compared with it on their exception line.
 * Reads are bounded: the first try and the one before the latest, one log page each, so a task
 * with 10 retries costs 2 more reads, not 9.
 */

/** What one earlier try's log ends with. */
export interface TryError {
  readonly try_number: number
  readonly exception: string | null
  readonly lines: ReadonlyArray<string>
  /** Why there is no exception: the log could not be read, or holds no traceback or ERROR line. */
  readonly log_problem: string | null
}

export interface TriesVerdict {
  /** Tries so far (the task instance's try number). */
  readonly count: number
  /** Tries whose errors were compared, the latest included. */
  readonly compared: ReadonlyArray<number>
  /** Whether every compared try ended with the latest try's exception line; null when there was nothing to compare. */
  readonly same_error: boolean | null
  /** The first compared try whose error is not the latest one's, with its excerpt. */
  readonly differing: TryError | null
}

/** One page of each earlier try's log: enough for a traceback at its end. */
const EARLIER_TRY_PAGES = 1

/** The earlier tries whose logs are read: the first, and the one before the latest. */
export const earlierTriesToRead = (count: number): ReadonlyArray<number> => [...new Set([1, count - 1])].filter((n) => n >= 1 && n < count)

const readTry = (env: string, run: DagRun, ti: TaskInstance, tryNumber: number) =>
  findTaskError(
    env,
    { dag_id: run.dag_id, dag_run_id: run.dag_run_id, task_id: ti.task_id, map_index: ti.map_index, try_number: tryNumber },
    EARLIER_TRY_PAGES
  ).pipe(
    Effect.map((found): TryError & { readonly readable: boolean } => ({
      try_number: tryNumber,
      exception: Option.match(found, { onNone: () => null, onSome: (e) => e.exception }),
      lines: Option.match(found, { onNone: () => [], onSome: (e) => e.lines }),
      log_problem: Option.isNone(found) ? "The newest lines of the log hold no traceback or ERROR line." : null,
      readable: true
    })),
    // A try whose log cannot be read is not compared: it says nothing either way.
    Effect.catchAll((e) =>
      Effect.succeed({ try_number: tryNumber, exception: null, lines: [], log_problem: maskSecretsInText(e.message).text, readable: false })
    )
  )

/** The task's tries compared with its latest try's exception (null when the latest try's error was not found). */
export const compareTries = (env: string, run: DagRun, ti: TaskInstance, latestException: string | null) =>
  Effect.gen(function* () {
    const count = ti.try_number
    if (count <= 1 || latestException === null) {
      return { count, compared: latestException === null ? [] : [count], same_error: null, differing: null } satisfies TriesVerdict
    }
    const earlier = yield* Effect.forEach(earlierTriesToRead(count), (n) => readTry(env, run, ti, n), { concurrency: 2 })
    const readable = earlier.filter((t) => t.readable)
    const differing = readable.find((t) => t.exception !== latestException)
    return {
      count,
      compared: [...readable.map((t) => t.try_number), count],
      same_error: readable.length === 0 ? null : differing === undefined,
      differing:
        differing === undefined
          ? null
          : { try_number: differing.try_number, exception: differing.exception, lines: differing.lines, log_problem: differing.log_problem }
    } satisfies TriesVerdict
  })
