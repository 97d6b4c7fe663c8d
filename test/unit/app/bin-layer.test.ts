import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Metric, RuntimeFlags } from "effect"
import { binLayer } from "../../../src/app/main.js"
import { parseCli } from "../../../src/app/cli.js"
import { listEnvironments } from "../../../src/domain/usecases/environments.js"

const demoSettings = () => {
  const parsed = parseCli(["--demo", "--log-level", "none"], {})
  if (Either.isLeft(parsed)) throw new Error(parsed.left)
  return parsed.right
}

// Effect's own fiber counter: every fiber started while runtime metrics are on adds one.
const fibersStarted = Metric.counter("effect_fiber_started", { incremental: true })
const startedCount = Metric.value(fibersStarted).pipe(Effect.map((state) => state.count))

describe("the bin's runtime", () => {
  it.effect("runs tool calls without Effect's per-fiber metrics, which nothing exports", () =>
    Effect.gen(function* () {
      const flags = yield* Effect.getRuntimeFlags
      expect(RuntimeFlags.runtimeMetrics(flags)).toBe(false)
      // 100 calls on fibers of their own: with metrics on, the counter would grow by 100 at least
      // (fibers elsewhere in the test process can only add to it).
      const before = yield* startedCount
      const exits = yield* Effect.forEach(Array.from({ length: 100 }), () =>
        Effect.forkDaemon(listEnvironments()).pipe(Effect.flatMap((fiber) => fiber.await))
      )
      expect(exits.every((exit) => exit._tag === "Success")).toBe(true)
      expect((yield* startedCount) - before).toBeLessThan(100)
    }).pipe(Effect.provide(binLayer(demoSettings(), {})))
  )
})
