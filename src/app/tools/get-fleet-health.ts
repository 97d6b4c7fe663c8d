import { Schema } from "effect"
import { EnvironmentAddress } from "../../domain/ids.js"
import { DEFAULT_WINDOW_HOURS } from "../../domain/usecases/environment-health.js"
import { looseInt } from "../fields.js"
import { fleetHealth } from "../fleet/fleet-health.js"
import { readTool } from "../tool-spec.js"
import { WORKFLOW_KIND } from "../../domain/workflow-kind.js"
import { MAX_CHECKED_WORKFLOWS } from "../../domain/workflow-health.js"

const S = Schema.NullOr(Schema.String)
const WORKFLOW_KIND_LITERAL = Schema.Literal(WORKFLOW_KIND)
const N = Schema.NullOr(Schema.Number)

/** The answer's bound when the call names none: a screen or two for the assistant, for any fleet size. */
const DEFAULT_MAX_BYTES = 12 * 1024

const FleetHealthEntry = Schema.Struct({
  address: Schema.String,
  alias: S,
  environment_name: Schema.String,
  region: Schema.String,
  account: S,
  verdict: Schema.Literal("unreachable", "unhealthy", "degraded", "healthy"),
  mwaa_status: S,
  last_update_error: S,
  airflow_components: Schema.NullOr(Schema.Struct({ metadatabase: S, scheduler: S, triggerer: S, dag_processor: S })),
  import_errors: N,
  failed_runs: N,
  failing_dags: Schema.Array(Schema.String),
  failing_dags_more: Schema.Number,
  findings: Schema.Array(Schema.String),
  error: S
})

const WorkflowHealthEntry = Schema.Struct({
  kind: WORKFLOW_KIND_LITERAL,
  name: Schema.String,
  arn: Schema.String,
  region: S,
  account: S,
  flagged: Schema.Boolean,
  latest_run: Schema.NullOr(Schema.Struct({ run_id: Schema.String, state: S, status: S, start_date: S, end_date: S })),
  error: S
})

const WorkflowsHealth = Schema.Struct({
  listed: Schema.Number,
  checked: Schema.Number,
  flagged: Schema.Number,
  unchecked: Schema.Number.annotations({ description: `Listed beyond the ${MAX_CHECKED_WORKFLOWS} checked in one call.` }),
  omitted: Schema.Number.annotations({ description: "Checked, but left out of entries to fit the bound (the healthiest)." }),
  entries: Schema.Array(WorkflowHealthEntry),
  unlisted: Schema.Array(Schema.Struct({ region: Schema.String, account: S, error: Schema.String }))
})

export const FleetHealth = Schema.Struct({
  window_hours: Schema.Number,
  checked: Schema.Number,
  verdicts: Schema.Struct({ unreachable: Schema.Number, unhealthy: Schema.Number, degraded: Schema.Number, healthy: Schema.Number }),
  environments: Schema.Array(FleetHealthEntry),
  omitted: Schema.Number,
  unlisted_regions: Schema.Array(Schema.Struct({ region: Schema.String, error: Schema.String })),
  workflows: Schema.optional(WorkflowsHealth).annotations({
    description:
      "MWAA Serverless workflows (kind serverless-workflow) of every region and credentials the server reaches, each with its " +
      "latest run, flagged when it failed; worst first. Absent when environment_names is given."
  })
})

/** get-fleet-health: "is anything failing anywhere?" in one call, across every environment the server reaches. */
export const getFleetHealthTool = readTool({
  name: "get-fleet-health",
  title: "Check every environment's health",
  description:
    "One call for every MWAA environment this server reaches (all its configured targets and discovered regions, or " +
    "the region's environments), or the ones named: for each, MWAA status and last update error, Airflow's component " +
    "health, import-error count, and failed runs in the last `hours` (default 24) with the failing DAG ids. Each " +
    "environment is checked concurrently within its own rate limit; one that cannot be reached (credentials, access) " +
    "is reported as unreachable with its error, never failing the call. Ordered worst first and bounded (default 12 KB). " +
    "MWAA Serverless workflows are checked beside them as their own kind (when no environment_names are given): each " +
    `one's latest run (at most ${MAX_CHECKED_WORKFLOWS}), flagged when it failed. ` +
    "Next: get-environment-health or list-dag-runs with state=failed on the worst one.",
  input: Schema.Struct({
    environment_names: Schema.optional(
      Schema.Array(EnvironmentAddress)
        .pipe(Schema.maxItems(50))
        .annotations({ description: "Check only these (aliases, names, region/name or ARNs); omit for every environment." })
    ),
    hours: Schema.optional(looseInt("hours", 1, 168)).annotations({ description: "Window of failed runs, in hours (default 24)." }),
    max_bytes: Schema.optional(looseInt("max_bytes", 2048, 65536)).annotations({
      description:
        "Upper bound of the answer in bytes (default 12288): failing DAG lists shrink first, then the healthiest entries are left out."
    })
  }),
  output: FleetHealth,
  run: (i) => fleetHealth(i.environment_names, i.hours ?? DEFAULT_WINDOW_HOURS, i.max_bytes ?? DEFAULT_MAX_BYTES),
  // Names and errors come from the environments: counted here, read in the answer below.
  summarize: (o) =>
    `${o.checked} environment(s) checked: ${o.verdicts.unreachable} unreachable, ${o.verdicts.unhealthy} unhealthy, ` +
    `${o.verdicts.degraded} degraded, ${o.verdicts.healthy} healthy; worst first in environments.` +
    (o.omitted > 0 ? ` ${o.omitted} of the healthiest were left out to fit the bound.` : "") +
    (o.unlisted_regions.length > 0 ? ` ${o.unlisted_regions.length} region(s) could not be listed.` : "") +
    (o.workflows === undefined ? "" : workflowsSummary(o.workflows))
})

/** The workflows' part of the summary: counts only, as for environments. */
const workflowsSummary = (w: typeof WorkflowsHealth.Type): string =>
  ` ${w.checked} serverless workflow(s) checked: ${w.flagged} whose latest run failed.` +
  (w.unchecked > 0 ? ` ${w.unchecked} more were not checked (at most ${MAX_CHECKED_WORKFLOWS} a call).` : "") +
  (w.omitted > 0 ? ` ${w.omitted} of the healthiest were left out to fit the bound.` : "") +
  (w.unlisted.length > 0 ? ` The workflows of ${w.unlisted.length} region(s) could not be listed.` : "")
