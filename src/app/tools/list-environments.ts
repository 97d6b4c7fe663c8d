import { Effect, Option, Schema } from "effect"
import { listEnvironments } from "../../domain/usecases/environments.js"
import { noArguments } from "../fields.js"
import { Fleet } from "../fleet/Fleet.js"
import { failureText } from "../../domain/usecases/environment-health.js"
import { TARGET_CONCURRENCY, TargetStatus, targetStatus } from "../fleet/target-status.js"
import { readTool, type ToolServices } from "../tool-spec.js"
import type { MwaaError } from "../../ports/MwaaError.js"
import { AppConfig } from "../../ports/AppConfig.js"
import { environmentText, wordText } from "../summary-text.js"

const ListEnvironmentsOutput = Schema.Struct({
  environments: Schema.Array(Schema.String),
  region: Schema.String,
  default_environment: Schema.NullOr(Schema.String),
  targets: Schema.optional(Schema.Array(TargetStatus)).annotations({
    description: "On a server configured with several targets: each one, with its alias, region, account and status, or its error."
  }),
  unlisted_regions: Schema.optional(Schema.Array(Schema.Struct({ region: Schema.String, error: Schema.String })))
})

/** Every target, each asked on its own: one that cannot be reached shows its error instead of failing the list. */
const fleetEnvironments = (fleet: Fleet["Type"], region: string, defaultEnvironment: string | null) =>
  Effect.gen(function* () {
    const { targets, unlisted } = yield* fleet.listing
    const statuses = yield* Effect.forEach(targets, (target) => targetStatus(fleet, target), { concurrency: TARGET_CONCURRENCY })
    return {
      environments: targets.map((t) => t.key),
      region,
      default_environment: defaultEnvironment,
      targets: statuses,
      unlisted_regions: unlisted.map(({ region, error }) => ({ region, error: failureText(error) }))
    }
  })

/** list-environments: the MWAA environments of the server's region, or of every target it is configured with. */
export const listEnvironmentsTool = readTool({
  name: "list-environments",
  title: "List MWAA environments",
  description:
    "Lists the names of the Amazon MWAA environments in this server's AWS region, and which one is the default " +
    "(MWAA_ENVIRONMENT). On a server configured with several targets (--config, --regions), lists every target with " +
    "its alias, region, account, status and any error reaching it; pass the address shown as environment_name. " +
    "Call it first when you do not know the environment name; then get-environment for details.",
  input: noArguments("list-environments"),
  output: ListEnvironmentsOutput,
  run: (): Effect.Effect<typeof ListEnvironmentsOutput.Type, MwaaError, ToolServices> =>
    Effect.flatMap(Effect.serviceOption(Fleet), (fleet) =>
      Option.isNone(fleet)
        ? listEnvironments()
        : Effect.flatMap(AppConfig, (config) => fleetEnvironments(fleet.value, config.region, Option.getOrNull(config.defaultEnvironment)))
    ),
  // Environment names come from ListEnvironments: counted, never listed here (summary-text.ts).
  summarize: (o) =>
    o.targets !== undefined
      ? `${o.targets.length} environment(s) across ${new Set(o.targets.map((t) => `${t.account}/${t.region}`)).size} region/account pair(s)` +
        `; ${o.targets.filter((t) => t.error !== null).length} could not be reached.` +
        (o.unlisted_regions !== undefined && o.unlisted_regions.length > 0
          ? ` ${o.unlisted_regions.length} region(s) could not be listed.`
          : "")
      : `${o.environments.length} environment(s) in ${wordText(o.region, "the server's region")}` +
        (o.default_environment === null ? "." : `; the default is ${environmentText(o.default_environment)}.`)
})
