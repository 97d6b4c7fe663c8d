import { Cache, Context, Duration, Effect, Either, Exit, Layer, Option } from "effect"
import { chosenEnvironment, EnvironmentUnresolved } from "../../domain/environment-resolution.js"
import { type Target, targetAt } from "../../domain/targets.js"
import { AppConfig, type AppConfigShape } from "../../ports/AppConfig.js"
import type { BackendPorts } from "../../ports/BackendPorts.js"
import { Environments } from "../../ports/Environments.js"
import { retryThrottled } from "../../domain/retry-policy.js"
import { toolServicesOn } from "../layers.js"
import { Fleet, type FleetReach, type Reach, reachKey, type UnlistedRegion } from "./Fleet.js"
import type { FleetPlan } from "./fleet-config.js"
import { reachesOf } from "./fleet-reaches.js"

/** How long a discovery region's list of environments is trusted: new environments show up within a minute. */
const DISCOVERY_TTL = Duration.minutes(1)

/** Memoizes one effect per key, built on first use; concurrent first uses share one build. */
const memoized = <X, A>(keyOf: (x: X) => string, make: (x: X) => Effect.Effect<A>) => {
  const built = new Map<string, Effect.Effect<A>>()
  return (x: X): Effect.Effect<A> =>
    Effect.suspend(() => {
      const key = keyOf(x)
      const known = built.get(key)
      if (known !== undefined) return known
      return Effect.flatMap(Effect.cached(make(x)), (once) => {
        // Another fiber may have got here first while this one built its memo: the first one wins.
        const winner = built.get(key) ?? once
        built.set(key, winner)
        return winner
      })
    })
}

/** One target's settings: the server's, in its region, with writes only if both the server and the target allow them. */
const configOf = (root: AppConfigShape, target: Target): AppConfigShape => ({
  ...root,
  region: target.region,
  defaultEnvironment: Option.none(),
  allowWrite: root.allowWrite && target.writes
})

/**
 * The Fleet of a plan: `backendOf` gives the ports for one reach (AWS clients with its credentials,
 * or an in-memory fake). Backends are shared by the targets of one reach; everything above them
 * (rate limit, environment cache, retries) is each target's own.
 */
export const makeFleet = (plan: FleetPlan, backendOf: (reach: Reach) => Layer.Layer<BackendPorts>, root: AppConfigShape) =>
  Effect.gen(function* () {
    const scope = yield* Effect.scope
    const reachOfTarget = new Map<string, Reach>(plan.targets.map(({ target, reach }) => [target.key, reach]))

    const backend = memoized(reachKey, (reach: Reach) => Layer.buildWithScope(backendOf(reach), scope))

    // A discovered target is reached with the default credentials of its region.
    const servicesOf = memoized(
      (target: Target) => target.key,
      (target: Target) =>
        Effect.flatMap(backend(reachOfTarget.get(target.key) ?? { region: target.region }), (ports) =>
          Layer.buildWithScope(
            toolServicesOn(Layer.merge(Layer.succeedContext(ports), Layer.succeed(AppConfig, configOf(root, target)))),
            scope
          )
        )
    )

    // A reach's own services, for its workflows: writes as its targets allow (no target refuses them).
    const servicesOfReach = memoized(
      (reach: FleetReach) => reach.key,
      (reach: FleetReach) =>
        Effect.flatMap(backend(reach.reach), (ports) =>
          Layer.buildWithScope(
            toolServicesOn(
              Layer.merge(
                Layer.succeedContext(ports),
                Layer.succeed(AppConfig, {
                  ...root,
                  region: reach.reach.region,
                  defaultEnvironment: Option.none(),
                  allowWrite: root.allowWrite && reach.readOnlyTargets.length === 0
                })
              )
            ),
            scope
          )
        )
    )

    const configured = plan.targets.map(({ target }) => target)
    const taken = new Set(configured.map((t) => `${t.region}/${t.name}`))
    // Each region's environments, listed with the default credentials (throttling retried as every
    // call's is); a failure is not remembered.
    const retry = retryThrottled({ maxAttempts: root.maxAttempts })
    const discovered = yield* Cache.makeWith({
      capacity: 64,
      timeToLive: (exit) => (Exit.isSuccess(exit) ? DISCOVERY_TTL : Duration.zero),
      lookup: (region: string) =>
        backend({ region }).pipe(
          Effect.flatMap((ports) => retry(Context.get(ports, Environments).list())),
          Effect.map((names) =>
            names
              // A configured target wins over the same environment found again by discovery.
              .filter((name) => !taken.has(`${region}/${name}`))
              .map((name): Target => ({ key: `${region}/${name}`, alias: null, region, account: null, name, writes: true }))
          )
        )
    })

    const listing = Effect.gen(function* () {
      const found = yield* Effect.forEach(plan.discoverRegions, (region) => Effect.either(discovered.get(region)), {
        concurrency: "unbounded"
      })
      const unlisted: Array<UnlistedRegion> = []
      const targets = [...configured]
      found.forEach((result, i) => {
        const region = plan.discoverRegions[i] ?? ""
        if (Either.isLeft(result)) unlisted.push({ region, error: result.left })
        else targets.push(...result.right)
      })
      return { targets, unlisted }
    })

    const resolve = Effect.fnUntraced(function* (address: string | undefined) {
      const chosen = chosenEnvironment(address, root.defaultEnvironment)
      if (Option.isSome(chosen)) {
        // An alias is answered from the configuration alone: nothing is asked of AWS.
        const byAlias = configured.find((t) => t.key === chosen.value)
        if (byAlias !== undefined) return byAlias
        return yield* targetAt(chosen.value, (yield* listing).targets)
      }
      const { targets } = yield* listing
      const [only] = targets
      if (targets.length === 1 && only !== undefined) return only
      return yield* new EnvironmentUnresolved({ available: targets.map((t) => t.key), region: root.region, severalTargets: true })
    })

    return Fleet.of({ listing, resolve, servicesOf, reaches: reachesOf(plan), servicesOfReach })
  })

/** The Fleet as a layer: its backends and services live as long as the layer. */
export const fleetLayer = (plan: FleetPlan, backendOf: (reach: Reach) => Layer.Layer<BackendPorts>, root: AppConfigShape) =>
  Layer.scoped(Fleet, makeFleet(plan, backendOf, root))
