import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect, Fiber, Option, Ref, TestClock } from "effect"
import { retryThrottled } from "../../src/domain/retry-policy.js"
import { MwaaError } from "../../src/ports/MwaaError.js"

const throttled = new MwaaError({ reason: "Throttled", operation: "InvokeRestApi GET /dags", message: "Rate exceeded" })
const denied = new MwaaError({ reason: "AccessDenied", operation: "InvokeRestApi GET /dags", message: "Denied" })

// Fails with `error` for the first `failures` attempts, then succeeds; counts attempts made.
const flaky = (attempts: Ref.Ref<number>, failures: number, error: MwaaError) =>
  Effect.flatMap(Ref.updateAndGet(attempts, (n) => n + 1), (n) => (n <= failures ? Effect.fail(error) : Effect.succeed("ok")))

const retry = retryThrottled({ maxAttempts: 4, base: Duration.millis(100), cap: Duration.seconds(10) })

describe("retryThrottled", () => {
  it.effect("succeeds on the third attempt after two throttles", () =>
    Effect.gen(function* () {
      const attempts = yield* Ref.make(0)
      const fiber = yield* Effect.fork(retry(flaky(attempts, 2, throttled)))
      // Jittered delays of at least 80 ms then 160 ms: not done before 240 ms.
      yield* TestClock.adjust(Duration.millis(230))
      expect(Option.isNone(yield* Fiber.poll(fiber))).toBe(true)
      yield* TestClock.adjust(Duration.seconds(1))
      expect(yield* Fiber.join(fiber)).toBe("ok")
      expect(yield* Ref.get(attempts)).toBe(3)
    }))

  it.effect("does not retry an error that is not retryable", () =>
    Effect.gen(function* () {
      const attempts = yield* Ref.make(0)
      const error = yield* Effect.flip(retry(flaky(attempts, 10, denied)))
      expect(error.reason).toBe("AccessDenied")
      expect(error.attempts).toBe(1)
      expect(yield* Ref.get(attempts)).toBe(1)
    }))

  it.effect("retries Airflow's 503 through InvokeRestApi", () =>
    Effect.gen(function* () {
      const attempts = yield* Ref.make(0)
      const unavailable = new MwaaError({ reason: "AirflowServerError", operation: "InvokeRestApi GET /dags", message: "Unavailable", airflowStatus: 503 })
      const fiber = yield* Effect.fork(retry(flaky(attempts, 1, unavailable)))
      yield* TestClock.adjust(Duration.seconds(1))
      expect(yield* Fiber.join(fiber)).toBe("ok")
      expect(yield* Ref.get(attempts)).toBe(2)
    }))

  it.effect("gives up after maxAttempts with the attempts recorded, waiting longer each time", () =>
    Effect.gen(function* () {
      const attempts = yield* Ref.make(0)
      const fiber = yield* Effect.fork(retry(flaky(attempts, Infinity, throttled)))
      // Delays 100, 200, 400 ms, each within ±20% jitter.
      yield* TestClock.adjust(Duration.millis(79))
      expect(yield* Ref.get(attempts)).toBe(1)
      yield* TestClock.adjust(Duration.millis(42)) // t = 121: the first delay is over
      expect(yield* Ref.get(attempts)).toBe(2)
      yield* TestClock.adjust(Duration.millis(118)) // t = 239: the second delay is longer than the first
      expect(yield* Ref.get(attempts)).toBe(2)
      yield* TestClock.adjust(Duration.millis(121)) // t = 360
      expect(yield* Ref.get(attempts)).toBe(3)
      yield* TestClock.adjust(Duration.millis(199)) // t = 559: the third delay is longer again
      expect(yield* Ref.get(attempts)).toBe(3)
      expect(Option.isNone(yield* Fiber.poll(fiber))).toBe(true)
      yield* TestClock.adjust(Duration.millis(281)) // t = 840
      const error = yield* Effect.flip(Fiber.join(fiber))
      expect(error).toBeInstanceOf(MwaaError)
      expect(error.reason).toBe("Throttled")
      expect(error.operation).toBe(throttled.operation)
      expect(error.attempts).toBe(4)
      expect(yield* Ref.get(attempts)).toBe(4)
    }))

  it.effect("caps each delay", () =>
    Effect.gen(function* () {
      const attempts = yield* Ref.make(0)
      const capped = retryThrottled({ maxAttempts: 4, base: Duration.millis(100), cap: Duration.millis(150) })
      const fiber = yield* Effect.fork(capped(flaky(attempts, Infinity, throttled)))
      // At most 120 + 150 + 150 ms, where the uncapped delays could reach 840 ms.
      yield* TestClock.adjust(Duration.millis(420))
      const error = yield* Effect.flip(Fiber.join(fiber))
      expect(error.attempts).toBe(4)
    }))

  it.effect("makes one attempt when maxAttempts is 1", () =>
    Effect.gen(function* () {
      const attempts = yield* Ref.make(0)
      const error = yield* Effect.flip(retryThrottled({ maxAttempts: 1 })(flaky(attempts, 10, throttled)))
      expect(error.attempts).toBe(1)
    }))

  it.effect("counts attempts afresh each time the wrapped effect runs", () =>
    Effect.gen(function* () {
      const attempts = yield* Ref.make(0)
      const once = retryThrottled({ maxAttempts: 2, base: Duration.millis(10) })(flaky(attempts, Infinity, throttled))
      for (let run = 0; run < 2; run++) {
        const fiber = yield* Effect.fork(once)
        yield* TestClock.adjust(Duration.seconds(1))
        expect((yield* Effect.flip(Fiber.join(fiber))).attempts).toBe(2)
      }
    }))
})
