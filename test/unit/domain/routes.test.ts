import { describe, expect, it } from "@effect/vitest"
import { Option, Schema } from "effect"
import * as fc from "fast-check"
import { clearTaskInstancesRequest } from "../../../src/domain/clear-defaults.js"
import { DagId, DagRunId, TaskId } from "../../../src/domain/ids.js"
import { MAX_PATH_LENGTH } from "../../../src/domain/paths.js"
import * as Routes from "../../../src/domain/routes.js"
import * as Runs from "../../../src/domain/routes-runs.js"
import * as Tasks from "../../../src/domain/routes-tasks.js"
import type { AirflowMajor } from "../../../src/domain/routes.js"

const keyChars = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-".split(""))
const key = (max: number) => fc.string({ unit: keyChars, minLength: 1, maxLength: max }).filter((s) => !/^\.+$/.test(s))
const isoDate = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true })
  .map((d) => d.toISOString().replace(/\.\d{3}Z$/, "+00:00"))
const runId = fc.oneof(
  isoDate.map((d) => `scheduled__${d}`),
  isoDate.map((d) => `manual__${d}`),
  fc.string({ unit: fc.constantFrom(..."abcXYZ019_.~:+-".split("")), minLength: 2, maxLength: 250 }).filter((s) => !/^\.+$/.test(s))
)
const version = fc.constantFrom<AirflowMajor>(2, 3)

/** clear-task-instances' safe defaults as the planner receives them: from the domain's own defaulting. */
const DEFAULT_CLEAR = clearTaskInstancesRequest({ dag_id: "any" })

/** Every read path the planner produces for one set of ids when long paths cannot be sent (InvokeRestApi only). */
const plannedPaths = (v: AirflowMajor, dag: string, run: string, task: string, mapIndex: number, tryNumber: number) => {
  const t = { dag_id: dag, dag_run_id: run, task_id: task, map_index: mapIndex, try_number: tryNumber }
  return [
    Routes.getDag(dag).call.path,
    ...Option.toArray(Routes.dagSourceRest(v, dag, "x".repeat(120))).map((c) => c.path),
    Runs.listDagRuns(v, dag, { limit: 10, offset: 0 }).path,
    ...Option.toArray(Runs.getDagRunDirect(dag, run)).map((c) => c.path),
    Runs.dagRunLookup(v, dag, run, { limit: 100, offset: 0 }).path,
    Tasks.listTaskInstances(dag, run, {}).path,
    Tasks.getTaskInstance(dag, run, task, mapIndex).path,
    ...Option.toArray(Tasks.taskLogRest(t)).map((c) => c.path)
  ]
}

