import { describe, expect, it } from "@effect/vitest"
import { Effect, ManagedRuntime } from "effect"
import * as fc from "fast-check"
import {
  DEMO_ENVIRONMENT_2,
  DEMO_ENVIRONMENT_3,
  FakeMwaa,
  type FakeLogLine,
  taskLogStreamName
} from "../../../../src/adapters/fake-mwaa/index.js"
import { getTaskLogs, type TaskLogsRequest } from "../../../../src/domain/usecases/task-logs.js"
import { LONG_DAG, LONG_RUN, LONG_TASK, longIdsSeed } from "../../../support/long-ids-seed.js"
import { fakeToolServices } from "../../../support/test-layer.js"

/**
 * get-task-logs reads a log backwards a page at a time: a tail within a line count and a byte
 * budget, filters with context, a continuation token that reads on without gaps, and the error
 * excerpt when the exception sits further back than the lines shown.
 */

const ids = { dag_id: LONG_DAG, dag_run_id: LONG_RUN, task_id: LONG_TASK, map_index: -1, try_number: 1 }
const stream = taskLogStreamName({ dagId: LONG_DAG, runId: LONG_RUN, taskId: LONG_TASK, tryNumber: 1 })

const layerWith = (lines: ReadonlyArray<FakeLogLine>) => {
  const seed = longIdsSeed()
  return fakeToolServices(
    { ...seed, environments: seed.environments.map((env) => ({ ...env, logStreams: { ...env.logStreams, [stream]: lines } })) },
    { maxRequestsPerSecond: 1000 }
  )
}

const info = (i: number) =>
  `[2026-11-25, 09:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")} UTC] {logging_mixin.py:190} INFO - processed batch ${i} of orders`
const EXCEPTION = "ValueError: negative amount in row 18231 of s3://orders-raw/2026-11-25/part-7.csv"
const traceback = [
  "[2026-11-25, 10:00:00 UTC] {taskinstance.py:3311} ERROR - Task failed with exception",
  "Traceback (most recent call last):",
  '  File "/usr/local/airflow/.local/lib/python3.11/site-packages/airflow/models/taskinstance.py", line 767, in _execute_task',
  "    result = _execute_callable(context=context, **execute_callable_kwargs)",
  '  File "/usr/local/airflow/dags/orders.py", line 88, in aggregate',
  '    raise ValueError(f"negative amount in row {row} of {key}")',
  EXCEPTION
]
/** A log of `before` INFO lines, the traceback, then `after` INFO lines. */
const failingLog = (before: number, after: number): ReadonlyArray<string> => [
  ...Array.from({ length: before }, (_, i) => info(i)),
  ...traceback,
  ...Array.from({ length: after }, (_, i) => info(before + i)),
  "[2026-11-25, 10:05:00 UTC] {taskinstance.py:1225} INFO - Marking task as FAILED."
]

const read = (env: string, extra: Partial<TaskLogsRequest> = {}) => getTaskLogs(env, { ...ids, ...extra })

const getLogEventsCalls = Effect.gen(function* () {
  return (yield* (yield* FakeMwaa).calls).filter((c) => c.api === "GetLogEvents").length
})

