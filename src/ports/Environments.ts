import { Context, type Effect, Schema } from "effect"
import type { MwaaError } from "./MwaaError.js"
import type { UnexpectedAnswer } from "./UnexpectedAnswer.js"

/**
 * An MWAA environment as the server understands it: what GetEnvironment says, in snake_case, with
 * timestamps as ISO-8601 text. A member MWAA did not send is null. Each adapter decodes its
 * answer into this at its edge, so nothing past the port sees the SDK's member names or Dates.
 */

const Text = Schema.NullOr(Schema.String)
const Count = Schema.NullOr(Schema.Number)

/** One Airflow component's logging: whether it goes to CloudWatch, at which level, into which group. */
export const ModuleLogging = Schema.Struct({
  /** null when MWAA did not say. */
  enabled: Schema.NullOr(Schema.Boolean),
  log_level: Text,
  log_group_arn: Text
})
export type ModuleLogging = typeof ModuleLogging.Type

/** Logging per Airflow component; a component MWAA did not describe is absent. */
export const EnvironmentLogging = Schema.Struct({
  dag_processing: Schema.optional(ModuleLogging),
  scheduler: Schema.optional(ModuleLogging),
  webserver: Schema.optional(ModuleLogging),
  worker: Schema.optional(ModuleLogging),
  task: Schema.optional(ModuleLogging)
})
export type EnvironmentLogging = typeof EnvironmentLogging.Type

/** The last create or update, and its error when it failed. */
export const LastUpdate = Schema.Struct({
  status: Text,
  created_at: Text,
  source: Text,
  worker_replacement_strategy: Text,
  error_code: Text,
  error_message: Text
})
export type LastUpdate = typeof LastUpdate.Type

export const Environment = Schema.Struct({
  name: Schema.String,
  arn: Text,
  status: Text,
  airflow_version: Text,
  environment_class: Text,
  webserver_url: Text,
  webserver_access_mode: Text,
  execution_role_arn: Text,
  source_bucket_arn: Text,
  dag_s3_path: Text,
  requirements_s3_path: Text,
  plugins_s3_path: Text,
  startup_script_s3_path: Text,
  weekly_maintenance_window_start: Text,
  min_workers: Count,
  max_workers: Count,
  schedulers: Count,
  min_webservers: Count,
  max_webservers: Count,
  worker_replacement_strategy: Text,
  created_at: Text,
  last_update: LastUpdate,
  logging: EnvironmentLogging,
  airflow_configuration_options: Schema.Record({ key: Schema.String, value: Schema.String }),
  tags: Schema.Record({ key: Schema.String, value: Schema.String })
})
export type Environment = typeof Environment.Type

/**
 * What create and update change, in snake_case. Every setting is optional (update changes only
 * those given); NewEnvironmentSettings makes the four CreateEnvironment requires mandatory.
 */
export const EnvironmentSettings = Schema.Struct({
  name: Schema.String,
  airflow_version: Schema.optional(Schema.String),
  environment_class: Schema.optional(Schema.String),
  execution_role_arn: Schema.optional(Schema.String),
  source_bucket_arn: Schema.optional(Schema.String),
  dag_s3_path: Schema.optional(Schema.String),
  requirements_s3_path: Schema.optional(Schema.String),
  plugins_s3_path: Schema.optional(Schema.String),
  startup_script_s3_path: Schema.optional(Schema.String),
  min_workers: Schema.optional(Schema.Number),
  max_workers: Schema.optional(Schema.Number),
  schedulers: Schema.optional(Schema.Number),
  min_webservers: Schema.optional(Schema.Number),
  max_webservers: Schema.optional(Schema.Number),
  webserver_access_mode: Schema.optional(Schema.Literal("PRIVATE_ONLY", "PUBLIC_ONLY", "PUBLIC_AND_PRIVATE")),
  worker_replacement_strategy: Schema.optional(Schema.Literal("FORCED", "GRACEFUL")),
  weekly_maintenance_window_start: Schema.optional(Schema.String),
  airflow_configuration_options: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.String })),
  network_configuration: Schema.optional(
    Schema.Struct({
      subnet_ids: Schema.optional(Schema.Array(Schema.String)),
      security_group_ids: Schema.optional(Schema.Array(Schema.String))
    })
  ),
  tags: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.String }))
})
export type EnvironmentSettings = typeof EnvironmentSettings.Type

export const NewEnvironmentSettings = Schema.Struct({
  ...EnvironmentSettings.fields,
  execution_role_arn: Schema.String,
  source_bucket_arn: Schema.String,
  dag_s3_path: Schema.String,
  network_configuration: Schema.Struct({ subnet_ids: Schema.Array(Schema.String), security_group_ids: Schema.Array(Schema.String) })
})
export type NewEnvironmentSettings = typeof NewEnvironmentSettings.Type

/** What a create or update started: MWAA applies both asynchronously. */
export interface EnvironmentChangeStarted {
  readonly arn: string | null
}

/** MWAA's environments: list, describe, create, update, delete. Implemented on AWS and by the fake. */
export class Environments extends Context.Tag("mwaa-mcp/Environments")<
  Environments,
  {
    /** ListEnvironments: every name in the region, across pages. */
    readonly list: () => Effect.Effect<ReadonlyArray<string>, MwaaError>
    /** GetEnvironment, decoded; an answer in another shape is UnexpectedAnswer naming the member. */
    readonly get: (name: string) => Effect.Effect<Environment, MwaaError | UnexpectedAnswer>
    readonly create: (settings: NewEnvironmentSettings) => Effect.Effect<EnvironmentChangeStarted, MwaaError>
    readonly update: (settings: EnvironmentSettings) => Effect.Effect<EnvironmentChangeStarted, MwaaError>
    readonly delete: (name: string) => Effect.Effect<void, MwaaError>
  }
>() {}
