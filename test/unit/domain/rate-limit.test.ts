import { describe, expect, it } from "@effect/vitest"
import { Clock, Effect, Fiber, TestClock } from "effect"
import { MwaaError } from "../../../src/ports/MwaaError.js"
import { isThrottle, makeAimdLimiter } from "../../../src/domain/rate-limit.js"

const throttled = new MwaaError({ reason: "Throttled", operation: "InvokeRestApi GET /dags", message: "Rate exceeded" })
const airflow429 = new MwaaError({
  reason: "AirflowClientError",
  operation: "InvokeRestApi GET /dags",
  message: "Too Many Requests",
  airflowStatus: 429
})
const notFound = new MwaaError({ reason: "NotFound", operation: "InvokeRestApi GET /dags/x", message: "not found" })

/** Starts `n` calls at once through `run`, each recording when (TestClock ms) it started. */
const startTimes = (
  run: (task: Effect.Effect<void, MwaaError>) => Effect.Effect<void, MwaaError>,
  n: number,
  outcome: (i: number) => Effect.Effect<void, MwaaError> = () => Effect.void
) =>
  Effect.gen(function* () {
    const started: Array<number> = []
    const fiber = yield* Effect.fork(
      Effect.forEach(
        Array.from({ length: n }, (_, i) => i),
        (i) =>
          run(
            Effect.flatMap(Clock.currentTimeMillis, (t) => {
              started.push(t)
              return outcome(i)
            })
          ).pipe(Effect.either),
        { concurrency: "unbounded" }
      )
    )
    return { started, fiber }
  })