for (const env of [DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3]) {
  describe(`get-task-logs on ${env}`, () => {
    it.effect("a default read of a 30,000-line log shows its last lines within 16 KB, from one CloudWatch page", () => {
      const log = failingLog(29_000, 1_000)
      return Effect.gen(function* () {
        const answer = yield* read(env)
        expect(answer.lines.at(-1)).toBe(log.at(-1))
        expect(answer.lines).toEqual(log.slice(-answer.lines.length))
        expect(answer.lines.length).toBeGreaterThan(50)
        expect(answer.lines.length).toBeLessThanOrEqual(200)
        expect(answer.lines_from_end).toEqual({ newest: 1, oldest: answer.lines.length })
        expect(answer.truncated).toBe(true)
        expect(answer.continuation_token).not.toBeNull()
        expect(JSON.stringify(answer).length).toBeLessThan(16_384)
        // Only the newest page was read, not the whole log.
        expect(yield* getLogEventsCalls).toBe(1)
      }).pipe(Effect.provide(layerWith(log)))
    })

    it.effect("the exception 300 lines before the end is in the default answer, as error_excerpt, still within 16 KB", () => {
      const log = failingLog(20_000, 300)
      return Effect.gen(function* () {
        const answer = yield* read(env)
        expect(answer.error_excerpt?.exception).toBe(EXCEPTION)
        expect(answer.error_excerpt?.lines).toContain("Traceback (most recent call last):")
        expect(answer.error_excerpt?.line_from_end).toBe(302)
        expect(answer.lines.at(-1)).toBe(log.at(-1))
        expect(JSON.stringify(answer).length).toBeLessThan(16_384)
      }).pipe(Effect.provide(layerWith(log)))
    })

    it.effect("no error_excerpt when the lines shown already hold the exception", () =>
      Effect.gen(function* () {
        const answer = yield* read(env)
        expect(answer.lines).toContain(EXCEPTION)
        expect(answer.error_excerpt).toBeNull()
        expect(answer.truncated).toBe(false)
        expect(answer.continuation_token).toBeNull()
      }).pipe(Effect.provide(layerWith(failingLog(5, 5))))
    )

    it("continuation tokens read the whole log back to its start, without gap or overlap", async () => {
      const log = failingLog(2_500, 40)
      const runtime = ManagedRuntime.make(layerWith(log))
      try {
        await fc.assert(
          fc.asyncProperty(fc.integer({ min: 15, max: 700 }), fc.integer({ min: 2_048, max: 40_000 }), async (tail, maxBytes) => {
            const seen: Array<string> = []
            let token: string | undefined
            let calls = 0
            do {
              const answer = await runtime.runPromise(read(env, { tail_lines: tail, max_bytes: maxBytes, continuation_token: token }))
              expect(answer.lines.length).toBeLessThanOrEqual(tail)
              expect(answer.lines.length).toBeGreaterThan(0)
              seen.unshift(...answer.lines)
              token = answer.continuation_token ?? undefined
              calls++
            } while (token !== undefined && calls < 1_000)
            expect(seen).toEqual(log)
          }),
          { numRuns: 10 }
        )
      } finally {
        await runtime.dispose()
      }
    }, 60_000)

    it.effect("a filter finds matches far back in the log, with context lines and '--' between groups", () => {
      const log = failingLog(20_000, 3_000)
      return Effect.gen(function* () {
        const answer = yield* read(env, { filter: "NEGATIVE AMOUNT", context_lines: 1 })
        // The raise line and the exception both match; one line of context each side, one group.
        expect(answer.lines).toEqual(traceback.slice(4, 7).concat(info(20_000)))
        const groups = yield* read(env, { filter: "processed batch 1999", context_lines: 0 })
        expect(groups.lines).toEqual([info(1999), "--", ...Array.from({ length: 10 }, (_, i) => info(19_990 + i))])
        expect(groups.scanned_lines).toBe(log.length)
        expect(groups.truncated).toBe(false)
      }).pipe(Effect.provide(layerWith(log)))
    })

    it.effect("level=error shows the ERROR record with its traceback lines, not the INFO lines", () =>
      Effect.gen(function* () {
        const answer = yield* read(env, { level: "ERROR" })
        expect(answer.lines).toEqual(traceback)
      }).pipe(Effect.provide(layerWith(failingLog(3_000, 3_000))))
    )

    it.effect("a filter cannot confirm a guess at a masked secret", () =>
      Effect.gen(function* () {
        expect((yield* read(env, { filter: "hunter2-very-secret" })).lines).toEqual([])
        const shown = yield* read(env, { filter: "connecting" })
        expect(shown.lines).toEqual(["[2026-11-25, 09:00:00 UTC] {vault.py:41} INFO - connecting with password=***"])
        expect(shown.masked).toBe(true)
      }).pipe(
        Effect.provide(layerWith(["[2026-11-25, 09:00:00 UTC] {vault.py:41} INFO - connecting with password=hunter2-very-secret", info(1)]))
      )
    )

    it.effect("a continuation token is refused for another task try, and a made-up one is refused", () =>
      Effect.gen(function* () {
        const first = yield* read(env, { tail_lines: 5 })
        const other = yield* read(env, { try_number: 2, continuation_token: first.continuation_token ?? "" }).pipe(Effect.flip)
        expect(other).toMatchObject({ _tag: "UnusableLogToken", problem: "other-try" })
        expect(other.message).toMatch(/another task try/)
        const madeUp = yield* read(env, { continuation_token: "eyJ2IjoxfQ" }).pipe(Effect.flip)
        expect(madeUp).toMatchObject({ _tag: "UnusableLogToken", problem: "not-issued" })
        expect(madeUp.message).toMatch(/continuation_token is not one this server gave out/)
      }).pipe(Effect.provide(layerWith(failingLog(100, 100))))
    )
  })
}

describe("get-task-logs on Airflow 3's structured CloudWatch entries", () => {
  it.effect("flattens JSON entries to readable lines and finds the exception in error_detail", () => {
    const entry = (i: number) =>
      JSON.stringify({
        timestamp: `2026-11-25T09:00:${String(i % 60).padStart(2, "0")}Z`,
        level: "info",
        logger: "task",
        event: `processed batch ${i}`
      })
    const failure = JSON.stringify({
      timestamp: "2026-11-25T10:00:00Z",
      level: "error",
      logger: "task",
      event: "Task failed with exception",
      error_detail: [
        {
          exc_type: "ValueError",
          exc_value: "negative amount in row 18231",
          frames: [{ filename: "/usr/local/airflow/dags/orders.py", lineno: 88, name: "aggregate" }]
        }
      ]
    })
    const log = [...Array.from({ length: 2_000 }, (_, i) => entry(i)), failure, ...Array.from({ length: 400 }, (_, i) => entry(2_000 + i))]
    return Effect.gen(function* () {
      const answer = yield* read(DEMO_ENVIRONMENT_3)
      expect(answer.lines.at(-1)).toBe("[2026-11-25T09:00:59Z] {task} INFO - processed batch 2399")
      expect(answer.error_excerpt?.exception).toBe("ValueError: negative amount in row 18231")
      expect(answer.error_excerpt?.lines).toContain('  File "/usr/local/airflow/dags/orders.py", line 88, in aggregate')
      const errors = yield* read(DEMO_ENVIRONMENT_3, { level: "ERROR" })
      expect(errors.lines).toEqual([
        "[2026-11-25T10:00:00Z] {task} ERROR - Task failed with exception",
        "Traceback (most recent call last):",
        '  File "/usr/local/airflow/dags/orders.py", line 88, in aggregate',
        "ValueError: negative amount in row 18231"
      ])
    }).pipe(Effect.provide(layerWith(log)))
  })
})
