import { Clock, Duration, Effect } from "effect"
import { Progress } from "../../ports/Progress.js"
import type { DagRun } from "../model.js"
import { getDagRun } from "./dag-runs.js"

/** Waiting for a DAG run to finish: polls with a growing interval, reports progress, never outlives its timeout. */

/** DagRunState's end states on Airflow 2 and 3: a run in one of them never changes on its own again. */

/** Airflow's run states are short lower-case words; anything else is environment text, not repeated. */
const PLAIN_STATE = /^[a-z_]{1,32}$/
export const TERMINAL_RUN_STATES: ReadonlyArray<string> = ["success", "failed"]
export const isTerminalRunState = (state: string | null): boolean => state !== null && TERMINAL_RUN_STATES.includes(state)

/** Each wait is 1.5 times the last, up to this (or the caller's own interval if longer). */
export const BACKOFF_FACTOR = 1.5
export const MAX_POLL_INTERVAL_SECONDS = 30

export interface WaitOptions {
  readonly timeoutSeconds: number
  readonly pollIntervalSeconds: number
}

export interface WaitOutcome {
  readonly dag_run: DagRun
  readonly terminal: boolean
  readonly timed_out: boolean
  readonly polls: number
  readonly waited_seconds: number
  /** What to do once the wait is over: worded by the app as the hint (src/app/next-steps.ts). */
  readonly next: WaitNext | null
}

/** A run that has not ended can be waited for again; a failed one diagnosed. */
export type WaitNext = "keep-waiting" | "diagnose"

const tenths = (millis: number) => Math.round(millis / 100) / 10

const nextFor = (run: DagRun, terminal: boolean): WaitNext | null =>
  !terminal ? "keep-waiting" : run.state === "failed" ? "diagnose" : null

/**
 * Polls one run (getDagRun: direct path or the batch list, whichever fits MWAA's 64-character
 * Path) until it reaches a terminal state or the timeout passes. Waits run on Effect's Clock, so
 * TestClock drives them, and Effect.sleep is interruptible, so a cancelled call stops polling at
 * once. A timeout is an answer (timed_out: true, with the current state), not an error. The
 * interval grows 1.5× per poll up to 30 s, so a long wait costs a few dozen calls at most.
 */
export const waitForDagRun = Effect.fnUntraced(function* (env: string, dagId: string, runId: string, options: WaitOptions) {
  const progress = yield* Progress
  const start = yield* Clock.currentTimeMillis
  const timeoutMillis = options.timeoutSeconds * 1000
  const deadline = start + timeoutMillis
  const maxInterval = Math.max(MAX_POLL_INTERVAL_SECONDS, options.pollIntervalSeconds) * 1000
  let interval = options.pollIntervalSeconds * 1000
  let polls = 0
  for (;;) {
    const run = yield* getDagRun(env, dagId, runId)
    polls++
    const now = yield* Clock.currentTimeMillis
    const elapsed = now - start
    const terminal = isTerminalRunState(run.state)
    yield* progress.report({
      // MCP wants progress to grow; a poll that ends past the deadline still reports the total.
      progress: tenths(Math.min(elapsed, timeoutMillis)),
      total: options.timeoutSeconds,
      // The client shows this as the server's own status: the state only when it is a plain word.
      message: `run ${runId} is ${run.state === null ? "unknown" : PLAIN_STATE.test(run.state) ? run.state : "in an unrecognised state"} after ${Math.round(elapsed / 1000)}s`
    })
    if (terminal || now >= deadline) {
      const waited = tenths(elapsed)
      return {
        dag_run: run,
        terminal,
        timed_out: !terminal,
        polls,
        waited_seconds: waited,
        next: nextFor(run, terminal)
      } satisfies WaitOutcome
    }
    // The last wait ends at the deadline, so a timed-out answer carries the state at the timeout.
    yield* Effect.sleep(Duration.millis(Math.min(interval, deadline - now)))
    interval = Math.min(interval * BACKOFF_FACTOR, maxInterval)
  }
})
