import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import {
  ASSET_EVENT_NOTE,
  ASSET_EVENT_SECRET,
  DASHBOARD_DAG,
  FakeMwaa,
  FX_DAG,
  FX_RATES_ASSET,
  MATRIX_VERSIONS,
  matrixEnvironmentName,
  ORDERS_DAG,
  ORDERS_TOTALS_ASSET,
  versionMatrixSeed
} from "../../../../src/adapters/fake-mwaa/index.js"
import { MAX_PATH_LENGTH } from "../../../../src/domain/paths.js"
import { conditionText, listEventsOfConsumer } from "../../../../src/domain/usecases/asset-consumer.js"
import { listEventsOfAsset } from "../../../../src/domain/usecases/asset-events.js"
import { assetEventsSeed, LONG_ASSET_URI, LONG_CONSUMER } from "../../../support/asset-events-seed.js"
import { fakeToolServices } from "../../../support/test-layer.js"

/** list-asset-events' use cases on the in-memory fake, every matrix version: the dashboard DAG waits on the failing orders DAG's totals. */
const TestLayer = fakeToolServices(versionMatrixSeed())
const InvokeOnlyLayer = fakeToolServices(versionMatrixSeed(), { airflowRoute: "invoke" })

const pathsFit = Effect.gen(function* () {
  for (const call of yield* (yield* FakeMwaa).calls) {
    if (call.api === "InvokeRestApi" && call.path !== undefined) expect(call.path.length).toBeLessThanOrEqual(MAX_PATH_LENGTH)
  }
})

for (const version of MATRIX_VERSIONS) {
  const env = matrixEnvironmentName(version)
  const v2 = version.startsWith("2")
  describe(`asset events on ${env}`, () => {
    it.effect("a DAG waiting on one of its two inputs: the orders totals have had no event since its last run", () =>
      Effect.gen(function* () {
        const answer = yield* listEventsOfConsumer(env, { dagId: DASHBOARD_DAG, limit: 25, offset: 0 })
        expect(answer.term).toBe(v2 ? "dataset" : "asset")
        const c = answer.consumer
        expect(c.inputs.map((i) => i.uri)).toEqual([ORDERS_TOTALS_ASSET, FX_RATES_ASSET])
        expect(c.waiting_on).toEqual([ORDERS_TOTALS_ASSET])
        expect(c.inputs.map((i) => i.since_last_run)).toEqual([false, true])
        expect(c.inputs.map((i) => i.queued)).toEqual([false, true])
        expect(c.queued_events?.map((q) => q.asset_uri)).toEqual([FX_RATES_ASSET])
        expect(c.last_run?.dag_run_id).toMatch(v2 ? /^dataset_triggered__/ : /^asset_triggered__/)
        expect(c.schedule_condition).toBe(v2 ? `(${ORDERS_TOTALS_ASSET} AND ${FX_RATES_ASSET})` : "(orders_daily_totals AND fx_rates)")
        expect(answer.events.map((e) => e.source_dag_id).sort()).toEqual([ORDERS_DAG, FX_DAG].sort())
        expect(answer.total_entries).toBe(2)
        yield* pathsFit
      }).pipe(Effect.provide(TestLayer))
    )

    it.effect("an asset's events by uri, newest first, extras masked deeply, the note kept as data", () =>
      Effect.gen(function* () {
        const fx = yield* listEventsOfAsset(env, { asset: FX_RATES_ASSET, limit: 2, offset: 0 })
        expect(fx.asset.uri).toBe(FX_RATES_ASSET)
        expect(fx.events).toHaveLength(2)
        expect(fx.total_entries).toBe(3)
        expect(fx.next_offset).toBe(2)
        expect(fx.events[0]?.extra_masked).toBe(true)
        expect(JSON.stringify(fx)).not.toContain(ASSET_EVENT_SECRET)
        expect(fx.events[0]?.created_dagruns).toBe(0)
        expect((fx.events[1]?.timestamp ?? "") < (fx.events[0]?.timestamp ?? "")).toBe(true)
        const orders = yield* listEventsOfAsset(env, { asset: ORDERS_TOTALS_ASSET, limit: 10, offset: 0 })
        expect(JSON.stringify(orders.events[0]?.extra)).toContain(ASSET_EVENT_NOTE)
        expect(orders.events[0]?.extra_masked).toBe(false)
      }).pipe(Effect.provide(TestLayer))
    )

    it.effect("since keeps only newer events, on Airflow 2 by cutting the page here", () =>
      Effect.gen(function* () {
        const all = yield* listEventsOfAsset(env, { asset: FX_RATES_ASSET, limit: 10, offset: 0 })
        const cutoff = all.events[1]?.timestamp ?? ""
        const recent = yield* listEventsOfAsset(env, { asset: FX_RATES_ASSET, limit: 10, offset: 0, since: cutoff })
        expect(recent.events.map((e) => e.timestamp)).toEqual(all.events.slice(0, 2).map((e) => e.timestamp))
        expect(recent.total_entries).toBe(2)
        expect(recent.next_offset).toBeNull()
      }).pipe(Effect.provide(TestLayer))
    )

    it.effect("an unknown asset is named in the error, with the version's word", () =>
      Effect.gen(function* () {
        const error = yield* Effect.flip(listEventsOfAsset(env, { asset: "s3://nowhere/x", limit: 10, offset: 0 }))
        expect(error.message).toContain(`No ${v2 ? "dataset" : "asset"} whose uri`)
      }).pipe(Effect.provide(TestLayer))
    )
  })
}

