import { Duration, Effect, Option, Runtime } from "effect"
import { EnvironmentCatalog } from "../domain/environment-catalog.js"
import { failureText } from "../domain/usecases/environment-health.js"
import { AppConfig } from "../ports/AppConfig.js"
import { Environments } from "../ports/Environments.js"
import { Workflows } from "../ports/Workflows.js"
import { Fleet } from "./fleet/Fleet.js"
import { TARGET_CONCURRENCY, targetStatus } from "./fleet/target-status.js"
import type { ToolServices } from "./tool-spec.js"

/**
 * Whether this server can serve calls now: its credentials work and at least one target answers.
 * `reason` is what a probe answers anyone, so it names the kind of trouble only; `detail` (MWAA's
 * own words, masked) is for the server's log.
 */
export interface ReadinessVerdict {
  readonly ready: boolean
  readonly reason?: string
  readonly detail?: string
}

const notReady = (reason: string, detail?: string): ReadinessVerdict => ({
  ready: false,
  reason,
  ...(detail === undefined ? {} : { detail })
})

/**
 * One region: ListEnvironments proves the credentials and the region; then the default environment
 * (MWAA_ENVIRONMENT) must answer GetEnvironment, or, without one, the region must hold an environment
 * or an MWAA Serverless workflow. Control-plane calls only: a probe never spends InvokeRestApi's budget.
 */
const regionReadiness = Effect.gen(function* () {
  const config = yield* AppConfig
  const listed = yield* Effect.either((yield* Environments).list())
  if (listed._tag === "Left") return notReady("AWS credentials or MWAA cannot be used", failureText(listed.left))
  if (Option.isSome(config.defaultEnvironment)) {
    const catalog = yield* EnvironmentCatalog
    const described = yield* Effect.either(catalog.describe(config.defaultEnvironment.value))
    return described._tag === "Right" ? { ready: true } : notReady("the default environment cannot be read", failureText(described.left))
  }
  if (listed.right.length > 0) return { ready: true }
  const workflows = yield* Effect.either((yield* Workflows).list({ max_results: 1 }))
  if (workflows._tag === "Right" && workflows.right.items.length > 0) return { ready: true }
  return notReady(`no MWAA environment or workflow in ${config.region}`)
})

/** Several targets: ready when one of them answers GetEnvironment (each on its own credentials). */
const fleetReadiness = (fleet: Fleet["Type"]) =>
  Effect.gen(function* () {
    const { targets } = yield* fleet.listing
    if (targets.length === 0) return notReady("no target reachable")
    const statuses = yield* Effect.forEach(targets, (target) => targetStatus(fleet, target), { concurrency: TARGET_CONCURRENCY })
    if (statuses.some((status) => status.error === null)) return { ready: true }
    return notReady("no target reachable", statuses.map((status) => `${status.address}: ${status.error}`).join("; "))
  })

/** A probe must answer in time: a check that hangs (a network without a route to AWS) is a "not ready". */
export const READINESS_TIMEOUT = Duration.seconds(5)

export const readiness: Effect.Effect<ReadinessVerdict, never, ToolServices> = Effect.serviceOption(Fleet).pipe(
  Effect.flatMap((fleet) => (Option.isSome(fleet) ? fleetReadiness(fleet.value) : regionReadiness)),
  Effect.timeoutTo({
    duration: READINESS_TIMEOUT,
    onSuccess: (verdict) => verdict,
    onTimeout: () => notReady("AWS did not answer in time")
  }),
  Effect.catchAllCause(() => Effect.succeed(notReady("the readiness check failed")))
)

/**
 * A load balancer asks every few seconds from every node: one answer serves them all for `ttl`,
 * and concurrent probes share the check in flight.
 */
export const cachedReadiness = (
  runtime: () => Promise<Runtime.Runtime<ToolServices>>,
  onChange: (verdict: ReadinessVerdict) => void,
  ttl: Duration.DurationInput = Duration.seconds(10),
  now: () => number = () => performance.now()
): (() => Promise<ReadinessVerdict>) => {
  let last: { readonly at: number; readonly verdict: Promise<ReadinessVerdict> } | undefined
  let previous: boolean | undefined
  const ttlMs = Duration.toMillis(ttl)
  return () => {
    if (last !== undefined && now() - last.at < ttlMs) return last.verdict
    const verdict = runtime()
      .then((rt) => Runtime.runPromise(rt)(readiness))
      .catch(() => notReady("the server could not start its AWS clients"))
      .then((v) => {
        if (v.ready !== previous) onChange(v)
        previous = v.ready
        return v
      })
    last = { at: now(), verdict }
    return verdict
  }
}