describe("AIMD limiter per environment", () => {
  it.effect("a replica of three sharing 20 per second sends 6.67 per second, evenly spaced after a burst of two", () =>
    Effect.gen(function* () {
      const limiter = yield* makeAimdLimiter(20, 3)
      expect(limiter.settings.ceiling).toBeCloseTo(20 / 3, 10)
      const { started, fiber } = yield* startTimes((t) => limiter.run("a", t), 10)
      yield* TestClock.adjust("1 millis")
      // Burst: a third of a second's worth at 6.67/s is two calls.
      expect(started).toEqual([0, 0])
      yield* TestClock.adjust("2 seconds")
      yield* Fiber.join(fiber)
      // Then one every 150 ms: the burst is borrowed, not added (10 calls take 9 intervals less one).
      expect(started).toEqual([0, 0, 150, 300, 450, 600, 750, 900, 1050, 1200])
      expect(limiter.rate("a")).toBeCloseTo(20 / 3, 10)
    })
  )

  it.effect("a lone server lets a second's worth start at once, then paces the rest; another environment has its own lane", () =>
    Effect.gen(function* () {
      const limiter = yield* makeAimdLimiter(5, 1)
      const a = yield* startTimes((t) => limiter.run("a", t), 8)
      const b = yield* startTimes((t) => limiter.run("b", t), 5)
      yield* TestClock.adjust("1 millis")
      expect(a.started).toEqual([0, 0, 0, 0, 0])
      expect(b.started).toEqual([0, 0, 0, 0, 0])
      yield* TestClock.adjust("1 second")
      yield* Fiber.join(a.fiber)
      yield* Fiber.join(b.fiber)
      expect(a.started).toEqual([0, 0, 0, 0, 0, 200, 400, 600])
    })
  )

  it.effect("a throttle halves the rate once per second, whatever the throttles in between, down to the floor", () =>
    Effect.gen(function* () {
      const limiter = yield* makeAimdLimiter(8, 1)
      const fail = (e: MwaaError) => limiter.run("a", Effect.fail(e)).pipe(Effect.either)
      yield* fail(throttled)
      expect(limiter.rate("a")).toBe(4)
      // Within the second: more throttles (each call a slot of 250 ms later) change nothing.
      yield* TestClock.adjust("300 millis")
      yield* fail(throttled)
      yield* TestClock.adjust("300 millis")
      yield* fail(airflow429)
      expect(limiter.rate("a")).toBe(4)
      yield* TestClock.adjust("500 millis")
      yield* fail(airflow429)
      expect(limiter.rate("a")).toBe(2)
      for (let i = 0; i < 5; i++) {
        yield* TestClock.adjust("2 seconds")
        yield* fail(throttled)
      }
      // ceiling / 16 is 0.5: never lower.
      expect(limiter.rate("a")).toBe(0.5)
      // Any other failure leaves the rate as it is.
      yield* TestClock.adjust("3 seconds")
      yield* fail(notFound)
      expect(limiter.rate("a")).toBe(0.5)
    })
  )

  it.effect("a decrease slows the calls already queued: the one at the head waits an interval at the new rate", () =>
    Effect.gen(function* () {
      const limiter = yield* makeAimdLimiter(20, 3)
      // The first call is throttled; the others succeed.
      const { started, fiber } = yield* startTimes(
        (t) => limiter.run("a", t),
        5,
        (i) => (i === 0 ? Effect.fail(throttled) : Effect.void)
      )
      yield* TestClock.adjust("5 seconds")
      yield* Fiber.join(fiber)
      // The first fails before the second's turn: 6.67/s → 3.33/s at once, no burst at the new
      // rate, and 300 ms apart from the throttle on (each success then adds a little back).
      expect(started.slice(0, 2)).toEqual([0, 300])
      const gaps = started.slice(2).map((t, i) => t - started[i + 1]!)
      // Each success adds back a little: the gaps shrink from 300 ms, still well above the 150 ms of the ceiling.
      for (let i = 0; i < gaps.length; i++) {
        expect(gaps[i]).toBeLessThanOrEqual(i === 0 ? 300 : gaps[i - 1]!)
        expect(gaps[i]).toBeGreaterThan(200)
      }
    })
  )

  it.effect("successes bring the rate back linearly, a quarter of the ceiling per second, up to the ceiling", () =>
    Effect.gen(function* () {
      const limiter = yield* makeAimdLimiter(20, 1)
      yield* limiter.run("a", Effect.fail(throttled)).pipe(Effect.either)
      expect(limiter.rate("a")).toBe(10)
      const rates: Array<number> = []
      for (let s = 1; s <= 6; s++) {
        yield* TestClock.adjust("500 millis")
        yield* limiter.run("a", Effect.void)
        rates.push(limiter.rate("a"))
      }
      // +5 per second: half the ceiling back in two seconds.
      expect(rates.map((r) => Math.round(r * 1000) / 1000)).toEqual([12.5, 15, 17.5, 20, 20, 20])
      // An idle minute counts as one second of successes, not sixty.
      yield* limiter.run("a", Effect.fail(throttled)).pipe(Effect.either)
      yield* TestClock.adjust("60 seconds")
      yield* limiter.run("a", Effect.void)
      expect(limiter.rate("a")).toBeCloseTo(15, 10)
    })
  )

  it.effect("every attempt takes a slot, failed ones too", () =>
    Effect.gen(function* () {
      const limiter = yield* makeAimdLimiter(8, 2)
      const { started, fiber } = yield* startTimes(
        (t) => limiter.run("a", t),
        3,
        () => Effect.fail(notFound)
      )
      yield* TestClock.adjust("1 second")
      yield* Fiber.join(fiber)
      // 4/s, burst 2 (half a second's worth): then 250 ms apart, the rate unchanged by NotFound.
      expect(started).toEqual([0, 0, 250])
      expect(limiter.rate("a")).toBe(4)
    })
  )

  it("tells a throttle from other failures", () => {
    expect(isThrottle(throttled)).toBe(true)
    expect(isThrottle(airflow429)).toBe(true)
    expect(isThrottle(notFound)).toBe(false)
    expect(isThrottle(new Error("Throttled"))).toBe(false)
  })
})
