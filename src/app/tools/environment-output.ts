import { Schema } from "effect"

const S = Schema.NullOr(Schema.String)
const N = Schema.NullOr(Schema.Number)

/** get-environment's answer: GetEnvironment in snake_case, sensitive Airflow options masked. */
export const EnvironmentSummary = Schema.Struct({
  name: Schema.String,
  arn: S,
  status: S,
  airflow_version: S,
  environment_class: S,
  webserver_url: S,
  webserver_access_mode: S,
  execution_role_arn: S,
  source_bucket_arn: S,
  dag_s3_path: S,
  requirements_s3_path: S,
  plugins_s3_path: S,
  startup_script_s3_path: S,
  min_workers: N,
  max_workers: N,
  schedulers: N,
  min_webservers: N,
  max_webservers: N,
  worker_replacement_strategy: S,
  created_at: S,
  last_update: Schema.Struct({ status: S, created_at: S, error_code: S, error_message: S }),
  logging: Schema.Record({
    key: Schema.String,
    value: Schema.Struct({ enabled: Schema.Boolean, level: S, log_group_arn: S })
  }),
  airflow_configuration_options: Schema.Record({ key: Schema.String, value: Schema.Unknown }),
  tags: Schema.Record({ key: Schema.String, value: Schema.String })
})

/** What a create, update or delete started: MWAA applies them asynchronously. */
export const EnvironmentChange = Schema.Struct({
  name: Schema.String,
  arn: Schema.optional(S),
  status: Schema.String
})
