import { Effect } from "effect"
import { MwaaGateway, type Environment, type EnvironmentInput } from "../../ports/MwaaGateway.js"
import { AppConfig } from "../../ports/AppConfig.js"
import { EnvironmentCatalog } from "../environment-catalog.js"
import { asRecord } from "../normalize.js"
import { REDACTED, sensitiveNameTest } from "../redaction.js"

/** MWAA environment use cases. Airflow configuration options can hold secrets, so they are redacted by name. */

const str = (u: unknown): string | null => (typeof u === "string" ? u : null)
const num = (u: unknown): number | null => (typeof u === "number" ? u : null)

const loggingOf = (raw: unknown) =>
  Object.fromEntries(
    Object.entries(asRecord(raw)).map(([module, cfg]) => {
      const c = asRecord(cfg)
      return [module, { enabled: c["Enabled"] === true, level: str(c["LogLevel"]), log_group_arn: str(c["CloudWatchLogGroupArn"]) }]
    })
  )

/** Airflow's own sensitive configuration options beyond the name list: keys, DSNs, basic auth. */
const SENSITIVE_OPTIONS = /fernet_key|basic_auth|sql_alchemy_conn|broker_url|result_backend|smtp_password|secret_key/i

/** GetEnvironment in snake_case, with every Airflow configuration option under a sensitive name masked. */
export const summarizeEnvironment = (e: Environment, extraSensitive: ReadonlyArray<string>) => {
  const raw = e.raw
  const lastUpdate = asRecord(raw["LastUpdate"])
  const lastError = asRecord(lastUpdate["Error"])
  // Built once per answer, not per option: building the test is most of what it costs.
  const isSensitive = sensitiveNameTest(extraSensitive)
  const options = Object.fromEntries(
    Object.entries(asRecord(raw["AirflowConfigurationOptions"])).map(([k, v]) => [
      k,
      isSensitive(k) || SENSITIVE_OPTIONS.test(k) ? REDACTED : v
    ])
  )
  return {
    name: e.Name,
    arn: str(raw["Arn"]),
    status: str(raw["Status"]),
    airflow_version: str(raw["AirflowVersion"]),
    environment_class: str(raw["EnvironmentClass"]),
    webserver_url: str(raw["WebserverUrl"]),
    webserver_access_mode: str(raw["WebserverAccessMode"]),
    execution_role_arn: str(raw["ExecutionRoleArn"]),
    source_bucket_arn: str(raw["SourceBucketArn"]),
    dag_s3_path: str(raw["DagS3Path"]),
    requirements_s3_path: str(raw["RequirementsS3Path"]),
    plugins_s3_path: str(raw["PluginsS3Path"]),
    startup_script_s3_path: str(raw["StartupScriptS3Path"]),
    min_workers: num(raw["MinWorkers"]),
    max_workers: num(raw["MaxWorkers"]),
    schedulers: num(raw["Schedulers"]),
    min_webservers: num(raw["MinWebservers"]),
    max_webservers: num(raw["MaxWebservers"]),
    worker_replacement_strategy: str(raw["WorkerReplacementStrategy"]),
    created_at: raw["CreatedAt"] instanceof Date ? raw["CreatedAt"].toISOString() : str(raw["CreatedAt"]),
    last_update: {
      status: str(lastUpdate["Status"]),
      created_at: lastUpdate["CreatedAt"] instanceof Date ? lastUpdate["CreatedAt"].toISOString() : str(lastUpdate["CreatedAt"]),
      error_code: str(lastError["ErrorCode"]),
      error_message: str(lastError["ErrorMessage"])
    },
    logging: loggingOf(raw["LoggingConfiguration"]),
    airflow_configuration_options: options,
    tags: Object.fromEntries(Object.entries(asRecord(raw["Tags"])).filter(([, v]) => typeof v === "string")) as Record<string, string>
  }
}

export const listEnvironments = Effect.fnUntraced(function* () {
  const gateway = yield* MwaaGateway
  const config = yield* AppConfig
  const names = yield* gateway.listEnvironments()
  return {
    environments: [...names],
    region: config.region,
    default_environment: config.defaultEnvironment.pipe((o) => (o._tag === "Some" ? o.value : null))
  }
})

export const getEnvironment = Effect.fnUntraced(function* (name: string) {
  const catalog = yield* EnvironmentCatalog
  const config = yield* AppConfig
  return summarizeEnvironment(yield* catalog.fresh(name), config.extraSensitiveNames)
})

export const createEnvironment = Effect.fnUntraced(function* (input: EnvironmentInput) {
  const gateway = yield* MwaaGateway
  const result = yield* gateway.createEnvironment(input)
  return { name: input.Name, arn: result.Arn ?? null, status: "CREATING" as const }
})

export const updateEnvironment = Effect.fnUntraced(function* (input: EnvironmentInput) {
  const gateway = yield* MwaaGateway
  const catalog = yield* EnvironmentCatalog
  const result = yield* gateway.updateEnvironment(input)
  // The Airflow version may have changed: forget what was cached.
  yield* catalog.invalidate(input.Name)
  return { name: input.Name, arn: result.Arn ?? null, status: "UPDATING" as const }
})

export const deleteEnvironment = Effect.fnUntraced(function* (name: string) {
  const gateway = yield* MwaaGateway
  const catalog = yield* EnvironmentCatalog
  yield* gateway.deleteEnvironment(name)
  yield* catalog.invalidate(name)
  return { name, status: "DELETING" as const }
})
