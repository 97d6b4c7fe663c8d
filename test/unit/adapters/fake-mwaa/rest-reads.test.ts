import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { DEMO_MANUAL_RUN, FakeMwaa, ORDERS_DAG, demoSeed } from "../../../../src/adapters/fake-mwaa/index.js"
import type { RestRequest } from "../../../../src/ports/AirflowApi.js"
import { viaInvoke } from "../../../support/airflow-routes.js"

const layer = () => FakeMwaa.layer(demoSeed())
const call = (request: Omit<RestRequest, "method"> & { method?: RestRequest["method"] }) => viaInvoke({ method: "GET", ...request })
const body = (request: Parameters<typeof call>[0]) => Effect.map(call(request), (r) => r.body as Record<string, any>)

describe("fake MWAA InvokeRestApi: limits and routing", () => {
  it.effect("a Path over 64 characters is MWAA's ValidationException, before Airflow sees it", () =>
    Effect.gen(function* () {
      const path = `/dags/${ORDERS_DAG}/dagRuns/${encodeURIComponent(DEMO_MANUAL_RUN)}`
      expect(path.length).toBeGreaterThan(64)
      const error = yield* Effect.flip(call({ environmentName: "demo-airflow-2", path }))
      expect(error.reason).toBe("Validation")
      expect(error.operation).toBe("InvokeRestApi")
      expect(error.message).toContain("Member must have length less than or equal to 64")
      expect(error.airflowStatus).toBeUndefined()
    }).pipe(Effect.provide(layer()))
  )

  it.effect("an unknown environment is NotFound", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(call({ environmentName: "nope", path: "/dags" }))
      expect(error.reason).toBe("NotFound")
    }).pipe(Effect.provide(layer()))
  )

  it.effect("a path with the /api/v1 prefix is Airflow's 404, in each version's error style", () =>
    Effect.gen(function* () {
      const v2 = yield* Effect.flip(call({ environmentName: "demo-airflow-2", path: "/api/v1/dags" }))
      expect(v2.reason).toBe("AirflowClientError")
      expect(v2.airflowStatus).toBe(404)
      expect(v2.airflowBody).toMatchObject({ status: 404, title: "Not Found", type: "about:blank" })
      const v3 = yield* Effect.flip(call({ environmentName: "demo-airflow-3", path: "/api/v2/dags" }))
      expect(v3.airflowStatus).toBe(404)
      expect(v3.airflowBody).toEqual({ detail: "Not Found" })
    }).pipe(Effect.provide(layer()))
  )

  it.effect("path segments are percent-decoded one by one", () =>
    Effect.gen(function* () {
      yield* call({
        environmentName: "demo-airflow-2",
        method: "POST",
        path: "/dags/fx_rates_refresh/dagRuns",
        body: { dag_run_id: "a b+c:d/e" }
      })
      const run = yield* body({
        environmentName: "demo-airflow-2",
        path: `/dags/fx_rates_refresh/dagRuns/${encodeURIComponent("a b+c:d/e")}`
      })
      expect(run["dag_run_id"]).toBe("a b+c:d/e")
    }).pipe(Effect.provide(layer()))
  )

  it.effect("Airflow 2 refuses an unknown query parameter (connexion strict validation); Airflow 3 ignores it", () =>
    Effect.gen(function* () {
      const v2 = yield* Effect.flip(
        call({ environmentName: "demo-airflow-2", path: "/dags", queryParameters: { logical_date_gte: "2026-11-01T00:00:00Z" } })
      )
      expect(v2.airflowStatus).toBe(400)
      const v3 = yield* body({ environmentName: "demo-airflow-3", path: "/dags", queryParameters: { whatever: 1 } })
      // Every DAG of the demo's 3.3 environment: the approval story's included (3.1+).
      expect(v3["total_entries"]).toBe(7)
    }).pipe(Effect.provide(layer()))
  )
})

