import { describe, expect, it } from "@effect/vitest"
import { Effect, type Layer, ManagedRuntime, Option } from "effect"
import { demoSeed, FakeMwaa } from "../../../src/adapters/fake-mwaa/index.js"
import { cachedReadiness, readiness, type ReadinessVerdict } from "../../../src/app/readiness.js"
import type { ToolServices } from "../../../src/app/tool-spec.js"
import { fakeToolServices } from "../../support/test-layer.js"

/**
 * /readyz's check on the in-memory fake: the credentials and the region answer (ListEnvironments),
 * and a target is there to serve (the default environment, else any environment or workflow).
 */

const check = (layer: Layer.Layer<ToolServices | FakeMwaa>, before: Effect.Effect<void, never, FakeMwaa> = Effect.void) =>
  Effect.gen(function* () {
    yield* before
    const verdict = yield* readiness
    const calls = (yield* (yield* FakeMwaa).calls).map((call) => call.api)
    return { verdict, calls }
  }).pipe(Effect.provide(layer))

describe("readiness", () => {
  it.effect("is ready when the region lists environments, with control-plane calls only", () =>
    Effect.gen(function* () {
      const { verdict, calls } = yield* check(fakeToolServices(demoSeed()))
      expect(verdict).toEqual({ ready: true })
      expect(calls).toEqual(["ListEnvironments"])
    })
  )

  it.effect("asks the default environment when one is set, and is not ready when it cannot be read", () =>
    Effect.gen(function* () {
      const named = yield* check(fakeToolServices(demoSeed(), { defaultEnvironment: Option.some("demo-airflow-3") }))
      expect(named.verdict).toEqual({ ready: true })
      expect(named.calls).toEqual(["ListEnvironments", "GetEnvironment"])
      const missing = yield* check(fakeToolServices(demoSeed(), { defaultEnvironment: Option.some("gone") }))
      expect(missing.verdict).toMatchObject({ ready: false, reason: "the default environment cannot be read" })
      expect(missing.verdict.detail).toMatch(/gone/)
    })
  )

  it.effect("is not ready when MWAA cannot be asked, naming the trouble generically and the detail apart", () =>
    Effect.gen(function* () {
      const { verdict } = yield* check(
        fakeToolServices(demoSeed()),
        Effect.flatMap(FakeMwaa, (fake) => fake.faults.throttleAlways({ api: "ListEnvironments" }))
      )
      expect(verdict).toMatchObject({ ready: false, reason: "AWS credentials or MWAA cannot be used" })
      expect(verdict.detail).toMatch(/Throttled/)
    })
  )

  it.effect("takes a region without environments but with workflows as ready, and an empty one as not", () =>
    Effect.gen(function* () {
      const seed = demoSeed()
      const workflowsOnly = yield* check(fakeToolServices({ ...seed, environments: [] }))
      expect(workflowsOnly.verdict).toEqual({ ready: true })
      const empty = yield* check(fakeToolServices({ environments: [] }))
      expect(empty.verdict).toEqual({ ready: false, reason: "no MWAA environment or workflow in us-east-1" })
    })
  )
})

describe("cachedReadiness", () => {
  it("asks once per interval, shares a check in flight, and tells each change once", async () => {
    let now = 0
    const changes: Array<ReadinessVerdict> = []
    const runtime = ManagedRuntime.make(fakeToolServices(demoSeed()))
    try {
      const probe = cachedReadiness(
        () => runtime.runtime(),
        (v) => changes.push(v),
        "10 seconds",
        () => now
      )
      const [a, b] = await Promise.all([probe(), probe()])
      expect(a).toEqual({ ready: true })
      expect(b).toBe(a)
      now = 5_000
      await probe()
      const fake = await runtime.runPromise(FakeMwaa)
      expect((await runtime.runPromise(fake.calls)).filter((c) => c.api === "ListEnvironments")).toHaveLength(1)
      await runtime.runPromise(fake.faults.throttleAlways({ api: "ListEnvironments" }))
      now = 10_001
      expect(await probe()).toMatchObject({ ready: false })
      now = 20_002
      expect(await probe()).toMatchObject({ ready: false })
      expect(changes.map((c) => c.ready)).toEqual([true, false])
    } finally {
      await runtime.dispose()
    }
  })

  it("answers not ready when the runtime cannot be built", async () => {
    const probe = cachedReadiness(
      () => Promise.reject(new Error("no SDK")),
      () => {}
    )
    expect(await probe()).toEqual({ ready: false, reason: "the server could not start its AWS clients" })
  })
})
