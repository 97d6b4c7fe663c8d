import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import {
  ASSET_EVENT_SECRET,
  DASHBOARD_DAG,
  FakeMwaa,
  FX_RATES_ASSET,
  matrixEnvironmentName,
  ORDERS_TOTALS_ASSET,
  versionMatrixSeed
} from "../../../../src/adapters/fake-mwaa/index.js"
import type { RestRequest } from "../../../../src/ports/AirflowApi.js"
import { viaInvoke } from "../../../support/airflow-routes.js"
import { loadSpecValidator, type SpecVersion } from "../../../support/openapi.js"

/** The fake's assets (Airflow 3) and datasets (Airflow 2), each answer validated against its version's spec. */
const VERSIONS: ReadonlyArray<readonly [string, SpecVersion]> = [
  ["2.10.3", 2],
  ["2.11.2", 2],
  ["3.0.6", 3],
  ["3.2.1", "3.2"]
]

const layer = () => FakeMwaa.layer(versionMatrixSeed())

for (const [version, spec] of VERSIONS) {
  const env = matrixEnvironmentName(version)
  const validator = loadSpecValidator(spec)
  const v2 = spec === 2
  const get = (path: string, queryParameters?: RestRequest["queryParameters"]) =>
    Effect.map(viaInvoke({ environmentName: env, method: "GET", path, queryParameters }), (r) => {
      expect(validator.validate("GET", path, r.status, r.body)).toEqual([])
      return r.body as Record<string, any>
    })

  describe(`fake ${v2 ? "datasets" : "assets"} on Airflow ${version}`, () => {
    it.effect("lists the dashboard DAG's two inputs, filtered by dag_ids and uri_pattern", () =>
      Effect.gen(function* () {
        const list = yield* get(v2 ? "/datasets" : "/assets", { dag_ids: v2 ? DASHBOARD_DAG : [DASHBOARD_DAG] })
        const items = (v2 ? list["datasets"] : list["assets"]) as Array<Record<string, any>>
        expect(items.map((a) => a["uri"])).toEqual([ORDERS_TOTALS_ASSET, FX_RATES_ASSET])
        const consumers = items[0]?.[spec === "3.2" ? "scheduled_dags" : "consuming_dags"] as Array<{ dag_id: string }>
        expect(consumers.map((c) => c.dag_id)).toEqual([DASHBOARD_DAG])
        const one = yield* get(v2 ? "/datasets" : "/assets", { uri_pattern: "fx_rates" })
        expect(one["total_entries"]).toBe(1)
      }).pipe(Effect.provide(layer()))
    )

    it.effect("lists events newest first, filtered by asset id, carrying their extras and created runs", () =>
      Effect.gen(function* () {
        const path = v2 ? "/datasets/events" : "/assets/events"
        const events = yield* get(path, { [v2 ? "dataset_id" : "asset_id"]: 2, order_by: "-timestamp", limit: 10 })
        const items = (v2 ? events["dataset_events"] : events["asset_events"]) as Array<Record<string, any>>
        expect(items.length).toBe(3)
        expect(items[0]?.["extra"]["provider"]["api_key"]).toBe(ASSET_EVENT_SECRET)
        expect(items.some((e) => (e["created_dagruns"] as Array<unknown>).length > 0)).toBe(true)
      }).pipe(Effect.provide(layer()))
    )

    it.effect("the dashboard's queued event is the FX input; its details name both inputs", () =>
      Effect.gen(function* () {
        const queued = yield* get(`/dags/${DASHBOARD_DAG}/${v2 ? "datasets/queuedEvent" : "assets/queuedEvents"}`)
        const items = (v2 ? queued["datasets"] : queued["queued_events"]) as Array<Record<string, any>>
        expect(items.map((q) => (v2 ? q["uri"] : q["asset_id"]))).toEqual([v2 ? FX_RATES_ASSET : 2])
        // DAG details' 3.2 shape is the version matrix's work: only the expression is checked here.
        const details = (yield* viaInvoke({ environmentName: env, method: "GET", path: `/dags/${DASHBOARD_DAG}/details` })).body as any
        expect(JSON.stringify(details[v2 ? "dataset_expression" : "asset_expression"])).toContain(ORDERS_TOTALS_ASSET)
      }).pipe(Effect.provide(layer()))
    )
  })
}

describe("fake queued events when none are queued", () => {
  it.effect("Airflow 2 and 3.0 answer 404, 3.2 an empty list", () =>
    Effect.gen(function* () {
      const flip = (env: string, path: string) => Effect.flip(viaInvoke({ environmentName: env, method: "GET", path }))
      expect((yield* flip("airflow-2-10", "/dags/fx_rates_refresh/datasets/queuedEvent")).airflowStatus).toBe(404)
      expect((yield* flip("airflow-3-0", "/dags/fx_rates_refresh/assets/queuedEvents")).airflowStatus).toBe(404)
      const empty = yield* viaInvoke({ environmentName: "airflow-3-2", method: "GET", path: "/dags/fx_rates_refresh/assets/queuedEvents" })
      expect(empty.body).toEqual({ queued_events: [], total_entries: 0 })
    }).pipe(Effect.provide(layer()))
  )
})
