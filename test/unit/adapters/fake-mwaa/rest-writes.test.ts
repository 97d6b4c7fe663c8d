import { describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { DEMO_MANUAL_RUN, FakeMwaa, ORDERS_DAG, demoSeed } from "../../../../src/adapters/fake-mwaa/index.js"
import type { RestRequest } from "../../../../src/ports/AirflowApi.js"
import { viaInvoke } from "../../../support/airflow-routes.js"

const layer = () => FakeMwaa.layer(demoSeed())
const call = (request: RestRequest) => viaInvoke(request)
const ENVS = ["demo-airflow-2", "demo-airflow-3"] as const

describe("fake MWAA writes", () => {
  it.effect("PATCH /dags/{dag_id} {is_paused} changes the stored DAG, in both versions", () =>
    Effect.gen(function* () {
      const fake = yield* FakeMwaa
      for (const environmentName of ENVS) {
        const answer = yield* call({
          environmentName,
          method: "PATCH",
          path: "/dags/fx_rates_refresh",
          queryParameters: { update_mask: ["is_paused"] },
          body: { is_paused: true }
        })
        expect(answer.status).toBe(200)
        expect(answer.body).toMatchObject({ dag_id: "fx_rates_refresh", is_paused: true })
        const stored = yield* fake.dag(environmentName, "fx_rates_refresh")
        expect(Option.map(stored, (d) => d.isPaused)).toEqual(Option.some(true))
      }
    }).pipe(Effect.provide(layer()))
  )

  it.effect("Airflow 3 rejects unknown body keys with 422 extra_forbidden; Airflow 2 with 400 Unknown field", () =>
    Effect.gen(function* () {
      const fake = yield* FakeMwaa
      const v3 = yield* Effect.flip(
        call({
          environmentName: "demo-airflow-3",
          method: "PATCH",
          path: "/dags/fx_rates_refresh",
          body: { is_paused: true, paused: true }
        })
      )
      expect(v3.reason).toBe("AirflowClientError")
      expect(v3.airflowStatus).toBe(422)
      expect(v3.airflowBody).toEqual({
        detail: [{ type: "extra_forbidden", loc: ["body", "paused"], msg: "Extra inputs are not permitted", input: true }]
      })
      expect(Option.map(yield* fake.dag("demo-airflow-3", "fx_rates_refresh"), (d) => d.isPaused)).toEqual(Option.some(false))
      const clear = yield* Effect.flip(
        call({
          environmentName: "demo-airflow-3",
          method: "POST",
          path: "/dags/fx_rates_refresh/clearTaskInstances",
          body: { dry_run: true, include_subdags: true }
        })
      )
      expect(clear.airflowStatus).toBe(422)
      const v2 = yield* Effect.flip(
        call({ environmentName: "demo-airflow-2", method: "POST", path: "/dags/fx_rates_refresh/dagRuns", body: { run_id: "x" } })
      )
      expect(v2.airflowStatus).toBe(400)
      expect(v2.airflowBody).toMatchObject({ detail: "{'run_id': ['Unknown field.']}", status: 400 })
    }).pipe(Effect.provide(layer()))
  )

  it.effect("trigger creates a queued run with task instances in no state; the same run id again is a 409", () =>
    Effect.gen(function* () {
      const fake = yield* FakeMwaa
      for (const environmentName of ENVS) {
        const body = environmentName === "demo-airflow-3" ? { dag_run_id: "rerun-1", logical_date: null } : { dag_run_id: "rerun-1" }
        const created = yield* call({ environmentName, method: "POST", path: "/dags/fx_rates_refresh/dagRuns", body })
        expect(created.status).toBe(200)
        expect(created.body).toMatchObject({ dag_run_id: "rerun-1", state: "queued", run_type: "manual" })
        const run = yield* fake.dagRun(environmentName, "fx_rates_refresh", "rerun-1")
        expect(Option.map(run, (r) => r.state)).toEqual(Option.some("queued"))
        const ti = yield* fake.taskInstance(environmentName, "fx_rates_refresh", "rerun-1", "fetch_rates")
        expect(Option.map(ti, (t) => t.state)).toEqual(Option.some(null))
        const again = yield* Effect.flip(call({ environmentName, method: "POST", path: "/dags/fx_rates_refresh/dagRuns", body }))
        expect(again.reason).toBe("AirflowClientError")
        expect(again.airflowStatus).toBe(409)
      }
    }).pipe(Effect.provide(layer()))
  )

  it.effect("Airflow 3.0 requires the logical_date key (null is fine); Airflow 2 defaults it to now", () =>
    Effect.gen(function* () {
      const missing = yield* Effect.flip(
        call({ environmentName: "demo-airflow-3", method: "POST", path: "/dags/fx_rates_refresh/dagRuns", body: { conf: {} } })
      )
      expect(missing.airflowStatus).toBe(422)
      expect((missing.airflowBody as any).detail[0]).toMatchObject({ type: "missing", loc: ["body", "logical_date"] })
      const v2 = yield* call({ environmentName: "demo-airflow-2", method: "POST", path: "/dags/fx_rates_refresh/dagRuns", body: {} })
      expect(v2.body).toMatchObject({ dag_run_id: "manual__2026-11-25T09:30:00+00:00", logical_date: "2026-11-25T09:30:00+00:00" })
    }).pipe(Effect.provide(layer()))
  )

  /** The failed fx_rates_refresh run: Airflow 2 labels it with the day before it ran. */
  const FX_FAILED = { "demo-airflow-2": "scheduled__2026-11-24T06:15:00+00:00", "demo-airflow-3": "scheduled__2026-11-25T06:15:00+00:00" }

  it.effect("clear with dry_run lists what it would clear and changes nothing; a real clear resets and queues", () =>
    Effect.gen(function* () {
      const fake = yield* FakeMwaa
      for (const environmentName of ENVS) {
        const runId = FX_FAILED[environmentName]
        const request = (dry_run: boolean): RestRequest => ({
          environmentName,
          method: "POST",
          path: "/dags/fx_rates_refresh/clearTaskInstances",
          body: { dry_run, dag_run_id: runId, task_ids: ["fetch_rates"], include_downstream: true, reset_dag_runs: true }
        })
        const dry = yield* call(request(true))
        expect((dry.body as any).task_instances.map((t: any) => t.task_id)).toEqual(["fetch_rates", "publish_rates"])
        const untouched = yield* fake.taskInstance(environmentName, "fx_rates_refresh", runId, "fetch_rates")
        expect(Option.map(untouched, (t) => t.state)).toEqual(Option.some("failed"))
        expect(Option.map(yield* fake.dagRun(environmentName, "fx_rates_refresh", runId), (r) => r.state)).toEqual(Option.some("failed"))

        yield* call(request(false))
        const cleared = yield* fake.taskInstance(environmentName, "fx_rates_refresh", runId, "fetch_rates")
        expect(Option.map(cleared, (t) => t.state)).toEqual(Option.some(null))
        const downstream = yield* fake.taskInstance(environmentName, "fx_rates_refresh", runId, "publish_rates")
        expect(Option.map(downstream, (t) => t.state)).toEqual(Option.some(null))
        const run = yield* fake.dagRun(environmentName, "fx_rates_refresh", runId)
        expect(Option.map(run, (r) => r.state)).toEqual(Option.some("queued"))
      }
    }).pipe(Effect.provide(layer()))
  )

  it.effect("reset_dag_runs defaults to false in Airflow 2 (the run keeps its state) and true in Airflow 3", () =>
    Effect.gen(function* () {
      const fake = yield* FakeMwaa
      for (const environmentName of ENVS) {
        const runId = FX_FAILED[environmentName]
        yield* call({
          environmentName,
          method: "POST",
          path: "/dags/fx_rates_refresh/clearTaskInstances",
          body: { dry_run: false, dag_run_id: runId }
        })
        const run = yield* fake.dagRun(environmentName, "fx_rates_refresh", runId)
        expect(Option.map(run, (r) => r.state)).toEqual(Option.some(environmentName === "demo-airflow-2" ? "failed" : "queued"))
      }
    }).pipe(Effect.provide(layer()))
  )

  it.effect("Airflow 2 answers a clear with TaskInstanceReferences, Airflow 3 with full task instances", () =>
    Effect.gen(function* () {
      const path = "/dags/fx_rates_refresh/clearTaskInstances"
      const v2 = (yield* call({
        environmentName: "demo-airflow-2",
        method: "POST",
        path,
        body: { dag_run_id: FX_FAILED["demo-airflow-2"] }
      })).body as any
      expect(v2.task_instances).toHaveLength(2)
      expect(Object.keys(v2.task_instances[0]).sort()).toEqual(["dag_id", "dag_run_id", "execution_date", "task_id"])
      const v3 = (yield* call({
        environmentName: "demo-airflow-3",
        method: "POST",
        path,
        body: { dag_run_id: FX_FAILED["demo-airflow-3"] }
      })).body as any
      expect(v3.total_entries).toBe(2)
      expect(v3.task_instances[0]).toMatchObject({ task_id: "fetch_rates", state: "failed", try_number: 3 })
    }).pipe(Effect.provide(layer()))
  )

  it.effect("the 40-character DAG cannot be cleared through InvokeRestApi: its clear path is 65 characters", () =>
    Effect.gen(function* () {
      const path = `/dags/${ORDERS_DAG}/clearTaskInstances`
      expect(path.length).toBe(65)
      const error = yield* Effect.flip(
        call({ environmentName: "demo-airflow-2", method: "POST", path, body: { dag_run_id: DEMO_MANUAL_RUN } })
      )
      expect(error.reason).toBe("Validation")
    }).pipe(Effect.provide(layer()))
  )
})
