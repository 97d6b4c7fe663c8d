import { Effect, Layer } from "effect"
import { type Environment, Environments } from "../../src/ports/Environments.js"

/** An Environment with every member MWAA may leave out set to null, and the given ones over it. */
export const anEnvironment = (name: string, members: Partial<Environment> = {}): Environment => ({
  name,
  arn: null,
  status: "AVAILABLE",
  airflow_version: null,
  environment_class: null,
  webserver_url: null,
  webserver_access_mode: null,
  execution_role_arn: null,
  source_bucket_arn: null,
  dag_s3_path: null,
  requirements_s3_path: null,
  plugins_s3_path: null,
  startup_script_s3_path: null,
  weekly_maintenance_window_start: null,
  min_workers: null,
  max_workers: null,
  schedulers: null,
  min_webservers: null,
  max_webservers: null,
  worker_replacement_strategy: null,
  created_at: null,
  last_update: { status: null, created_at: null, source: null, worker_replacement_strategy: null, error_code: null, error_message: null },
  logging: {},
  airflow_configuration_options: {},
  tags: {},
  ...members
})

const unexpected = (what: string) => () => Effect.die(`unexpected Environments.${what}`)

/**
 * An Environments port for domain tests: `list` answers `names`, `get` answers anEnvironment(name,
 * members); writes die. Omit `names` for a test in which listing must not happen.
 */
export const stubEnvironments = (members: Partial<Environment> = {}, names?: ReadonlyArray<string>) =>
  Layer.succeed(Environments, {
    list: names === undefined ? unexpected("list") : () => Effect.succeed(names),
    get: (name) => Effect.succeed(anEnvironment(name, members)),
    create: unexpected("create"),
    update: unexpected("update"),
    delete: unexpected("delete")
  })
