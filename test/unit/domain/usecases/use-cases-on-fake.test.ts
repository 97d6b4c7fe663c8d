import { describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import {
  DEMO_ENVIRONMENT_2,
  DEMO_ENVIRONMENT_3,
  DEMO_FAILED_TASK,
  FakeMwaa,
  ORDERS_DAG,
  demoSeed
} from "../../../../src/adapters/fake-mwaa/index.js"
import { MAX_PATH_LENGTH } from "../../../../src/domain/paths.js"
import { getDagRun, listDagRuns, triggerDagRun } from "../../../../src/domain/usecases/dag-runs.js"
import { getDagSource } from "../../../../src/domain/usecases/dags.js"
import { getTaskInstance, listTaskInstances } from "../../../../src/domain/usecases/task-instances.js"
import { getTaskLogs } from "../../../../src/domain/usecases/task-logs.js"
import { fakeToolServices } from "../../../support/test-layer.js"

/**
 * The use cases against the in-memory fake MWAA, on an Airflow 2 and an Airflow 3 environment.
 * Live clock: the per-environment rate limiter really spaces the calls.
 */

const TestLayer = fakeToolServices()
/** InvokeRestApi only: the webserver route switched off. */
const InvokeOnlyLayer = fakeToolServices(demoSeed(), { airflowRoute: "invoke" })

/** Every InvokeRestApi the fake received must have been one real MWAA accepts. */
const assertPathsFit = Effect.gen(function* () {
  const calls = yield* (yield* FakeMwaa).calls
  for (const call of calls) {
    if (call.api === "InvokeRestApi" && call.path !== undefined) expect(call.path.length).toBeLessThanOrEqual(MAX_PATH_LENGTH)
  }
  return calls
})

for (const env of [DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3]) {
  describe(`use cases on ${env}`, () => {
    it.live("finds a scheduled run of a 40-character DAG id without its own path, in one narrowed lookup", () =>
      Effect.gen(function* () {
        const fakeMwaa = yield* FakeMwaa
        const runs = yield* listDagRuns(env, ORDERS_DAG, { limit: 25, offset: 0 })
        const scheduled = runs.dag_runs.find((r) => r.dag_run_id.startsWith("scheduled__"))
        expect(scheduled).toBeDefined()
        yield* fakeMwaa.clearCalls
        const run = yield* getDagRun(env, ORDERS_DAG, scheduled!.dag_run_id)
        expect(run).toMatchObject({ dag_id: ORDERS_DAG, dag_run_id: scheduled!.dag_run_id, state: scheduled!.state })
        expect(run.logical_date).not.toBeNull()
        const calls = yield* assertPathsFit
        expect(calls.filter((c) => c.api === "InvokeRestApi")).toHaveLength(1)
      }).pipe(Effect.provide(TestLayer))
    )

    it.live("finds a run whose id carries no date by its own path through the webserver, in one call", () =>
      Effect.gen(function* () {
        const fakeMwaa = yield* FakeMwaa
        yield* triggerDagRun(env, ORDERS_DAG, { dag_run_id: "rerun_after_schema_fix", conf: { backfill: false } })
        yield* fakeMwaa.clearCalls
        const run = yield* getDagRun(env, ORDERS_DAG, "rerun_after_schema_fix")
        expect(run).toMatchObject({ dag_run_id: "rerun_after_schema_fix", conf: { backfill: false } })
        const calls = (yield* assertPathsFit).filter((c) => c.api === "InvokeRestApi" || c.api === "AirflowWebserver")
        expect(calls.map((c) => [c.api, c.path])).toEqual([["AirflowWebserver", `/dags/${ORDERS_DAG}/dagRuns/rerun_after_schema_fix`]])
      }).pipe(Effect.provide(TestLayer))
    )

    it.live("with the webserver route off, finds a run whose id carries no date by scanning the runs list", () =>
      Effect.gen(function* () {
        yield* triggerDagRun(env, ORDERS_DAG, { dag_run_id: "rerun_after_schema_fix", conf: { backfill: false } })
        const run = yield* getDagRun(env, ORDERS_DAG, "rerun_after_schema_fix")
        expect(run).toMatchObject({ dag_run_id: "rerun_after_schema_fix", conf: { backfill: false } })
        const calls = yield* assertPathsFit
        expect(calls.some((c) => c.api === "AirflowWebserver")).toBe(false)
      }).pipe(Effect.provide(InvokeOnlyLayer))
    )

    it.live("reports a run that does not exist as NotFound, on either route", () =>
      Effect.gen(function* () {
        const missing = "scheduled__1999-01-01T00:00:00+00:00"
        const error = yield* getDagRun(env, ORDERS_DAG, missing).pipe(Effect.flip)
        expect(error).toMatchObject({ _tag: "MwaaError", reason: "NotFound" })
        const invokeOnly = yield* getDagRun(env, ORDERS_DAG, missing).pipe(Effect.flip, Effect.provide(InvokeOnlyLayer))
        expect(invokeOnly).toMatchObject({ _tag: "MwaaError", reason: "NotFound" })
      }).pipe(Effect.provide(TestLayer))
    )

    it.live("lists the failed run's task instances and reads the failed task's latest and first try logs", () =>
      Effect.gen(function* () {
        const failedRuns = yield* listDagRuns(env, ORDERS_DAG, { limit: 25, offset: 0, state: ["failed"] })
        const run = failedRuns.dag_runs[0]!
        const failed = yield* listTaskInstances(env, ORDERS_DAG, run.dag_run_id, { state: ["failed"], limit: 100, offset: 0 })
        const ti = failed.task_instances.find((t) => t.task_id === DEMO_FAILED_TASK)
        expect(ti?.state).toBe("failed")
        const one = yield* getTaskInstance(env, ORDERS_DAG, run.dag_run_id, DEMO_FAILED_TASK, -1)
        expect(one.try_number).toBe(ti!.try_number)
        const latest = yield* getTaskLogs(env, {
          dag_id: ORDERS_DAG,
          dag_run_id: run.dag_run_id,
          task_id: DEMO_FAILED_TASK,
          map_index: -1,
          tail_lines: 200
        })
        expect(latest).toMatchObject({ source: "cloudwatch", try_number: ti!.try_number })
        expect(latest.lines.length).toBeGreaterThan(0)
        expect(latest.lines.length).toBeLessThanOrEqual(200)
        if (ti!.try_number > 1) {
          const first = yield* getTaskLogs(env, {
            dag_id: ORDERS_DAG,
            dag_run_id: run.dag_run_id,
            task_id: DEMO_FAILED_TASK,
            map_index: -1,
            try_number: 1,
            tail_lines: 5
          })
          expect(first.try_number).toBe(1)
          expect(first.lines.length).toBeLessThanOrEqual(5)
        }
        const missing = yield* getTaskLogs(env, {
          dag_id: ORDERS_DAG,
          dag_run_id: run.dag_run_id,
          task_id: DEMO_FAILED_TASK,
          map_index: -1,
          try_number: 9,
          tail_lines: 5
        }).pipe(Effect.flip)
        expect(missing.message).toMatch(/Tries with logs: 1/)
        yield* assertPathsFit
      }).pipe(Effect.provide(TestLayer))
    )

    it.live("reads the DAG source and asks GetEnvironment once for many calls (cached)", () =>
      Effect.gen(function* () {
        const fakeMwaa = yield* FakeMwaa
        yield* fakeMwaa.clearCalls
        const source = yield* getDagSource(env, ORDERS_DAG)
        expect(source.content).toContain(ORDERS_DAG)
        yield* listDagRuns(env, ORDERS_DAG, { limit: 5, offset: 0 })
        const calls = yield* assertPathsFit
        expect(calls.filter((c) => c.api === "GetEnvironment").length).toBeLessThanOrEqual(1)
        const dag = yield* fakeMwaa.dag(env, ORDERS_DAG)
        expect(Option.isSome(dag)).toBe(true)
      }).pipe(Effect.provide(TestLayer))
    )
  })
}
