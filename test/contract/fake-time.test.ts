import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { DEMO_ENVIRONMENT_2, demoSeed, FakeMwaa, FX_DAG } from "../../src/adapters/fake-mwaa/index.js"
import { viaInvoke } from "../support/airflow-routes.js"

/**
 * The in-memory fake reads its time from Effect's Clock: the seed's `now` is the Clock's time when
 * the layer is built, TestClock.adjust moves the fake with the rest of the program, and two writes
 * never share an instant even while the clock stands still.
 */
const trigger = viaInvoke({ environmentName: DEMO_ENVIRONMENT_2, method: "POST", path: `/dags/${FX_DAG}/dagRuns`, body: {} })
const logicalDate = (answer: { readonly body: unknown }) => (answer.body as { logical_date: string }).logical_date

describe("the fake's time", () => {
  it.effect("starts at the seed's now and moves with TestClock.adjust", () =>
    Effect.gen(function* () {
      expect(logicalDate(yield* trigger)).toBe("2026-11-25T09:30:00+00:00")
      yield* TestClock.adjust("90 minutes")
      expect(logicalDate(yield* trigger)).toBe("2026-11-25T11:00:00+00:00")
      // A test's skew on top of the Clock (what the HTTP fake's tests use) adds to it.
      yield* Effect.flatMap(FakeMwaa, (fake) => fake.advanceClock(60_000))
      expect(logicalDate(yield* trigger)).toBe("2026-11-25T11:01:00+00:00")
    }).pipe(Effect.provide(FakeMwaa.layer(demoSeed())))
  )

  it.effect("gives two writes at the same Clock time two instants: Airflow refuses a second run with one logical date", () =>
    Effect.gen(function* () {
      const first = logicalDate(yield* trigger)
      const second = logicalDate(yield* trigger)
      expect(first).toBe("2026-11-25T09:30:00+00:00")
      expect(second).toBe("2026-11-25T09:30:00.001000+00:00")
      // Both runs were created.
      const runs = yield* viaInvoke({ environmentName: DEMO_ENVIRONMENT_2, method: "GET", path: `/dags/${FX_DAG}/dagRuns` })
      expect((runs.body as { dag_runs: Array<{ logical_date: string }> }).dag_runs.map((r) => r.logical_date)).toEqual(
        expect.arrayContaining([first, second])
      )
    }).pipe(Effect.provide(FakeMwaa.layer(demoSeed())))
  )
})
