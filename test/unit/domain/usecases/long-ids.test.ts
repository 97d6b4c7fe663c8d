import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3, FakeMwaa, taskLogStreamName } from "../../../../src/adapters/fake-mwaa/index.js"
import type { AirflowClient } from "../../../../src/domain/airflow-client.js"
import { clearTaskInstancesRequest } from "../../../../src/domain/clear-defaults.js"
import { MAX_PATH_LENGTH } from "../../../../src/domain/paths.js"
import { diagnoseDagRun } from "../../../../src/domain/usecases/diagnose-run.js"
import { getDagRun, listDagRuns, triggerDagRun } from "../../../../src/domain/usecases/dag-runs.js"
import { getDag, getDagSource, listDags, setDagPaused } from "../../../../src/domain/usecases/dags.js"
import { clearTaskInstances, getTaskInstance, listTaskInstances } from "../../../../src/domain/usecases/task-instances.js"
import { getTaskLogs } from "../../../../src/domain/usecases/task-logs.js"
import { waitForDagRun } from "../../../../src/domain/usecases/wait-for-run.js"
import type { AirflowRouteMode } from "../../../../src/ports/AppConfig.js"
import { idsOf, seedWith } from "../../../support/very-long-ids-seed.js"
import { fakeToolServices } from "../../../support/test-layer.js"

/**
 * Issue 12: every use case with DAG, run and task ids of 40, 80, 160 and Airflow's maximum 250
 * characters, on Airflow 2 and 3, through the in-memory fake. InvokeRestApi carries every call
 * whose path fits its 64 characters; the webserver route carries the others, and nothing else.
 */

const LENGTHS = [40, 80, 160, 250] as const
const layerFor = (length: number, airflowRoute: AirflowRouteMode) => {
  return fakeToolServices(seedWith(length), { allowWrite: true, airflowRoute })
}

/** Every Airflow call the fake saw: through InvokeRestApi only if it fits, through the webserver only if it does not. */
const airflowCalls = Effect.gen(function* () {
  const calls = (yield* (yield* FakeMwaa).calls).filter((c) => c.api === "InvokeRestApi" || c.api === "AirflowWebserver")
  for (const c of calls) {
    if (c.api === "InvokeRestApi") expect(c.path!.length, c.path).toBeLessThanOrEqual(MAX_PATH_LENGTH)
    else expect(c.path!.length, c.path).toBeGreaterThan(MAX_PATH_LENGTH)
  }
  return calls
})

/** Runs every Airflow use case once with these ids; each must succeed. */
const everyUseCase = (env: string, length: number) =>
  Effect.gen(function* () {
    const ids = idsOf(length)
    expect([ids.dag, ids.run, ids.task].map((s) => s.length)).toEqual([length, length, length])
    expect((yield* getDag(env, ids.dag)).dag_id).toBe(ids.dag)
    expect((yield* listDags(env, { limit: 100, offset: 0 })).dags.some((d) => d.dag_id === ids.dag)).toBe(true)
    expect((yield* setDagPaused(env, ids.dag, true)).is_paused).toBe(true)
    expect((yield* setDagPaused(env, ids.dag, false)).is_paused).toBe(false)
    expect((yield* getDagSource(env, ids.dag)).content).toContain(ids.dag)
    expect((yield* listDagRuns(env, ids.dag, { limit: 25, offset: 0 })).dag_runs.map((r) => r.dag_run_id)).toContain(ids.run)
    expect(yield* getDagRun(env, ids.dag, ids.run)).toMatchObject({ dag_id: ids.dag, dag_run_id: ids.run, state: "failed" })
    // Already failed: one poll.
    const waited = yield* waitForDagRun(env, ids.dag, ids.run, { timeoutSeconds: 5, pollIntervalSeconds: 1 })
    expect(waited.dag_run.dag_run_id).toBe(ids.run)
    const triggered = yield* triggerDagRun(env, ids.dag, { dag_run_id: ids.newRun, conf: { k: 1 } })
    expect(triggered).toMatchObject({ dag_id: ids.dag, dag_run_id: ids.newRun })
    expect((yield* getDagRun(env, ids.dag, ids.newRun)).dag_run_id).toBe(ids.newRun)
    const tis = yield* listTaskInstances(env, ids.dag, ids.run, { limit: 100, offset: 0 })
    expect(tis.task_instances.map((t) => t.task_id).sort()).toEqual([ids.task, ids.upstream].sort())
    expect(yield* getTaskInstance(env, ids.dag, ids.run, ids.task, -1)).toMatchObject({ task_id: ids.task, state: "failed" })
    const dry = yield* clearTaskInstances(env, ids.dag, clearTaskInstancesRequest({ dag_id: ids.dag, dag_run_id: ids.run }))
    expect(dry.task_instances.map((t) => t.task_id)).toContain(ids.task)
    const cleared = yield* clearTaskInstances(
      env,
      ids.dag,
      clearTaskInstancesRequest({ dag_id: ids.dag, dag_run_id: ids.run, task_ids: [ids.task], dry_run: false })
    )
    expect(cleared.count).toBeGreaterThan(0)
    const logs = yield* getTaskLogs(env, { dag_id: ids.dag, dag_run_id: ids.run, task_id: ids.task, map_index: -1, try_number: 1 })
    expect(JSON.stringify(logs)).toContain("the long ids failed")
    // CloudWatch names a stream in at most 512 characters: a longer one cannot exist, so the log is Airflow's to read.
    const stream = taskLogStreamName({ dagId: ids.dag, runId: ids.run, taskId: ids.task, tryNumber: 1 })
    expect(logs.source).toBe(stream.length <= 512 ? "cloudwatch" : "rest")
    const reads = (yield* (yield* FakeMwaa).calls).filter((c) => c.api === "GetLogEvents" || c.api === "DescribeLogStreams")
    for (const c of reads) expect((c.logStreamName ?? c.logStreamNamePrefix ?? "").length).toBeLessThanOrEqual(512)
    const diagnosis = yield* diagnoseDagRun(env, { dag_id: ids.dag, dag_run_id: ids.run })
    expect(JSON.stringify(diagnosis)).toContain(ids.dag)
    return yield* airflowCalls
  })

