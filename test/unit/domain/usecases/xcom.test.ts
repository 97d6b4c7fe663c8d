import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import {
  DEMO_ENVIRONMENT_2,
  DEMO_ENVIRONMENT_3,
  DEMO_MANUAL_RUN,
  DEMO_XCOM_FX_TOKEN,
  DEMO_XCOM_PASSWORD,
  DEMO_XCOM_TOKEN,
  FakeMwaa,
  ORDERS_DAG,
  SPEND_DAG
} from "../../../../src/adapters/fake-mwaa/index.js"
import { MAX_PATH_LENGTH } from "../../../../src/domain/paths.js"
import { demoEnvironment } from "../../../../src/adapters/fake-mwaa/demo/seed.js"
import { getXcom, type XcomRequest } from "../../../../src/domain/usecases/xcom.js"
import type { AirflowRouteMode } from "../../../../src/ports/AppConfig.js"
import { fakeToolServices } from "../../../support/test-layer.js"
import { idsOf } from "../../../support/very-long-ids-seed.js"
import {
  LONG_XCOM_PASSWORD,
  XCOM_ENVIRONMENT_30,
  XCOM_ENVIRONMENT_32,
  XCOM_PATTERN_ENVIRONMENTS,
  xcomLongIdsSeed
} from "../../../support/xcom-seed.js"

/** get-xcom's use case on the in-memory fake: Airflow 2, 3.0 and 3.2, ids of every length, every route. */

const request = (over: Partial<XcomRequest>): XcomRequest => ({
  dagId: ORDERS_DAG,
  runId: DEMO_MANUAL_RUN,
  taskId: "extract_orders",
  mapIndex: -1,
  key: undefined,
  includeValues: false,
  limit: 25,
  offset: 0,
  ...over
})

const seed = xcomLongIdsSeed(250)
const layer = (airflowRoute: AirflowRouteMode = "auto") => fakeToolServices(seed, { airflowRoute })

const airflowCalls = Effect.gen(function* () {
  return (yield* (yield* FakeMwaa).calls).filter((c) => c.api === "InvokeRestApi" || c.api === "AirflowWebserver")
})

const ENVIRONMENTS = [DEMO_ENVIRONMENT_2, XCOM_ENVIRONMENT_30, XCOM_ENVIRONMENT_32, DEMO_ENVIRONMENT_3] as const

describe.each(ENVIRONMENTS)("get-xcom's use case on %s", (env) => {
  it.effect("lists a task instance's keys without values", () =>
    Effect.gen(function* () {
      const answer = yield* getXcom(env, request({}))
      expect(answer.xcom_entries.map((e) => e.key).sort()).toEqual(["connection_info", "return_value"])
      expect(answer.total_entries).toBe(2)
      expect(answer.xcom_entries.every((e) => e.value === undefined && e.timestamp !== null)).toBe(true)
    }).pipe(Effect.provide(layer()))
  )

  it.effect("reads values as JSON, secrets under sensitive names masked at any depth", () =>
    Effect.gen(function* () {
      const answer = yield* getXcom(env, request({ includeValues: true }))
      const byKey = Object.fromEntries(answer.xcom_entries.map((e) => [e.key, e]))
      expect(byKey["return_value"]?.value).toMatchObject({ rows: 1842 })
      expect(byKey["return_value"]?.masked).toBe(false)
      expect(byKey["connection_info"]?.value).toMatchObject({ user: "etl_writer", password: "***", options: { api_token: "***" } })
      expect(byKey["connection_info"]?.masked).toBe(true)
      const text = JSON.stringify(answer)
      for (const secret of [DEMO_XCOM_PASSWORD, DEMO_XCOM_TOKEN]) expect(text).not.toContain(secret)
    }).pipe(Effect.provide(layer()))
  )

  it.effect("masks a value whole when its key names a secret", () =>
    Effect.gen(function* () {
      const runs = (yield* (yield* FakeMwaa).environment(env)).pipe((o) => (o._tag === "Some" ? o.value.xcoms : []))
      const fx = runs.find((x) => x.key === "fx_api_token")!
      const answer = yield* getXcom(env, request({ dagId: fx.dagId, runId: fx.runId, taskId: fx.taskId, includeValues: true }))
      expect(answer.xcom_entries.find((e) => e.key === "fx_api_token")).toMatchObject({ value: "***", masked: true })
      expect(JSON.stringify(answer)).not.toContain(DEMO_XCOM_FX_TOKEN)
    }).pipe(Effect.provide(layer()))
  )

  it.effect("reads one key, and a mapped task's value per map index", () =>
    Effect.gen(function* () {
      const one = yield* getXcom(env, request({ key: "return_value", includeValues: true }))
      expect(one.xcom_entries.map((e) => e.key)).toEqual(["return_value"])
      const spend = (yield* (yield* FakeMwaa).environment(env)).pipe((o) => (o._tag === "Some" ? o.value.xcoms : []))
      const mapped = spend.find((x) => x.dagId === SPEND_DAG && x.taskId === "fetch_channel_spend" && x.mapIndex === 2)!
      const answer = yield* getXcom(
        env,
        request({ dagId: SPEND_DAG, runId: mapped.runId, taskId: mapped.taskId, mapIndex: 2, includeValues: true })
      )
      expect(answer.xcom_entries).toHaveLength(1)
      expect(answer.xcom_entries[0]).toMatchObject({ map_index: 2, value: { channel: "display" } })
    }).pipe(Effect.provide(layer()))
  )

  it.effect("pages: limit and offset, next_offset", () =>
    Effect.gen(function* () {
      const first = yield* getXcom(env, request({ limit: 1 }))
      expect(first.xcom_entries).toHaveLength(1)
      expect(first.next_offset).toBe(1)
      const second = yield* getXcom(env, request({ limit: 1, offset: 1 }))
      expect(second.next_offset).toBeNull()
      expect(second.xcom_entries[0]?.key).not.toBe(first.xcom_entries[0]?.key)
    }).pipe(Effect.provide(layer()))
  )

  it.effect("answers an empty list for a task instance that pushed nothing, NotFound naming an unknown one", () =>
    Effect.gen(function* () {
      const empty = yield* getXcom(env, request({ taskId: "aggregate_daily_totals" }))
      expect(empty).toMatchObject({ xcom_entries: [], total_entries: 0, next_offset: null })
      const noKey = yield* getXcom(env, request({ key: "no_such_key" }))
      expect(noKey.total_entries).toBe(0)
      const exit = yield* Effect.exit(getXcom(env, request({ taskId: "no_such_task" })))
      expect(Exit.isFailure(exit)).toBe(true)
      expect(JSON.stringify(exit)).toContain("NotFound")
      expect(JSON.stringify(exit)).toContain("no_such_task")
    }).pipe(Effect.provide(layer()))
  )

  it.effect("reads 250-character ids' XCom, password masked, no Path over 64 through InvokeRestApi", () =>
    Effect.gen(function* () {
      const ids = idsOf(250)
      const answer = yield* getXcom(env, request({ dagId: ids.dag, runId: ids.run, taskId: ids.task, includeValues: true }))
      expect(answer.xcom_entries.map((e) => e.key).sort()).toEqual(["connection_info", "return_value"])
      expect(JSON.stringify(answer)).not.toContain(LONG_XCOM_PASSWORD)
      const calls = yield* airflowCalls
      for (const c of calls) if (c.api === "InvokeRestApi") expect(c.path!.length, c.path).toBeLessThanOrEqual(MAX_PATH_LENGTH)
      const lists = calls.filter((c) => c.path?.endsWith("/xcomEntries"))
      if (XCOM_PATTERN_ENVIRONMENTS.includes(env)) {
        // 3.1+: the `~` list with pattern filters, over InvokeRestApi, matched exactly here.
        expect(lists.every((c) => c.api === "InvokeRestApi" && c.path === "/dags/~/dagRuns/~/taskInstances/~/xcomEntries")).toBe(true)
        expect(lists[0]?.queryParameters).toMatchObject({ run_id_pattern: ids.run, task_id_pattern: ids.task })
      } else {
        expect(lists.every((c) => c.api === "AirflowWebserver")).toBe(true)
      }
    }).pipe(Effect.provide(layer()))
  )
})

