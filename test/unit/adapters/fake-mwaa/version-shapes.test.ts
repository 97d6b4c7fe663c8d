import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import {
  FakeMwaa,
  FX_DAG,
  MATRIX_VERSIONS,
  matrixEnvironmentName,
  ORDERS_DAG,
  versionMatrixSeed
} from "../../../../src/adapters/fake-mwaa/index.js"
import { demoEnvironment } from "../../../../src/adapters/fake-mwaa/demo/seed.js"
import { DagRunListAnswer } from "../../../../src/domain/answers/dag-runs.js"
import { TaskInstanceListAnswer } from "../../../../src/domain/answers/task-instances.js"
import type { RestRequest } from "../../../../src/ports/AirflowApi.js"
import { viaInvoke } from "../../../support/airflow-routes.js"
import { loadSpecValidator, specFor } from "../../../support/openapi.js"

/**
 * The fake answers each release in that release's terms (airflow32-shapes.ts): what 3.2 and 3.3 added
 * to the members and bodies the server uses, and the documents they are checked against.
 */
const layer = () => FakeMwaa.layer(versionMatrixSeed())
const env = (version: string) => matrixEnvironmentName(version)
const get = (environmentName: string, path: string) => viaInvoke({ environmentName, method: "GET", path })
const clear = (environmentName: string, body: Record<string, unknown>) =>
  viaInvoke({ environmentName, method: "POST", path: `/dags/${FX_DAG}/clearTaskInstances`, body } satisfies RestRequest)

const sha256 = (name: string) =>
  createHash("sha256")
    .update(readFileSync(fileURLToPath(new URL(`../../../fixtures/airflow/${name}`, import.meta.url))))
    .digest("hex")

describe("the version matrix's documents", () => {
  it("keeps 3.2's document as copied and 3.3's as derived (PROVENANCE.md)", () => {
    expect(sha256("airflow-3.2-v2.yaml")).toBe("e409f93b9441a56f31754ac90216fad85c4d12ffdf00512227ddc3796390845e")
    expect(sha256("airflow-3.3-v2.yaml")).toBe("681b113259d5f768758a5477c60cc802e91d80e747bc9e21372946da11b42912")
  })

  it("maps each release to its document", () => {
    expect(MATRIX_VERSIONS.map(specFor)).toEqual([2, 2, 3, "3.2", "3.3"])
    expect(["2.7.2", "3.0.0", "3.1.5", "3.2.0", "3.3.0"].map(specFor)).toEqual([2, 3, "3.2", "3.2", "3.3"])
    expect(() => specFor("latest")).toThrow()
  })

  it("tells 3.3 from 3.2: a DAG must say whether it is periodic, and a count may be null", () => {
    const dag = { dag_id: "d", dag_display_name: "d", is_paused: false, is_stale: false, fileloc: "/d.py", tags: [] }
    const required = {
      ...dag,
      timetable_partitioned: false,
      max_active_tasks: 16,
      max_consecutive_failed_dag_runs: 0,
      has_task_concurrency_limits: false,
      has_import_errors: false,
      owners: [],
      file_token: "t"
    }
    expect(loadSpecValidator("3.2").validate("GET", "/dags/d", 200, required)).toEqual([])
    expect(loadSpecValidator("3.3").validate("GET", "/dags/d", 200, required).join()).toMatch(/timetable_periodic/)
    const runs = { dag_runs: [], total_entries: null, next_cursor: null, previous_cursor: null }
    expect(loadSpecValidator("3.3").validate("GET", "/dags/~/dagRuns", 200, runs)).toEqual([])
    expect(loadSpecValidator("3.2").validate("GET", "/dags/~/dagRuns", 200, runs)).not.toEqual([])
  })
})

describe("the fake's answers per release", () => {
  it.effect("a DAG gains timetable_partitioned in 3.2 and timetable_periodic, is_backfillable in 3.3", () =>
    Effect.gen(function* () {
      const keys = (version: string) => Effect.map(get(env(version), `/dags/${ORDERS_DAG}`), (a) => Object.keys(a.body as object))
      expect(yield* keys("3.0.6")).not.toContain("timetable_partitioned")
      expect(yield* keys("3.2.1")).toContain("timetable_partitioned")
      expect(yield* keys("3.2.1")).not.toContain("timetable_periodic")
      expect(yield* keys("3.3.1")).toEqual(expect.arrayContaining(["timetable_periodic", "is_backfillable"]))
      const run = (version: string) => Effect.map(get(env(version), `/dags/${ORDERS_DAG}/dagRuns`), (a) => a.body as any)
      expect((yield* run("3.0.6")).dag_runs[0]).not.toHaveProperty("dag_display_name")
      expect((yield* run("3.2.1")).dag_runs[0]).toMatchObject({ dag_display_name: ORDERS_DAG, partition_key: null })
      expect(yield* run("3.2.1")).not.toHaveProperty("next_cursor")
      expect(yield* run("3.3.1")).toMatchObject({ next_cursor: null, previous_cursor: null })
    }).pipe(Effect.provide(layer()))
  )

  it.effect("a clear body takes 3.2's new keys only from 3.2, and run_on_latest_version null only from 3.3", () =>
    Effect.gen(function* () {
      const refused = yield* Effect.flip(clear(env("3.0.6"), { dry_run: true, prevent_running_task: true }))
      expect(refused).toMatchObject({ airflowStatus: 422, airflowBody: { detail: [{ type: "extra_forbidden" }] } })
      yield* clear(env("3.2.1"), { dry_run: true, prevent_running_task: true, run_on_latest_version: false })
      const nulled = yield* Effect.flip(clear(env("3.2.1"), { dry_run: true, run_on_latest_version: null }))
      expect(nulled).toMatchObject({ airflowStatus: 422, airflowBody: { detail: [{ type: "bool_type" }] } })
      yield* clear(env("3.3.1"), { dry_run: true, run_on_latest_version: null })
    }).pipe(Effect.provide(layer()))
  )
})