for (const env of [DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3]) {
  describe(`ids of 40 to 250 characters on ${env}`, () => {
    for (const length of LENGTHS) {
      it.live(`every use case succeeds with ${length}-character ids (auto route)`, () =>
        Effect.gen(function* () {
          const calls = yield* everyUseCase(env, length)
          const apis = new Set(calls.map((c) => c.api))
          // 40-character ids: pause, get-dag and get-dag-run still fit; trigger and clear do not.
          expect(apis).toEqual(new Set(["InvokeRestApi", "AirflowWebserver"]))
        }).pipe(Effect.provide(layerFor(length, "auto")))
      )
    }

    it.live("webserver route: every Airflow call through the webserver, whatever its length", () =>
      Effect.gen(function* () {
        const ids = idsOf(40)
        yield* getDag(env, ids.dag)
        yield* listDags(env, { limit: 5, offset: 0 })
        // One direct call for a run, whatever its id carries.
        yield* triggerDagRun(env, ids.dag, { dag_run_id: "scheduled__2026-11-30T00:00:00+00:00" })
        yield* getDagRun(env, ids.dag, "scheduled__2026-11-30T00:00:00+00:00")
        const calls = (yield* (yield* FakeMwaa).calls).filter((c) => c.api === "InvokeRestApi" || c.api === "AirflowWebserver")
        expect(calls.every((c) => c.api === "AirflowWebserver")).toBe(true)
        expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
          `GET /dags/${ids.dag}`,
          "GET /dags",
          `POST /dags/${ids.dag}/dagRuns`,
          `GET /dags/${ids.dag}/dagRuns/scheduled__2026-11-30T00:00:00+00:00`
        ])
      }).pipe(Effect.provide(layerFor(40, "webserver")))
    )

    it.live("invoke route: reads use the batch fallbacks, writes whose path cannot fit fail before any call", () =>
      Effect.gen(function* () {
        const ids = idsOf(250)
        expect((yield* getDag(env, ids.dag)).dag_id).toBe(ids.dag)
        expect((yield* getDagRun(env, ids.dag, ids.run)).dag_run_id).toBe(ids.run)
        expect((yield* getTaskInstance(env, ids.dag, ids.run, ids.task, -1)).task_id).toBe(ids.task)
        const fake = yield* FakeMwaa
        yield* fake.clearCalls
        const writes: ReadonlyArray<Effect.Effect<unknown, { readonly _tag: string; readonly message: string }, AirflowClient>> = [
          setDagPaused(env, ids.dag, true),
          triggerDagRun(env, ids.dag, { dag_run_id: ids.newRun }),
          clearTaskInstances(env, ids.dag, clearTaskInstancesRequest({ dag_id: ids.dag }))
        ]
        for (const refused of writes) {
          const error = yield* Effect.flip(refused)
          expect(error).toMatchObject({ _tag: "RouteUnfit", limit: 64 })
          expect(error.message).toContain("at most 64")
        }
        expect(yield* fake.calls).toEqual([])
        const calls = yield* airflowCalls
        expect(calls.every((c) => c.api === "InvokeRestApi")).toBe(true)
      }).pipe(Effect.provide(layerFor(250, "invoke")))
    )
  })
}
