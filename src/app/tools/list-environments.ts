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
import { fleetWorkflows, ReachWorkflows, regionWorkflows, WorkflowEntry } from "../workflow-listing.js"

const ListEnvironmentsOutput = Schema.Struct({
  environments: Schema.Array(Schema.String),
  region: Schema.String,
  default_environment: Schema.NullOr(Schema.String),
  targets: Schema.optional(Schema.Array(TargetStatus)).annotations({
    description: "On a server configured with several targets: each one, with its alias, region, account and status, or its error."
  }),
  unlisted_regions: Schema.optional(Schema.Array(Schema.Struct({ region: Schema.String, error: Schema.String }))),
  workflows: Schema.optional(Schema.Array(WorkflowEntry)).annotations({
    description: "The region's MWAA Serverless workflows (kind serverless-workflow), by name, at most 50: list-workflows lists them all."
  }),
  workflows_more: Schema.optional(Schema.Number).annotations({ description: "Workflows beyond those listed in workflows." }),
  workflows_error: Schema.optional(Schema.NullOr(Schema.String)).annotations({
    description: "Why the region's workflows could not be listed (airflow-serverless permissions, the service's regions, throttling)."
  }),
  workflow_reaches: Schema.optional(Schema.Array(ReachWorkflows)).annotations({
    description:
      "On a server configured with several targets: the MWAA Serverless workflows of each region and credentials it reaches " +
      "(each configured target's, each discovered region's), or why they could not be listed."
  })
})

/** Every target, each asked on its own: one that cannot be reached shows its error instead of failing the list. */
const fleetEnvironments = (fleet: Fleet["Type"], region: string, defaultEnvironment: string | null) =>
  Effect.gen(function* () {
    const { targets, unlisted } = yield* fleet.listing
    const [statuses, workflow_reaches] = yield* Effect.all(
      [Effect.forEach(targets, (target) => targetStatus(fleet, target), { concurrency: TARGET_CONCURRENCY }), fleetWorkflows(fleet)],
      { concurrency: 2 }
    )
    return {
      environments: targets.map((t) => t.key),
      region,
      default_environment: defaultEnvironment,
      targets: statuses,
      unlisted_regions: unlisted.map(({ region, error }) => ({ region, error: failureText(error) })),
      workflow_reaches
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
    "MWAA Serverless workflows are listed beside them as their own kind (serverless-workflow), per region and credentials " +
    "on a server with several targets; a failure to list them is said without failing the call. " +
    "Call it first when you do not know the environment name; then get-environment for details.",
  input: noArguments("list-environments"),
  output: ListEnvironmentsOutput,
  run: (): Effect.Effect<typeof ListEnvironmentsOutput.Type, MwaaError, ToolServices> =>
    Effect.flatMap(Effect.serviceOption(Fleet), (fleet) =>
      Option.isNone(fleet)
        ? Effect.map(
            Effect.all([listEnvironments(), regionWorkflows], { concurrency: 2 }),
            ([environments, workflows]): typeof ListEnvironmentsOutput.Type => ({ ...environments, ...workflows })
          )
        : Effect.flatMap(AppConfig, (config) => fleetEnvironments(fleet.value, config.region, Option.getOrNull(config.defaultEnvironment)))
    ),
  // Environment and workflow names come from AWS: counted, never listed here (summary-text.ts).
  summarize: (o) =>
    (o.targets !== undefined
      ? `${o.targets.length} environment(s) across ${new Set(o.targets.map((t) => `${t.account}/${t.region}`)).size} region/account pair(s)` +
        `; ${o.targets.filter((t) => t.error !== null).length} could not be reached.` +
        (o.unlisted_regions !== undefined && o.unlisted_regions.length > 0
          ? ` ${o.unlisted_regions.length} region(s) could not be listed.`
          : "")
      : `${o.environments.length} environment(s) in ${wordText(o.region, "the server's region")}` +
        (o.default_environment === null ? "." : `; the default is ${environmentText(o.default_environment)}.`)) + workflowsSummary(o)
})

/** The workflows in the summary: how many, and where they could not be listed. */
const workflowsSummary = (o: typeof ListEnvironmentsOutput.Type): string => {
  if (o.workflow_reaches !== undefined) {
    const count = o.workflow_reaches.reduce((n, r) => n + r.workflows.length + r.workflows_more, 0)
    const failed = o.workflow_reaches.filter((r) => r.error !== null).length
    return (
      ` ${count} serverless workflow(s) in ${o.workflow_reaches.length - failed} region/credential reach(es)` +
      (failed > 0 ? `; the workflows of ${failed} could not be listed.` : ".")
    )
  }
  if (o.workflows_error !== undefined && o.workflows_error !== null) return " Serverless workflows could not be listed (workflows_error)."
  return o.workflows === undefined ? "" : ` ${o.workflows.length + (o.workflows_more ?? 0)} serverless workflow(s).`
}
