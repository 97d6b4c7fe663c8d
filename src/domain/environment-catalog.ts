import { Cache, Duration, Effect, Exit } from "effect"
import { AppConfig } from "../ports/AppConfig.js"
import { type Environment, Environments } from "../ports/Environments.js"
import { retryThrottled } from "./retry-policy.js"

/**
 * GetEnvironment, cached: every Airflow call needs the environment's Airflow version (to pick
 * routes and body shapes) and often its log group or bucket, and asking MWAA each time would
 * spend the throttling budget. Entries live a few minutes, and a write to the environment
 * invalidates its entry so an upgrade is seen at once.
 */
export class EnvironmentCatalog extends Effect.Service<EnvironmentCatalog>()("mwaa-mcp/EnvironmentCatalog", {
  effect: Effect.gen(function* () {
    const environments = yield* Environments
    const config = yield* AppConfig
    const retry = retryThrottled({ maxAttempts: config.maxAttempts })
    // An answer in another shape would come back the same: only MwaaError is retried.
    const get = (name: string) => retry(environments.get(name))
    const cache = yield* Cache.makeWith({
      capacity: 256,
      // A failure (throttled, not found) is not remembered: the next call asks again.
      timeToLive: (exit) => (Exit.isSuccess(exit) ? Duration.minutes(5) : Duration.zero),
      lookup: get
    })

    // Untraced: on every call, under the tool's span; a span costs about 20 µs a call (see bench/README.md).
    const describe = Effect.fnUntraced(function* (name: string) {
      return yield* cache.get(name)
    })
    // Asked directly and then remembered: invalidating and looking up again costs the cache's
    // machinery twice, 0.14 ms of each get-environment call over a server's first calls, where the
    // per-call budget is 0.5 ms added (npm run bench, per-call).
    const fresh = Effect.fnUntraced(function* (name: string) {
      const environment = yield* get(name)
      yield* cache.set(name, environment)
      return environment
    })
    const invalidate = (name: string) => cache.invalidate(name)

    return { describe, fresh, invalidate } as const satisfies Record<
      string,
      (name: string) => Effect.Effect<Environment, unknown> | Effect.Effect<void>
    >
  })
}) {}
