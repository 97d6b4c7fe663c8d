import { Effect } from "effect"
import { AppConfig } from "../../ports/AppConfig.js"
import {
  type Environment,
  type EnvironmentLogging,
  Environments,
  type EnvironmentSettings,
  type NewEnvironmentSettings
} from "../../ports/Environments.js"
import { EnvironmentCatalog } from "../environment-catalog.js"
import { REDACTED, sensitiveNameTest } from "../redaction.js"

/** MWAA environment use cases. Airflow configuration options can hold secrets, so they are redacted by name. */

/** get-environment answers logging under MWAA's module names, as it always has; an absent component is left out. */
const loggingOf = (logging: EnvironmentLogging) =>
  Object.fromEntries(
    (
      [
        ["DagProcessingLogs", logging.dag_processing],
        ["SchedulerLogs", logging.scheduler],
        ["WebserverLogs", logging.webserver],
        ["WorkerLogs", logging.worker],
        ["TaskLogs", logging.task]
      ] as const
    ).flatMap(([module, c]) =>
      c === undefined ? [] : [[module, { enabled: c.enabled === true, level: c.log_level, log_group_arn: c.log_group_arn }]]
    )
  )

/** Airflow's own sensitive configuration options beyond the name list: keys, DSNs, basic auth. */
const SENSITIVE_OPTIONS = /fernet_key|basic_auth|sql_alchemy_conn|broker_url|result_backend|smtp_password|secret_key/i

/** GetEnvironment's answer, with every Airflow configuration option under a sensitive name masked. */
export const summarizeEnvironment = (e: Environment, extraSensitive: ReadonlyArray<string>) => {
  // Built once per answer, not per option: building the test is most of what it costs.
  const isSensitive = sensitiveNameTest(extraSensitive)
  const options = Object.fromEntries(
    Object.entries(e.airflow_configuration_options).map(([k, v]) => [k, isSensitive(k) || SENSITIVE_OPTIONS.test(k) ? REDACTED : v])
  )
  return {
    name: e.name,
    arn: e.arn,
    status: e.status,
    airflow_version: e.airflow_version,
    environment_class: e.environment_class,
    webserver_url: e.webserver_url,
    webserver_access_mode: e.webserver_access_mode,
    execution_role_arn: e.execution_role_arn,
    source_bucket_arn: e.source_bucket_arn,
    dag_s3_path: e.dag_s3_path,
    requirements_s3_path: e.requirements_s3_path,
    plugins_s3_path: e.plugins_s3_path,
    startup_script_s3_path: e.startup_script_s3_path,
    min_workers: e.min_workers,
    max_workers: e.max_workers,
    schedulers: e.schedulers,
    min_webservers: e.min_webservers,
    max_webservers: e.max_webservers,
    worker_replacement_strategy: e.worker_replacement_strategy,
    created_at: e.created_at,
    last_update: {
      status: e.last_update.status,
      created_at: e.last_update.created_at,
      error_code: e.last_update.error_code,
      error_message: e.last_update.error_message
    },
    logging: loggingOf(e.logging),
    airflow_configuration_options: options,
    tags: e.tags
  }
}

export const listEnvironments = Effect.fnUntraced(function* () {
  const environments = yield* Environments
  const config = yield* AppConfig
  const names = yield* environments.list()
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

export const createEnvironment = Effect.fnUntraced(function* (settings: NewEnvironmentSettings) {
  const environments = yield* Environments
  const started = yield* environments.create(settings)
  return { name: settings.name, arn: started.arn, status: "CREATING" as const }
})

export const updateEnvironment = Effect.fnUntraced(function* (settings: EnvironmentSettings) {
  const environments = yield* Environments
  const catalog = yield* EnvironmentCatalog
  const started = yield* environments.update(settings)
  // The Airflow version may have changed: forget what was cached.
  yield* catalog.invalidate(settings.name)
  return { name: settings.name, arn: started.arn, status: "UPDATING" as const }
})

export const deleteEnvironment = Effect.fnUntraced(function* (name: string) {
  const environments = yield* Environments
  const catalog = yield* EnvironmentCatalog
  yield* environments.delete(name)
  yield* catalog.invalidate(name)
  return { name, status: "DELETING" as const }
})
