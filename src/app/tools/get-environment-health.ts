import { Effect, Schema } from "effect"
import { environmentHealth } from "../../domain/usecases/environment-health.js"
import { environment_name } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"
import { environmentText } from "../summary-text.js"
import { wordHealth } from "../next-steps.js"

const S = Schema.NullOr(Schema.String)
const N = Schema.NullOr(Schema.Number)
const Component = Schema.NullOr(Schema.Struct({ status: S, latest_heartbeat: S }))

/** get-environment-health's answer: MWAA's side, Airflow's side (each part with its own error), a verdict. */
export const EnvironmentHealth = Schema.Struct({
  environment_name: Schema.String,
  verdict: Schema.Literal("healthy", "degraded", "unhealthy"),
  findings: Schema.Array(Schema.String),
  mwaa: Schema.Struct({
    status: S,
    airflow_version: S,
    created_at: S,
    last_update: Schema.Struct({ status: S, created_at: S, error_code: S, error_message: S })
  }),
  airflow: Schema.Struct({
    available: Schema.Boolean,
    unavailable_reason: S,
    health: Schema.NullOr(
      Schema.Struct({ metadatabase: Component, scheduler: Component, triggerer: Component, dag_processor: Component, error: S })
    ),
    import_errors: Schema.NullOr(Schema.Struct({ count: N, error: S })),
    dags: Schema.NullOr(Schema.Struct({ paused: N, active: N, error: S })),
    failing_dags: Schema.NullOr(
      Schema.Struct({
        count: N,
        dag_ids: Schema.Array(Schema.String),
        failed_runs: N,
        complete: Schema.Boolean,
        window_start: S,
        window_end: S,
        meaning: Schema.String,
        error: S
      })
    )
  })
})

/** get-environment-health: one call for "is this environment OK?", degrading part by part instead of failing. */
export const getEnvironmentHealthTool = readTool({
  name: "get-environment-health",
  title: "Check an environment's health",
  description:
    "One-call health check of an MWAA environment: MWAA status and last update (with its error), Airflow version, " +
    "Airflow's own health (metadatabase, scheduler, triggerer, DAG processor: status and latest heartbeat; null where " +
    "the version reports none), import-error count, paused and active DAG counts, and the DAGs with failed runs in the " +
    "last 24 h. Returns a verdict (healthy, degraded, unhealthy) with findings. Airflow is probed only when the " +
    "environment is AVAILABLE (or UPDATE_FAILED); a probe that fails is reported in its part, not as a tool error. " +
    "Next: get-import-errors, list-dag-runs with state=failed, or get-environment for the full configuration.",
  input: Schema.Struct({ environment_name }),
  output: EnvironmentHealth,
  run: (i) => withEnvironment(i.environment_name, (env) => environmentHealth(env).pipe(Effect.map(wordHealth))),
  // Findings quote Airflow's and AWS's error messages: counted here, read in the answer below.
  summarize: (o) =>
    `${environmentText(o.environment_name)}: ${o.verdict}` +
    (o.findings.length === 0 ? "." : `; ${o.findings.length} finding(s), listed in findings.`)
})
