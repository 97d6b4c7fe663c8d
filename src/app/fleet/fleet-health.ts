import { Effect, Option } from "effect"
import { EnvironmentResolver } from "../../domain/environment-resolution.js"
import { type FleetEntry, fitFleet } from "../../domain/fleet-health.js"
import type { Target } from "../../domain/targets.js"
import { environmentHealth, failureText } from "../../domain/usecases/environment-health.js"
import { AppConfig } from "../../ports/AppConfig.js"
import { Environments } from "../../ports/Environments.js"
import { healthFindingText } from "../next-steps.js"
import type { ToolServices } from "../tool-spec.js"
import { Fleet } from "./Fleet.js"
import { withAccount } from "./target-account.js"
import { TARGET_CONCURRENCY } from "./target-status.js"
import { workflowsHealth } from "./workflow-health.js"

/** One environment's line in get-fleet-health: where it is, its verdict, and what to look at first. */
export interface FleetHealthEntry extends FleetEntry {
  readonly alias: string | null
  readonly environment_name: string
  readonly region: string
  readonly account: string | null
  readonly mwaa_status: string | null
  readonly last_update_error: string | null
  readonly airflow_components: {
    readonly metadatabase: string | null
    readonly scheduler: string | null
    readonly triggerer: string | null
    readonly dag_processor: string | null
  } | null
  readonly error: string | null
}

/** One environment to check, and how to run a check on its own services. */
interface Member {
  readonly target: Target
  readonly on: <A, E>(effect: Effect.Effect<A, E, ToolServices>) => Effect.Effect<A, E, ToolServices>
}

const entryOf = (member: Member, hours: number): Effect.Effect<FleetHealthEntry, never, ToolServices> =>
  Effect.gen(function* () {
    const { target } = member
    const where = {
      address: target.key,
      alias: target.alias,
      environment_name: target.name,
      region: target.region,
      account: target.account
    }
    const checked = yield* member.on(Effect.either(environmentHealth(target.name, hours)))
    if (checked._tag === "Left") {
      return {
        ...where,
        verdict: "unreachable",
        mwaa_status: null,
        last_update_error: null,
        airflow_components: null,
        import_errors: null,
        failed_runs: null,
        failing_dags: [],
        failing_dags_more: 0,
        findings: [],
        error: failureText(checked.left)
      } as const
    }
    const report = checked.right
    const update = report.mwaa.last_update
    const failing = report.airflow.failing_dags
    const health = report.airflow.health
    const { account } = yield* member.on(withAccount(target))
    return {
      ...where,
      account,
      verdict: report.verdict,
      mwaa_status: report.mwaa.status,
      last_update_error:
        update.error_code === null && update.error_message === null
          ? null
          : [update.error_code, update.error_message].filter(Boolean).join(": "),
      airflow_components:
        health === null || health.error !== null
          ? null
          : {
              metadatabase: health.metadatabase?.status ?? null,
              scheduler: health.scheduler?.status ?? null,
              triggerer: health.triggerer?.status ?? null,
              dag_processor: health.dag_processor?.status ?? null
            },
      import_errors: report.airflow.import_errors?.count ?? null,
      failed_runs: failing?.failed_runs ?? null,
      failing_dags: failing?.dag_ids ?? [],
      failing_dags_more: 0,
      findings: report.findings.map(healthFindingText),
      error: null
    }
  })

/** The environments to check: the named ones, or every one the server reaches (its targets, or its region's environments). */
const membersOf = (addresses: ReadonlyArray<string> | undefined) =>
  Effect.gen(function* () {
    const fleet = yield* Effect.serviceOption(Fleet)
    if (Option.isSome(fleet)) {
      const listing = addresses === undefined ? yield* fleet.value.listing : { targets: [], unlisted: [] }
      const targets =
        addresses === undefined ? listing.targets : yield* Effect.forEach(addresses, (address) => fleet.value.resolve(address))
      const members = targets.map(
        (target): Member => ({
          target,
          on: (effect) => Effect.flatMap(fleet.value.servicesOf(target), (services) => Effect.provide(effect, services))
        })
      )
      return { members, unlisted: listing.unlisted.map(({ region, error }) => ({ region, error: failureText(error) })) }
    }
    const config = yield* AppConfig
    const resolver = yield* EnvironmentResolver
    const names = addresses === undefined ? yield* (yield* Environments).list() : yield* Effect.forEach(addresses, resolver.resolve)
    const members = names.map(
      (name): Member => ({
        target: { key: name, alias: null, region: config.region, account: null, name, writes: true },
        on: (effect) => effect
      })
    )
    return { members, unlisted: [] }
  })

/**
 * get-fleet-health: every environment (or the named ones) checked at once, each within its own
 * rate limit, each failure kept as that environment's verdict; worst first, bounded to `maxBytes`.
 */
export const fleetHealth = (addresses: ReadonlyArray<string> | undefined, hours: number, maxBytes: number) =>
  Effect.gen(function* () {
    const { members, unlisted } = yield* membersOf(addresses === undefined ? undefined : [...new Set(addresses)])
    // Workflows are checked beside every environment, not beside the ones named; they take at most half the bound.
    const [entries, workflows] = yield* Effect.all(
      [
        Effect.forEach(members, (member) => entryOf(member, hours), { concurrency: TARGET_CONCURRENCY }),
        addresses === undefined ? Effect.asSome(workflowsHealth(Math.floor(maxBytes / 2))) : Effect.succeedNone
      ],
      { concurrency: 2 }
    )
    const count = (verdict: FleetEntry["verdict"]) => entries.filter((e) => e.verdict === verdict).length
    const verdicts = {
      unreachable: count("unreachable"),
      unhealthy: count("unhealthy"),
      degraded: count("degraded"),
      healthy: count("healthy")
    }
    const rest = {
      window_hours: hours,
      checked: entries.length,
      verdicts,
      omitted: 0,
      unlisted_regions: unlisted,
      ...(Option.isSome(workflows) && { workflows: workflows.value })
    }
    // The rest of the answer, and the text answer's summary and data label around it, count against the bound too.
    const { entries: shown, omitted } = fitFleet(entries, maxBytes, JSON.stringify(rest).length + TEXT_OVERHEAD)
    return { ...rest, omitted, environments: shown }
  })

/** The summary line and data label the text answer adds before the JSON: generously counted. */
const TEXT_OVERHEAD = 600
