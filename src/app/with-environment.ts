import { Context, Effect, FiberRef, Option, Tracer } from "effect"
import { EnvironmentResolver } from "../domain/environment-resolution.js"
import type { Target } from "../domain/targets.js"
import { TargetWritesForbidden } from "../domain/write-gating.js"
import { Fleet } from "./fleet/Fleet.js"
import { withAccount } from "./fleet/target-account.js"
import { type EnvironmentFailure, InEnvironment } from "./tool-failure.js"

/** The environment the current tool call resolved to, for its audit line. */
export const resolvedEnvironment = FiberRef.unsafeMake<string | undefined>(undefined)

/**
 * Records the environment the call resolved to: for its audit line, and on the tool call's span when
 * there is one (mwaa_mcp.environment). Without a span, one context read more: no span is made here.
 */
const noteEnvironment = (environment: string) =>
  Effect.zipRight(
    FiberRef.set(resolvedEnvironment, environment),
    Effect.contextWith((context: Context.Context<never>) => {
      const span = Context.getOption(context, Tracer.ParentSpan)
      if (Option.isSome(span) && span.value._tag === "Span") span.value.attribute("mwaa_mcp.environment", environment)
    })
  )

/** On a server with several targets: the target the call resolved to, which its answer names. */
export const resolvedTarget = FiberRef.unsafeMake<Target | undefined>(undefined)

/** Set by the tool host while a write tool runs: a target whose configuration forbids writes refuses it. */
export const writingTool = FiberRef.unsafeMake<string | undefined>(undefined)

/**
 * Resolves the environment a call acts on and runs `use` with its MWAA name; a failure after
 * resolution carries the environment into the message. On a server that reaches one region, the
 * name comes from the argument, MWAA_ENVIRONMENT or the region's only environment, and `use` runs
 * on the server's services. On a server with several targets, the address picks a target, and
 * `use` runs on that target's own services (its credentials, rate limit and caches).
 */
export const withEnvironment = <A, E extends EnvironmentFailure, R>(
  explicit: string | undefined,
  use: (environment: string) => Effect.Effect<A, E, R>
): Effect.Effect<A, InEnvironment | EnvironmentFailure, R | EnvironmentResolver> =>
  Effect.gen(function* () {
    const fleet = yield* Effect.serviceOption(Fleet)
    if (Option.isNone(fleet)) {
      const environment = yield* (yield* EnvironmentResolver).resolve(explicit)
      yield* noteEnvironment(environment)
      return yield* use(environment).pipe(Effect.mapError((cause) => new InEnvironment({ environment, cause })))
    }
    const target = yield* fleet.value.resolve(explicit)
    yield* noteEnvironment(target.key)
    yield* FiberRef.set(resolvedTarget, target)
    const tool = yield* FiberRef.get(writingTool)
    // Checked before the target's services are touched: nothing of a refused write reaches AWS.
    if (tool !== undefined && !target.writes) return yield* new TargetWritesForbidden({ tool, target: target.key })
    const services = yield* fleet.value.servicesOf(target)
    const answer = yield* use(target.name).pipe(
      Effect.mapError(
        (cause) => new InEnvironment({ environment: target.key, cause, ...(target.key !== target.name && { mwaaName: target.name }) })
      ),
      Effect.provide(services)
    )
    yield* FiberRef.set(resolvedTarget, yield* withAccount(target).pipe(Effect.provide(services)))
    return answer
  })