describe("get-xcom's routes", () => {
  it.effect("on 3.2 a short DAG id stays in the `~` list's path; the values go through the webserver", () =>
    Effect.gen(function* () {
      yield* getXcom(
        XCOM_ENVIRONMENT_32,
        request({ dagId: "fx_rates_refresh", taskId: "fetch_rates", runId: "scheduled__2026-11-24T06:15:00+00:00" })
      )
      const lists = (yield* airflowCalls).filter((c) => c.path?.endsWith("/xcomEntries"))
      expect(lists[0]?.path).toBe("/dags/fx_rates_refresh/dagRuns/~/taskInstances/~/xcomEntries")
    }).pipe(Effect.provide(layer()))
  )

  it.effect("with the webserver route off, keys still come over InvokeRestApi on 3.2; values are refused naming the route", () =>
    Effect.gen(function* () {
      const keys = yield* getXcom(XCOM_ENVIRONMENT_32, request({}))
      expect(keys.total_entries).toBe(2)
      const exit = yield* Effect.exit(getXcom(XCOM_ENVIRONMENT_32, request({ includeValues: true })))
      expect(JSON.stringify(exit)).toContain("RouteUnfit")
      const v2 = yield* Effect.exit(getXcom(DEMO_ENVIRONMENT_2, request({})))
      expect(JSON.stringify(v2)).toContain("RouteUnfit")
    }).pipe(Effect.provide(layer("invoke")))
  )
})

describe("get-xcom before Airflow 2.10 (no stringify: every value comes as Python's str())", () => {
  it.effect("sends no stringify, and masks the secrets in the text it gets", () =>
    Effect.gen(function* () {
      const answer = yield* getXcom("old", request({ includeValues: true }))
      const info = answer.xcom_entries.find((e) => e.key === "connection_info")!
      expect(typeof info.value).toBe("string")
      expect(info.masked).toBe(true)
      const text = JSON.stringify(answer)
      for (const secret of [DEMO_XCOM_PASSWORD, DEMO_XCOM_TOKEN]) expect(text).not.toContain(secret)
      const entryCalls = (yield* airflowCalls).filter((c) => c.path?.includes("/xcomEntries/"))
      expect(entryCalls.length).toBe(2)
      for (const c of entryCalls) expect(c.queryParameters).not.toHaveProperty("stringify")
    }).pipe(Effect.provide(fakeToolServices({ environments: [demoEnvironment("old", "2.9.2")] })))
  )
})
