import { Effect, FiberRef } from "effect"
import { EnvironmentResolver } from "../domain/environment-resolution.js"
import { type EnvironmentFailure, InEnvironment } from "./tool-failure.js"

/** The environment the current tool call resolved to, for its audit line. */
export const resolvedEnvironment = FiberRef.unsafeMake<string | undefined>(undefined)

/**
 * Resolves the environment a call acts on (argument → MWAA_ENVIRONMENT → the only one) and runs
 * `use` with it; a failure after resolution carries the environment's name into the message.
 */
export const withEnvironment = <A, E extends EnvironmentFailure, R>(
  explicit: string | undefined,
  use: (environment: string) => Effect.Effect<A, E, R>
) =>
  Effect.gen(function* () {
    const resolver = yield* EnvironmentResolver
    const environment = yield* resolver.resolve(explicit)
    yield* FiberRef.set(resolvedEnvironment, environment)
    return yield* use(environment).pipe(Effect.mapError((cause) => new InEnvironment({ environment, cause })))
  })