describe("fake MWAA InvokeRestApi: response shapes per version", () => {
  it.effect("an Airflow 2 DAG run has execution_date and logical_date; an Airflow 3 one has logical_date and run_after", () =>
    Effect.gen(function* () {
      const path = "/dags/fx_rates_refresh/dagRuns"
      const v2 = yield* body({
        environmentName: "demo-airflow-2",
        path,
        queryParameters: { execution_date_gte: "2026-11-24T06:15:00+00:00", execution_date_lte: "2026-11-24T06:15:00Z" }
      })
      expect(v2["dag_runs"]).toHaveLength(1)
      expect(v2["dag_runs"][0]).toMatchObject({
        dag_run_id: "scheduled__2026-11-24T06:15:00+00:00",
        dag_id: "fx_rates_refresh",
        logical_date: "2026-11-24T06:15:00+00:00",
        execution_date: "2026-11-24T06:15:00+00:00",
        data_interval_end: "2026-11-25T06:15:00+00:00",
        run_type: "scheduled",
        state: "failed",
        external_trigger: false
      })
      const v3 = yield* body({
        environmentName: "demo-airflow-3",
        path,
        queryParameters: { logical_date_gte: "2026-11-24T06:15:00Z", logical_date_lte: "2026-11-24T06:15:00Z" }
      })
      expect(v3["dag_runs"][0]).toMatchObject({
        dag_run_id: "scheduled__2026-11-24T06:15:00+00:00",
        logical_date: "2026-11-24T06:15:00Z",
        run_after: "2026-11-24T06:15:00Z",
        state: "success",
        triggered_by: "timetable"
      })
      expect(v3["dag_runs"][0]).not.toHaveProperty("execution_date")
      expect(v3["dag_runs"][0]["dag_versions"]).toHaveLength(1)
    }).pipe(Effect.provide(layer()))
  )

  it.effect("runs list newest first by each version's own order_by name, and the other name is a 400", () =>
    Effect.gen(function* () {
      const path = `/dags/${ORDERS_DAG}/dagRuns`
      const v2 = yield* body({ environmentName: "demo-airflow-2", path, queryParameters: { order_by: "-execution_date", limit: 3 } })
      expect(v2["dag_runs"].map((r: any) => r.dag_run_id)[0]).toBe(DEMO_MANUAL_RUN)
      expect(v2["total_entries"]).toBe(7)
      const v3 = yield* body({ environmentName: "demo-airflow-3", path, queryParameters: { order_by: "-logical_date", state: ["failed"] } })
      expect(v3["dag_runs"].every((r: any) => r.state === "failed")).toBe(true)
      const bad = yield* Effect.flip(call({ environmentName: "demo-airflow-3", path, queryParameters: { order_by: "-execution_date" } }))
      expect(bad.airflowStatus).toBe(400)
    }).pipe(Effect.provide(layer()))
  )

  it.effect("the batch endpoints reach a long DAG id within 64 characters", () =>
    Effect.gen(function* () {
      for (const environmentName of ["demo-airflow-2", "demo-airflow-3"]) {
        const tis = yield* body({
          environmentName,
          method: "POST",
          path: "/dags/~/dagRuns/~/taskInstances/list",
          body: { dag_ids: [ORDERS_DAG], dag_run_ids: [DEMO_MANUAL_RUN] }
        })
        const states = Object.fromEntries(tis["task_instances"].map((t: any) => [t.task_id, [t.state, t.try_number]]))
        expect(states).toEqual({
          extract_orders: ["success", 1],
          stage_order_lines: ["success", 1],
          aggregate_daily_totals: ["failed", 2],
          load_to_reporting: ["upstream_failed", 0],
          notify_finance_channel: ["upstream_failed", 0]
        })
      }
    }).pipe(Effect.provide(layer()))
  )

  it.effect("connections: Airflow 2 lists no password or extra, Airflow 3 lists both; variables keep raw values", () =>
    Effect.gen(function* () {
      const v2 = yield* body({ environmentName: "demo-airflow-2", path: "/connections" })
      expect(v2["connections"][0]).not.toHaveProperty("password")
      expect(v2["connections"][0]).not.toHaveProperty("extra")
      const v3 = yield* body({ environmentName: "demo-airflow-3", path: "/connections" })
      const aws = v3["connections"].find((c: any) => c.connection_id === "aws_default")
      expect(aws.password).toBe("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
      const vars = yield* body({ environmentName: "demo-airflow-2", path: "/variables" })
      expect(vars["variables"].find((v: any) => v.key === "max_batch_size").value).toBe("5000")
    }).pipe(Effect.provide(layer()))
  )

  it.effect("DAG sources: Airflow 2's file_token is too long for the Path limit; Airflow 3 reads by dag_id", () =>
    Effect.gen(function* () {
      const dag = yield* body({ environmentName: "demo-airflow-2", path: "/dags/fx_rates_refresh" })
      const token = dag["file_token"] as string
      expect(token.length).toBeGreaterThan(80)
      const refused = yield* Effect.flip(call({ environmentName: "demo-airflow-2", path: `/dagSources/${token}` }))
      expect(refused.reason).toBe("Validation")
      const v3 = yield* body({ environmentName: "demo-airflow-3", path: "/dagSources/fx_rates_refresh" })
      expect(v3).toMatchObject({ dag_id: "fx_rates_refresh", version_number: 1 })
      expect(v3["content"]).toContain('dag_id="fx_rates_refresh"')
    }).pipe(Effect.provide(layer()))
  )

  it.effect("import errors, health and version follow each version's paths", () =>
    Effect.gen(function* () {
      const v2 = yield* body({ environmentName: "demo-airflow-2", path: "/importErrors" })
      expect(v2["import_errors"][0]).toMatchObject({ import_error_id: 1, filename: "/usr/local/airflow/dags/broken_report.py" })
      expect(v2["import_errors"][0].stack_trace).toContain("ModuleNotFoundError")
      const v3 = yield* body({ environmentName: "demo-airflow-3", path: "/importErrors" })
      expect(v3["import_errors"][0]).toMatchObject({ filename: "broken_report.py", bundle_name: "dags-folder" })
      expect((yield* body({ environmentName: "demo-airflow-2", path: "/health" }))["metadatabase"]).toEqual({ status: "healthy" })
      expect((yield* body({ environmentName: "demo-airflow-3", path: "/monitor/health" }))["scheduler"]["status"]).toBe("healthy")
      expect((yield* body({ environmentName: "demo-airflow-3", path: "/version" }))["version"]).toBe("3.3.1")
      expect((yield* Effect.flip(call({ environmentName: "demo-airflow-3", path: "/health" }))).airflowStatus).toBe(404)
    }).pipe(Effect.provide(layer()))
  )
})
