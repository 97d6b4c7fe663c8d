import { describe, expect, it } from "@effect/vitest"
import { Effect, Fiber, Ref, TestClock } from "effect"
import { makePerEnvironmentLimiter } from "../../../src/domain/rate-limit.js"

describe("per-environment rate limit", () => {
  it.scoped("lets a burst of the limit through at once, then spreads the rest over time, per environment", () =>
    Effect.gen(function* () {
      const limited = yield* makePerEnvironmentLimiter(8)
      const started = yield* Ref.make(0)
      const other = yield* Ref.make(0)
      const calls = Effect.forEach(
        Array.from({ length: 20 }),
        () =>
          limited(
            "a",
            Ref.update(started, (n) => n + 1)
          ),
        { concurrency: "unbounded" }
      )
      const fiber = yield* Effect.fork(calls)
      const otherFiber = yield* Effect.fork(
        Effect.forEach(
          Array.from({ length: 8 }),
          () =>
            limited(
              "b",
              Ref.update(other, (n) => n + 1)
            ),
          { concurrency: "unbounded" }
        )
      )
      yield* TestClock.adjust("1 millis")
      const atOnce = yield* Ref.get(started)
      expect(atOnce).toBe(8)
      // Another environment has its own bucket.
      expect(yield* Ref.get(other)).toBe(8)
      yield* TestClock.adjust("1 second")
      // Refilled at 8 per second: one more second lets 8 more start.
      expect(yield* Ref.get(started)).toBe(16)
      yield* TestClock.adjust("2 seconds")
      yield* Fiber.join(fiber)
      yield* Fiber.join(otherFiber)
      expect(yield* Ref.get(started)).toBe(20)
    })
  )
})