describe("the domain reads 3.3's collections", () => {
  it("takes a null total_entries (cursor paging) as no count", () => {
    const page = Schema.decodeUnknownSync(DagRunListAnswer)({ dag_runs: [], total_entries: null, next_cursor: null })
    expect(page.total_entries).toBeUndefined()
    const tis = Schema.decodeUnknownSync(TaskInstanceListAnswer)({ task_instances: [], total_entries: null })
    expect(tis.total_entries).toBeUndefined()
  })
})

describe("Airflow 2 releases before 2.10", () => {
  it.effect("leave out the members later releases added: 2.8 has no display names, 2.9 no executor", () =>
    Effect.gen(function* () {
      const ti = (environmentName: string) =>
        Effect.map(
          viaInvoke({ environmentName, method: "POST", path: "/dags/~/dagRuns/~/taskInstances/list", body: { dag_ids: [ORDERS_DAG] } }),
          (a) => (a.body as { task_instances: Array<Record<string, unknown>> }).task_instances[0]!
        )
      const dagOf = (environmentName: string) => Effect.map(get(environmentName, `/dags/${ORDERS_DAG}`), (a) => a.body)
      expect(yield* ti("airflow-2-8")).not.toHaveProperty("task_display_name")
      expect(yield* ti("airflow-2-8")).not.toHaveProperty("executor")
      expect(yield* dagOf("airflow-2-8")).not.toHaveProperty("dag_display_name")
      expect(yield* ti("airflow-2-9")).toHaveProperty("task_display_name")
      expect(yield* ti("airflow-2-9")).not.toHaveProperty("executor")
      expect(yield* ti("airflow-2-10")).toHaveProperty("executor")
      expect(yield* dagOf("airflow-2-10")).toHaveProperty("dag_display_name")
    }).pipe(
      Effect.provide(
        FakeMwaa.layer({
          environments: ["2.8.1", "2.9.2", "2.10.3"].map((v) => demoEnvironment(matrixEnvironmentName(v), v))
        })
      )
    )
  )
})

describe("3.1's strict range filters", () => {
  it.effect("filter the batch run list from 3.2 on, and are refused by 3.0's body", () =>
    Effect.gen(function* () {
      const list = (environmentName: string, body: Record<string, unknown>) =>
        Effect.map(
          viaInvoke({ environmentName, method: "POST", path: "/dags/~/dagRuns/list", body: { dag_ids: [ORDERS_DAG], ...body } }),
          (a) => (a.body as { dag_runs: Array<{ run_after: string }> }).dag_runs
        )
      const all = yield* list(env("3.2.1"), {})
      const latest = all.map((r) => r.run_after).sort()[all.length - 1]!
      expect(yield* list(env("3.2.1"), { run_after_gte: latest })).toHaveLength(1)
      expect(yield* list(env("3.2.1"), { run_after_gt: latest })).toHaveLength(0)
      expect(yield* list(env("3.2.1"), { run_after_lt: latest })).toHaveLength(all.length - 1)
      const refused = yield* Effect.flip(list(env("3.0.6"), { run_after_gt: latest }))
      expect(refused).toMatchObject({ airflowStatus: 422, airflowBody: { detail: [{ type: "extra_forbidden" }] } })
    }).pipe(Effect.provide(layer()))
  )
})

describe("3.1's multi-criteria sort", () => {
  it.effect("orders a GET list by every order_by given from 3.2 on; 3.0 reads the first only", () =>
    Effect.gen(function* () {
      const ids = (environmentName: string) =>
        Effect.map(
          viaInvoke({
            environmentName,
            method: "GET",
            path: `/dags/${ORDERS_DAG}/dagRuns`,
            queryParameters: { order_by: ["state", "-run_after"] }
          }),
          (a) => (a.body as { dag_runs: Array<{ state: string; run_after: string }> }).dag_runs
        )
      const v32 = yield* ids(env("3.2.1"))
      const expected = [...v32].sort((a, b) => a.state.localeCompare(b.state) || b.run_after.localeCompare(a.run_after))
      expect(v32).toEqual(expected)
      const v30 = yield* ids(env("3.0.6"))
      const failed = v30.filter((r) => r.state === "failed").map((r) => r.run_after)
      expect(failed).toEqual([...failed].sort())
    }).pipe(Effect.provide(layer()))
  )
})