describe("route planner", () => {
  it("plans reads within 64 characters when long paths cannot be sent (property over generated ids)", () => {
    fc.assert(
      fc.property(
        version,
        key(250),
        runId,
        key(250),
        fc.integer({ min: -1, max: 5000 }),
        fc.integer({ min: 1, max: 99 }),
        (v, dag, run, task, mi, tn) => {
          for (const path of plannedPaths(v, dag, run, task, mi, tn)) {
            expect(path.length).toBeLessThanOrEqual(MAX_PATH_LENGTH)
            expect(path.startsWith("/")).toBe(true)
            expect(path.startsWith("/api/")).toBe(false)
          }
        }
      ),
      { numRuns: 500 }
    )
  })

  it("generated ids are valid ids by the schemas the tools use", () => {
    fc.assert(
      fc.property(key(250), runId, (dag, run) => {
        expect(Schema.is(DagId)(dag)).toBe(true)
        expect(Schema.is(TaskId)(dag)).toBe(true)
        expect(Schema.is(DagRunId)(run)).toBe(true)
      })
    )
  })

  it("a scheduled run of a 40-character DAG id goes through the batch endpoints", () => {
    const dag = "customer_orders_daily_aggregation_v2_etl"
    expect(dag).toHaveLength(40)
    const run = "scheduled__2026-11-24T00:00:00+00:00"
    for (const v of [2, 3] as const) {
      expect(Option.isNone(Runs.getDagRunDirect(dag, run))).toBe(true)
      const lookup = Runs.dagRunLookup(v, dag, run, { limit: 100, offset: 0 })
      expect(lookup).toMatchObject({ method: "POST", path: "/dags/~/dagRuns/list", body: { dag_ids: [dag] } })
      const dateKey = v === 2 ? "execution_date_gte" : "logical_date_gte"
      expect(lookup.body?.[dateKey]).toBe("2026-11-24T00:00:00+00:00")
      expect(Tasks.getTaskInstance(dag, run, "load", -1)).toMatchObject({
        method: "POST",
        path: "/dags/~/dagRuns/~/taskInstances/list",
        body: { dag_ids: [dag], dag_run_ids: [run], task_ids: ["load"] }
      })
      expect(Option.isNone(Tasks.taskLogRest({ dag_id: dag, dag_run_id: run, task_id: "load", map_index: -1, try_number: 2 }))).toBe(true)
    }
  })

  it("uses the direct path when it fits and encodes each segment", () => {
    expect(Routes.getDag("etl")).toEqual({ call: { method: "GET", path: "/dags/etl" } })
    expect(Option.getOrThrow(Runs.getDagRunDirect("etl", "manual__2026-01-01T00:00:00+00:00")).path).toBe(
      "/dags/etl/dagRuns/manual__2026-01-01T00:00:00+00:00"
    )
    expect(Routes.getDag("x".repeat(59)).call).toMatchObject({ path: "/dags", query: { dag_id_pattern: "x".repeat(59) } })
    // When long paths can be sent (the webserver route), the exact direct path instead of the lossy pattern list.
    expect(Routes.getDag("x".repeat(59), true)).toEqual({ call: { method: "GET", path: `/dags/${"x".repeat(59)}` } })
  })

  it("plans writes on their direct path whatever the id's length: route-choice decides how they travel", () => {
    const dag = "d".repeat(250)
    expect(Routes.setDagPaused(dag, true)).toMatchObject({ method: "PATCH", path: `/dags/${dag}`, body: { is_paused: true } })
    expect(Tasks.clearTaskInstances(dag, DEFAULT_CLEAR)).toMatchObject({ method: "POST", path: `/dags/${dag}/clearTaskInstances` })
    expect(Runs.triggerDagRun(3, dag, { dag_run_id: "r".repeat(250) })).toMatchObject({
      method: "POST",
      path: `/dags/${dag}/dagRuns`,
      body: { dag_run_id: "r".repeat(250) },
      idempotent: true
    })
    expect(Runs.getDagRunPath(dag, "r1")).toEqual({ method: "GET", path: `/dags/${dag}/dagRuns/r1` })
  })

  it("builds per-version bodies: Airflow 3 trigger always carries logical_date, Airflow 2 renames dates", () => {
    const v3 = Runs.triggerDagRun(3, "etl", { dag_run_id: "r1" })
    expect(v3.body).toEqual({ dag_run_id: "r1", logical_date: null, conf: {} })
    const v2 = Runs.triggerDagRun(2, "etl", { dag_run_id: "r1" })
    expect(v2.body).toEqual({ dag_run_id: "r1", conf: {} })
    const list2 = Runs.listDagRuns(2, undefined, { limit: 5, offset: 0, logical_date_gte: "2026-01-01T00:00:00Z" })
    expect(list2.body).toMatchObject({ execution_date_gte: "2026-01-01T00:00:00Z", order_by: "-execution_date" })
    const list3 = Runs.listDagRuns(3, undefined, { limit: 5, offset: 0, logical_date_gte: "2026-01-01T00:00:00Z" })
    expect(list3.body).toMatchObject({ logical_date_gte: "2026-01-01T00:00:00Z", order_by: "-logical_date" })
  })
})
