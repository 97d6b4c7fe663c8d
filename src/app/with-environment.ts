import { Effect } from "effect"
import { EnvironmentResolver } from "../domain/environment-resolution.js"
import { InEnvironment } from "./tool-errors.js"

/**
 * Resolves the environment a call acts on (argument → MWAA_ENVIRONMENT → the only one) and runs
 * `use` with it; a failure after resolution carries the environment's name into the message.
 */
export const withEnvironment = <A, E, R>(explicit: string | undefined, use: (environment: string) => Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const resolver = yield* EnvironmentResolver
    const environment = yield* resolver.resolve(explicit)
    return yield* use(environment).pipe(Effect.mapError((cause) => new InEnvironment(environment, cause)))
  })
