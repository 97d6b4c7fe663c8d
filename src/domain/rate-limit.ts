import { Effect, RateLimiter, Scope, SynchronizedRef } from "effect"

/**
 * A token bucket per environment, so a burst of tool calls queues here instead of being
 * throttled by MWAA (InvokeRestApi starts failing above about 10 calls per second per
 * environment). Time runs on Effect's Clock, so tests drive it with TestClock.
 */
export const makePerEnvironmentLimiter = (requestsPerSecond: number) =>
  Effect.gen(function* () {
    const scope = yield* Effect.scope
    const limiters = yield* SynchronizedRef.make(new Map<string, RateLimiter.RateLimiter>())
    const limiterFor = (environment: string) =>
      SynchronizedRef.modifyEffect(limiters, (map) => {
        const existing = map.get(environment)
        if (existing !== undefined) return Effect.succeed([existing, map] as const)
        return RateLimiter.make({ limit: Math.max(1, requestsPerSecond), interval: "1 second", algorithm: "token-bucket" }).pipe(
          Scope.extend(scope),
          Effect.map((limiter) => [limiter, new Map(map).set(environment, limiter)] as const)
        )
      })
    return <A, E, R>(environment: string, task: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
      Effect.flatMap(limiterFor(environment), (limit) => limit(task))
  })
