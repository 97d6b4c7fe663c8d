import { Clock, Effect, Ref } from "effect"
import type { FakeState } from "./state.js"

/**
 * The fake's time, read from Effect's Clock on each call: the seed's `now` stands for the Clock's
 * time when the layer was built, so the demo keeps its fictional dates on the live clock and
 * `TestClock.adjust` moves the fake with everything else. `advance` adds a skew on top, for
 * callers that cannot reach the Clock the fake runs on (the HTTP fake in a test's process).
 */
export interface FakeClock {
  /** Runs one state step at the call's instant (`FakeState.nowMillis`), as one atomic Ref.modify. Time never goes back. */
  readonly modify: <A>(f: (state: FakeState) => readonly [A, FakeState]) => Effect.Effect<A>
  /**
   * As `modify`, for a step whose writes stamp records with its instant (a run's logical date, an
   * environment's LastUpdate): when it writes, its instant is strictly after the last such write's.
   * Airflow refuses a second run with the same logical date, so two triggers within one
   * millisecond, or under a TestClock that does not move, must not share one.
   */
  readonly write: <A>(f: (state: FakeState) => readonly [A, FakeState]) => Effect.Effect<A>
  /** Moves the fake's time forward by `millis` on top of the Clock. */
  readonly advance: (millis: number) => Effect.Effect<void>
}

export const makeFakeClock = (ref: Ref.Ref<FakeState>): Effect.Effect<FakeClock> =>
  Effect.gen(function* () {
    const seedNow = (yield* Ref.get(ref)).nowMillis
    const offset = seedNow - (yield* Clock.currentTimeMillis)
    let skew = 0
    let lastUsed = Number.NEGATIVE_INFINITY
    let lastWrite = Number.NEGATIVE_INFINITY
    const step =
      (ownInstant: boolean) =>
      <A>(f: (state: FakeState) => readonly [A, FakeState]) =>
        Effect.flatMap(Clock.currentTimeMillis, (clockNow) =>
          Ref.modify(ref, (state) => {
            // Inside the atomic step, so concurrent calls take their instants in the order they run.
            const floor = ownInstant ? Math.max(lastUsed, lastWrite + 1) : lastUsed
            const stamped = { ...state, nowMillis: Math.max(clockNow + offset + skew, floor) }
            const result = f(stamped)
            lastUsed = stamped.nowMillis
            // A step that changes nothing hands back the state it was given.
            if (ownInstant && result[1] !== stamped) lastWrite = stamped.nowMillis
            return result
          })
        )
    return {
      modify: step(false),
      write: step(true),
      advance: (millis) =>
        Effect.sync(() => {
          skew += millis
        })
    }
  })
