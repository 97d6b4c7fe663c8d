import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { FakeMwaa, FX_DAG, matrixEnvironmentName, ORDERS_DAG, versionMatrixSeed } from "../../../../src/adapters/fake-mwaa/index.js"
import type { RestRequest } from "../../../../src/ports/AirflowApi.js"
import { viaInvoke, viaWebserver } from "../../../support/airflow-routes.js"
import { loadSpecValidator, type SpecVersion } from "../../../support/openapi.js"

/**
 * The fake's tries (Airflow 2.10+ and 3) and DAG versions (Airflow 3) answer as each version's
 * OpenAPI document says, with the demo's story: three tries of fetch_rates, and the orders DAG's
 * version 2 used by its failed runs.
 */

const layer = () => FakeMwaa.layer(versionMatrixSeed())
const FX_RUN_3 = "scheduled__2026-11-25T06:15:00+00:00"
const ORDERS_FAILED_3 = "scheduled__2026-11-25T00:00:00+00:00"
const ORDERS_SUCCESS_3 = "scheduled__2026-11-22T00:00:00+00:00"

/** The route MWAA would take: InvokeRestApi up to 64 characters of path, else the webserver. */
const via = (request: RestRequest) =>
  request.path.length <= 64
    ? viaInvoke(request)
    : viaWebserver({ ...request, airflowMajor: request.environmentName.startsWith("airflow-2") ? 2 : 3 })

const answered = (spec: SpecVersion, request: RestRequest) =>
  Effect.map(via(request), (answer) => {
    expect(loadSpecValidator(spec).validate(request.method, request.path, answer.status, answer.body)).toEqual([])
    return answer.body as any
  })

describe("fake MWAA history", () => {
  it.effect("the tries of a task, oldest first, on 2.11, 3.0 and 3.2", () =>
    Effect.gen(function* () {
      for (const [version, spec, runId] of [
        ["2.11.2", 2, "scheduled__2026-11-24T06:15:00+00:00"],
        ["3.0.6", 3, FX_RUN_3],
        ["3.2.1", "3.2", FX_RUN_3]
      ] as const) {
        const environmentName = matrixEnvironmentName(version)
        const path = `/dags/${FX_DAG}/dagRuns/${runId}/taskInstances/fetch_rates/tries`
        const body = yield* answered(spec, { environmentName, method: "GET", path })
        expect(body.total_entries).toBe(3)
        expect(body.task_instances.map((t: any) => [t.try_number, t.state])).toEqual([
          [1, "up_for_retry"],
          [2, "up_for_retry"],
          [3, "failed"]
        ])
      }
    }).pipe(Effect.provide(layer()))
  )

  it.effect("a mapped task's tries by its map index", () =>
    Effect.gen(function* () {
      const runId = "scheduled__2026-11-25T02:00:00+00:00"
      const path = `/dags/marketing_spend_sync/dagRuns/${runId}/taskInstances/fetch_channel_spend/1/tries`
      const body = yield* answered(3, { environmentName: matrixEnvironmentName("3.0.6"), method: "GET", path })
      expect(body.task_instances.map((t: any) => [t.map_index, t.try_number, t.state])).toEqual([[1, 1, "success"]])
    }).pipe(Effect.provide(layer()))
  )

  it.effect("Airflow 3: the orders DAG's versions, one by number, and which one each run used", () =>
    Effect.gen(function* () {
      for (const [version, spec] of [
        ["3.0.6", 3],
        ["3.2.1", "3.2"]
      ] as const) {
        const environmentName = matrixEnvironmentName(version)
        const list = yield* answered(spec, {
          environmentName,
          method: "GET",
          path: `/dags/${ORDERS_DAG}/dagVersions`,
          queryParameters: { order_by: "-version_number", limit: 1 }
        })
        expect(list).toMatchObject({
          total_entries: 2,
          dag_versions: [{ version_number: 2, bundle_name: "dags-folder", bundle_version: null }]
        })
        const one = yield* answered(spec, { environmentName, method: "GET", path: `/dags/${ORDERS_DAG}/dagVersions/1` })
        expect(one).toMatchObject({ version_number: 1, dag_id: ORDERS_DAG, created_at: "2026-10-14T08:12:44.518230Z" })
        const missing = yield* Effect.flip(via({ environmentName, method: "GET", path: `/dags/${ORDERS_DAG}/dagVersions/9` }))
        expect(missing).toMatchObject({ airflowStatus: 404 })
        for (const [runId, used] of [
          [ORDERS_FAILED_3, 2],
          [ORDERS_SUCCESS_3, 1]
        ] as const) {
          const run = yield* via({ environmentName, method: "GET", path: `/dags/${ORDERS_DAG}/dagRuns/${runId}` })
          expect((run.body as any).dag_versions.map((v: any) => v.version_number)).toEqual([used])
        }
      }
    }).pipe(Effect.provide(layer()))
  )

  it.effect("Airflow 2 serves no dagVersions", () =>
    Effect.gen(function* () {
      const missing = yield* Effect.flip(
        via({ environmentName: matrixEnvironmentName("2.11.2"), method: "GET", path: `/dags/${ORDERS_DAG}/dagVersions` })
      )
      expect(missing).toMatchObject({ airflowStatus: 404 })
    }).pipe(Effect.provide(layer()))
  )
})