describe("asset events, the webserver route off", () => {
  it.effect("Airflow 3: an asset found by name; a DAG not scheduled on assets has no inputs", () =>
    Effect.gen(function* () {
      const byName = yield* listEventsOfAsset("airflow-3-2", { asset: "fx_rates", limit: 5, offset: 0 })
      expect(byName.asset.uri).toBe(FX_RATES_ASSET)
      const plain = yield* listEventsOfConsumer("airflow-3-0", { dagId: FX_DAG, limit: 5, offset: 0 })
      expect(plain.consumer.inputs).toEqual([])
      expect(plain.consumer.queued_events).toEqual([])
      yield* pathsFit
    }).pipe(Effect.provide(InvokeOnlyLayer))
  )
})

describe("asset events for a 250-character DAG id", () => {
  it.effect("webserver route off: its inputs and what it waits on still, its details and queue left unread (null)", () =>
    Effect.gen(function* () {
      const answer = yield* listEventsOfConsumer("airflow-2-11", { dagId: LONG_CONSUMER, limit: 25, offset: 0 })
      expect(answer.consumer.waiting_on).toEqual([LONG_ASSET_URI])
      expect(answer.consumer.schedule_condition).toBeNull()
      expect(answer.consumer.queued_events).toBeNull()
      expect(answer.consumer.inputs.map((i) => i.queued)).toEqual([null, null])
      yield* pathsFit
    }).pipe(Effect.provide(fakeToolServices(assetEventsSeed(), { airflowRoute: "invoke" })))
  )

  it.effect("webserver route on: the details and the queue through it", () =>
    Effect.gen(function* () {
      const answer = yield* listEventsOfConsumer("airflow-3-0", { dagId: LONG_CONSUMER, limit: 1, offset: 1 })
      expect(answer.consumer.inputs.map((i) => i.uri)).toEqual([FX_RATES_ASSET])
      expect(answer.consumer.waiting_on).toEqual([])
      expect(answer.consumer.queued_events?.map((q) => q.asset_uri)).toEqual([FX_RATES_ASSET])
      expect(answer.consumer.schedule_condition).toBe("(orders_daily_totals AND fx_rates)")
      expect(answer).toMatchObject({ total_entries: 2, offset: 1, next_offset: null })
      const calls = yield* (yield* FakeMwaa).calls
      expect(calls.some((c) => c.api === "AirflowWebserver")).toBe(true)
      yield* pathsFit
    }).pipe(Effect.provide(fakeToolServices(assetEventsSeed())))
  )
})

describe("conditionText", () => {
  it("renders Airflow 2 and 3 schedule expressions", () => {
    expect(conditionText({ all: ["a", { any: ["b", "c"] }] })).toBe("(a AND (b OR c))")
    expect(conditionText({ any: [{ asset: { uri: "s3://x", name: "x" } }, { alias: { name: "al" } }] })).toBe("(x OR alias al)")
    expect(conditionText(null)).toBeUndefined()
  })
})
