import { Schema } from "effect"
import { EnvironmentAddress } from "../../domain/ids.js"
import { DEFAULT_WINDOW_HOURS } from "../../domain/usecases/environment-health.js"
import { looseInt } from "../fields.js"
import { fleetHealth } from "../fleet/fleet-health.js"
import { readTool } from "../tool-spec.js"

const S = Schema.NullOr(Schema.String)
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

export const FleetHealth = Schema.Struct({
  window_hours: Schema.Number,
  checked: Schema.Number,
  verdicts: Schema.Struct({ unreachable: Schema.Number, unhealthy: Schema.Number, degraded: Schema.Number, healthy: Schema.Number }),
  environments: Schema.Array(FleetHealthEntry),
  omitted: Schema.Number,
  unlisted_regions: Schema.Array(Schema.Struct({ region: Schema.String, error: Schema.String }))
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
    (o.unlisted_regions.length > 0 ? ` ${o.unlisted_regions.length} region(s) could not be listed.` : "")
})
