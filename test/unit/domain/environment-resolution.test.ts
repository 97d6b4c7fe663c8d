import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import { EnvironmentResolver, EnvironmentUnresolved } from "../../../src/domain/environment-resolution.js"
import type { AppConfigShape } from "../../../src/ports/AppConfig.js"
import { AppConfig } from "../../../src/ports/AppConfig.js"
import { stubEnvironments } from "../../support/environments-stub.js"

// `listed` undefined: listing must not happen on this path, so it dies.
const gateway = (listed?: ReadonlyArray<string>) => stubEnvironments({}, listed)

const resolver = (listed: ReadonlyArray<string> | undefined, config: Partial<AppConfigShape> = {}) =>
  Layer.provide(EnvironmentResolver.Default, Layer.merge(gateway(listed), AppConfig.make(config)))

const resolve = (explicit: string | undefined) => Effect.flatMap(EnvironmentResolver, (r) => r.resolve(explicit))

describe("EnvironmentResolver.resolve", () => {
  it.effect("takes the explicit name first, without listing", () =>
    Effect.gen(function* () {
      expect(yield* resolve("prod")).toBe("prod")
    }).pipe(Effect.provide(resolver(undefined, { defaultEnvironment: Option.some("staging") })))
  )

  it.effect("falls back to MWAA_ENVIRONMENT, without listing", () =>
    Effect.gen(function* () {
      expect(yield* resolve(undefined)).toBe("staging")
    }).pipe(Effect.provide(resolver(undefined, { defaultEnvironment: Option.some("staging") })))
  )

  it.effect("treats a blank explicit name as not given", () =>
    Effect.gen(function* () {
      expect(yield* resolve("  ")).toBe("staging")
      expect(yield* resolve("")).toBe("staging")
    }).pipe(Effect.provide(resolver(undefined, { defaultEnvironment: Option.some("staging") })))
  )

  it.effect("uses the only environment in the region", () =>
    Effect.gen(function* () {
      expect(yield* resolve(undefined)).toBe("only-one")
    }).pipe(Effect.provide(resolver(["only-one"])))
  )

  it.effect("refuses to guess among several, listing them", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(resolve(undefined))
      expect(error).toBeInstanceOf(EnvironmentUnresolved)
      if (!(error instanceof EnvironmentUnresolved)) return
      expect(error.available).toEqual(["dev", "prod"])
      expect(error.message).toContain("dev, prod")
    }).pipe(Effect.provide(resolver(["dev", "prod"])))
  )

  it.effect("says none exist in the region when the list is empty", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(resolve(undefined))
      expect(error).toBeInstanceOf(EnvironmentUnresolved)
      if (!(error instanceof EnvironmentUnresolved)) return
      expect(error.available).toEqual([])
      expect(error.message).toContain("No MWAA environments exist in region eu-west-1")
    }).pipe(Effect.provide(resolver([], { region: "eu-west-1" })))
  )
})
