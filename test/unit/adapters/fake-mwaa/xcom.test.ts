import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { FakeMwaa } from "../../../../src/adapters/fake-mwaa/index.js"
import { demoEnvironment } from "../../../../src/adapters/fake-mwaa/demo/seed.js"
import { likeAny, pyStr } from "../../../../src/adapters/fake-mwaa/handlers-xcom.js"
import { AirflowApi } from "../../../../src/ports/AirflowApi.js"

/** The fake's XCom endpoints as the specs document them: the 3.1+ patterns, 2.10's stringify, the release gates. */

describe("the fake's XCom semantics", () => {
  it("reads Airflow 3.1+'s search patterns as ILIKE '%part%' with `|` for OR", () => {
    expect(likeAny("scheduled__2026-11-24", "2026-11")).toBe(true)
    expect(likeAny("scheduled__2026-11-24", "SCHEDULED")).toBe(true)
    expect(likeAny("scheduled__2026", "sch_duled")).toBe(true)
    expect(likeAny("scheduled__2026", "sch%2026")).toBe(true)
    expect(likeAny("schedxled", "sched\\_led")).toBe(false)
    expect(likeAny("sched_led", "sched\\_led")).toBe(true)
    expect(likeAny("fx_rates", "orders | fx_")).toBe(true)
    expect(likeAny("fx_rates", "orders")).toBe(false)
    expect(likeAny("a.b", "a.b")).toBe(true)
    expect(likeAny("axb", "a.b")).toBe(false)
    expect(likeAny("anything", undefined)).toBe(true)
  })

  it("stringifies as Python's str() does", () => {
    expect(pyStr({ a: 1, b: [true, null, "x'y"], c: 1.5 })).toBe(`{'a': 1, 'b': [True, None, "x'y"], 'c': 1.5}`)
    expect(pyStr("plain")).toBe("plain")
  })

  const send = (version: string, path: string, query: Record<string, unknown> = {}) =>
    Effect.gen(function* () {
      const api = yield* AirflowApi
      return yield* Effect.either(
        api.send(
          { _tag: "Webserver", airflowMajor: version.startsWith("3") ? 3 : 2 },
          { environmentName: "e", method: "GET", path, queryParameters: query }
        )
      )
    }).pipe(Effect.provide(FakeMwaa.layer({ environments: [demoEnvironment("e", version)] })))

  const run = "manual__2026-11-24T09:15:02.123456+00:00"
  const entry = `/dags/customer_orders_daily_aggregation_v2_etl/dagRuns/${encodeURIComponent(run)}/taskInstances/extract_orders/xcomEntries/return_value`

  it.effect("Airflow 2.10 stringifies by default and not when told; 2.9 refuses the parameter", () =>
    Effect.gen(function* () {
      const byDefault = yield* send("2.10.3", entry)
      expect(Either.isRight(byDefault) && typeof (byDefault.right.body as any).value).toBe("string")
      const raw = yield* send("2.10.3", entry, { stringify: false })
      expect(Either.isRight(raw) && (raw.right.body as any).value).toMatchObject({ rows: 1842 })
      const old = yield* send("2.9.2", entry, { stringify: false })
      expect(Either.isLeft(old) && old.left.airflowStatus).toBe(400)
    })
  )

  it.effect("Airflow 3 answers the value as stored unless asked to stringify; 404 for an unknown key", () =>
    Effect.gen(function* () {
      const raw = yield* send("3.0.6", entry)
      expect(Either.isRight(raw) && (raw.right.body as any).value).toMatchObject({ rows: 1842 })
      const text = yield* send("3.0.6", entry, { stringify: true })
      expect(Either.isRight(text) && typeof (text.right.body as any).value).toBe("string")
      const missing = yield* send("3.0.6", entry.replace("return_value", "nope"))
      expect(Either.isLeft(missing) && missing.left.airflowStatus).toBe(404)
    })
  )

  it.effect("the pattern filters narrow the `~` list on 3.1+ only; 3.0 lists every entry", () =>
    Effect.gen(function* () {
      const path = "/dags/~/dagRuns/~/taskInstances/~/xcomEntries"
      const query = { run_id_pattern: run, task_id_pattern: "extract_orders", limit: 100 }
      const on32 = yield* send("3.2.1", path, query)
      const on30 = yield* send("3.0.6", path, query)
      const total = (e: typeof on32) => (Either.isRight(e) ? (e.right.body as any).total_entries : -1)
      expect(total(on32)).toBe(2)
      expect(total(on30)).toBeGreaterThan(2)
    })
  )
})
