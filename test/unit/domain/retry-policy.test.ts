import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect, Fiber, Option, Random, Ref, TestClock } from "effect"
import { retryThrottled } from "../../../src/domain/retry-policy.js"
import { MwaaError } from "../../../src/ports/MwaaError.js"

const throttled = new MwaaError({ reason: "Throttled", operation: "InvokeRestApi GET /dags", message: "Rate exceeded" })
const denied = new MwaaError({ reason: "AccessDenied", operation: "InvokeRestApi GET /dags", message: "Denied" })

// Fails with `error` for the first `failures` attempts, then succeeds; counts attempts made.
const flaky = (attempts: Ref.Ref<number>, failures: number, error: MwaaError) =>
  Effect.flatMap(
    Ref.updateAndGet(attempts, (n) => n + 1),
    (n) => (n <= failures ? Effect.fail(error) : Effect.succeed("ok"))
  )

const retry = retryThrottled({ maxAttempts: 4, base: Duration.millis(100), cap: Duration.seconds(10) })

/** Full jitter draws each delay from [0, exponential): a fixed draw makes the schedule exact. */
const withDraw = (r: number) => Effect.withRandom(Random.fixed([r]))

describe("retryThrottled", () => {
  it.effect("succeeds on the third attempt after two throttles", () =>
    Effect.gen(function* () {
      const attempts = yield* Ref.make(0)
      const fiber = yield* Effect.fork(withDraw(1)(retry(flaky(attempts, 2, throttled))))
      // Delays of 100 ms then 200 ms: not done before 300 ms.
      yield* TestClock.adjust(Duration.millis(299))
      expect(Option.isNone(yield* Fiber.poll(fiber))).toBe(true)
      yield* TestClock.adjust(Duration.millis(1))
      expect(yield* Fiber.join(fiber)).toBe("ok")
      expect(yield* Ref.get(attempts)).toBe(3)
    })
  )

  it.effect("does not retry an error that is not retryable", () =>
    Effect.gen(function* () {
      const attempts = yield* Ref.make(0)
      const error = yield* Effect.flip(retry(flaky(attempts, 10, denied)))
      expect(error.reason).toBe("AccessDenied")
      expect(error.attempts).toBe(1)
      expect(yield* Ref.get(attempts)).toBe(1)
    })
  )

  it.effect("retries Airflow's 503 through InvokeRestApi", () =>
    Effect.gen(function* () {
      const attempts = yield* Ref.make(0)
      const unavailable = new MwaaError({
        reason: "AirflowServerError",
        operation: "InvokeRestApi GET /dags",
        message: "Unavailable",
        airflowStatus: 503
      })
      const fiber = yield* Effect.fork(retry(flaky(attempts, 1, unavailable)))
      yield* TestClock.adjust(Duration.seconds(1))
      expect(yield* Fiber.join(fiber)).toBe("ok")
      expect(yield* Ref.get(attempts)).toBe(2)
    })
  )

  it.effect("doubles each delay and gives up after maxAttempts with the attempts recorded", () =>
    Effect.gen(function* () {
      const attempts = yield* Ref.make(0)
      const fiber = yield* Effect.fork(withDraw(1)(retry(flaky(attempts, Infinity, throttled))))
      const at = function* (advanceMs: number, expected: number) {
        yield* TestClock.adjust(Duration.millis(advanceMs))
        expect(yield* Ref.get(attempts)).toBe(expected)
      }
      yield* at(99, 1) // t = 99
      yield* at(1, 2) // t = 100: after 100 ms
      yield* at(199, 2) // t = 299
      yield* at(1, 3) // t = 300: after 200 more
      yield* at(399, 3) // t = 699
      expect(Option.isNone(yield* Fiber.poll(fiber))).toBe(true)
      yield* at(1, 4) // t = 700: after 400 more, the last attempt
      const error = yield* Effect.flip(Fiber.join(fiber))
      expect(error).toBeInstanceOf(MwaaError)
      expect(error).toMatchObject({ reason: "Throttled", operation: throttled.operation, attempts: 4 })
    })
  )

  it.effect("draws each delay anywhere from zero to the exponential (full jitter)", () =>
    Effect.gen(function* () {
      const attempts = yield* Ref.make(0)
      const fiber = yield* Effect.fork(withDraw(0.5)(retry(flaky(attempts, Infinity, throttled))))
      // Half of 100, 200, 400 ms: 50, 100, 200 — done at 350 ms instead of 700.
      yield* TestClock.adjust(Duration.millis(349))
      expect(yield* Ref.get(attempts)).toBe(3)
      yield* TestClock.adjust(Duration.millis(1))
      expect((yield* Effect.flip(Fiber.join(fiber))).attempts).toBe(4)
      const none = yield* Ref.make(0)
      const immediate = yield* Effect.fork(withDraw(0)(retry(flaky(none, Infinity, throttled))))
      yield* TestClock.adjust(Duration.millis(0))
      expect((yield* Effect.flip(Fiber.join(immediate))).attempts).toBe(4)
    })
  )

  it.effect("caps each delay", () =>
    Effect.gen(function* () {
      const attempts = yield* Ref.make(0)
      const capped = retryThrottled({ maxAttempts: 4, base: Duration.millis(100), cap: Duration.millis(150) })
      const fiber = yield* Effect.fork(withDraw(1)(capped(flaky(attempts, Infinity, throttled))))
      // 100 + 150 + 150 ms, where the uncapped delays would take 700 ms.
      yield* TestClock.adjust(Duration.millis(400))
      const error = yield* Effect.flip(Fiber.join(fiber))
      expect(error.attempts).toBe(4)
    })
  )

  it.effect("stops retrying once the total time is spent, whatever attempts remain", () =>
    Effect.gen(function* () {
      const attempts = yield* Ref.make(0)
      const bounded = retryThrottled({
        maxAttempts: 100,
        base: Duration.millis(100),
        cap: Duration.seconds(1),
        maxElapsed: Duration.seconds(2)
      })
      const fiber = yield* Effect.fork(withDraw(1)(bounded(flaky(attempts, Infinity, throttled))))
      yield* TestClock.adjust(Duration.seconds(5))
      const error = yield* Effect.flip(Fiber.join(fiber))
      // Retries start at 0.1, 0.3, 0.7, 1.5 and 2.5 s; none is scheduled once 2 s have passed:
      // six attempts, not a hundred.
      expect(error.attempts).toBe(6)
    })
  )

  it.effect("makes one attempt when maxAttempts is 1", () =>
    Effect.gen(function* () {
      const attempts = yield* Ref.make(0)
      const error = yield* Effect.flip(retryThrottled({ maxAttempts: 1 })(flaky(attempts, 10, throttled)))
      expect(error.attempts).toBe(1)
    })
  )

  it.effect("counts attempts afresh each time the wrapped effect runs", () =>
    Effect.gen(function* () {
      const attempts = yield* Ref.make(0)
      const once = retryThrottled({ maxAttempts: 2, base: Duration.millis(10) })(flaky(attempts, Infinity, throttled))
      for (let run = 0; run < 2; run++) {
        const fiber = yield* Effect.fork(once)
        yield* TestClock.adjust(Duration.seconds(1))
        expect((yield* Effect.flip(Fiber.join(fiber))).attempts).toBe(2)
      }
    })
  )
})
