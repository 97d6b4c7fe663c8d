import { Schema } from "effect"
import { EnvironmentAddress, EnvironmentName } from "../../domain/ids.js"
import type { EnvironmentSettings, NewEnvironmentSettings } from "../../ports/Environments.js"
import { looseInt } from "../fields.js"

/**
 * Create/UpdateEnvironment's settings in snake_case, one for each member of the MWAA model
 * (botocore service-2.json, 2026-05) the tools offer, including the newer MinWebservers,
 * MaxWebservers and WorkerReplacementStrategy. The port's EnvironmentSettings carry them.
 */

const text = (description: string) => Schema.optional(Schema.String.pipe(Schema.minLength(1)).annotations({ description }))

export const environmentSettings = {
  airflow_version: text("Airflow version, e.g. 2.10.3 or 3.0.6."),
  environment_class: Schema.optional(
    Schema.Literal("mw1.micro", "mw1.small", "mw1.medium", "mw1.large", "mw1.xlarge", "mw1.2xlarge").annotations({
      description: "Environment class (size)."
    })
  ),
  execution_role_arn: text("ARN of the execution role."),
  source_bucket_arn: text("ARN of the S3 bucket holding DAGs."),
  dag_s3_path: text("Folder of DAGs in the bucket, e.g. dags."),
  requirements_s3_path: text("requirements.txt key in the bucket."),
  plugins_s3_path: text("plugins.zip key in the bucket."),
  startup_script_s3_path: text("Startup script key in the bucket."),
  min_workers: Schema.optional(looseInt("min_workers", 1, 25)),
  max_workers: Schema.optional(looseInt("max_workers", 1, 25)),
  schedulers: Schema.optional(looseInt("schedulers", 1, 5)),
  min_webservers: Schema.optional(looseInt("min_webservers", 1, 5)),
  max_webservers: Schema.optional(looseInt("max_webservers", 1, 5)),
  webserver_access_mode: Schema.optional(Schema.Literal("PRIVATE_ONLY", "PUBLIC_ONLY", "PUBLIC_AND_PRIVATE")),
  worker_replacement_strategy: Schema.optional(Schema.Literal("FORCED", "GRACEFUL")),
  weekly_maintenance_window_start: text("e.g. TUE:03:30"),
  airflow_configuration_options: Schema.optional(
    Schema.Record({ key: Schema.String, value: Schema.String }).annotations({
      description: 'Airflow configuration overrides, e.g. {"core.default_timezone": "utc"}.'
    })
  ),
  network_configuration: Schema.optional(
    Schema.Struct({
      subnet_ids: Schema.optional(Schema.Array(Schema.String)),
      security_group_ids: Schema.optional(Schema.Array(Schema.String))
    })
  ),
  tags: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.String }))
}

const requiredText = (description: string) => Schema.String.pipe(Schema.minLength(1)).annotations({ description })

const creationSettings = {
  ...environmentSettings,
  execution_role_arn: requiredText("ARN of the execution role."),
  source_bucket_arn: requiredText("ARN of the S3 bucket holding DAGs."),
  dag_s3_path: requiredText("Folder of DAGs in the bucket, e.g. dags."),
  network_configuration: Schema.Struct({
    subnet_ids: Schema.Array(Schema.String).annotations({ description: "Two private subnets." }),
    security_group_ids: Schema.Array(Schema.String)
  })
}

/** create-environment's arguments as sent: the new name under environment_name, or `name` (deprecated). */
const CreateEnvironmentArguments = Schema.Struct({
  environment_name: Schema.optional(EnvironmentName.annotations({ description: "Name of the new environment." })),
  name: Schema.optional(
    EnvironmentName.annotations({
      description: "Deprecated: use environment_name. The name of the new environment, still accepted; give one of the two, not both."
    })
  ),
  ...creationSettings
}).pipe(
  // The issue names the field: the arguments' formatter prints the path given here.
  Schema.filter(({ environment_name, name }) => {
    if (environment_name !== undefined && name !== undefined) {
      return { path: ["name"], message: "is the deprecated alias of environment_name: give one of the two, not both" }
    }
    if (environment_name === undefined && name === undefined) {
      return { path: ["environment_name"], message: "is missing: the name of the new environment (or name, its deprecated alias)" }
    }
    return true
  })
)

/**
 * create-environment's input: `environment_name` like every other tool. It used to be `name`, which
 * is still accepted (deprecated, README): the advertised schema is the one above, with both
 * optional; the decoded one has environment_name only.
 */
export const CreateEnvironmentInput = Schema.transform(
  CreateEnvironmentArguments,
  Schema.Struct({ environment_name: EnvironmentName, ...creationSettings }).pipe(Schema.typeSchema),
  {
    strict: true,
    // The filter above lets through exactly one of the two.
    decode: ({ environment_name, name, ...settings }) => ({ ...settings, environment_name: (environment_name ?? name) as EnvironmentName }),
    encode: (input) => input
  }
)

export const UpdateEnvironmentInput = Schema.Struct({
  environment_name: EnvironmentAddress.annotations({ description: "Environment to update: its name, region/name, or its ARN." }),
  ...environmentSettings
})

/** create-environment's input as the settings of the new environment. */
export const newEnvironmentSettings = ({ environment_name, ...settings }: typeof CreateEnvironmentInput.Type): NewEnvironmentSettings => ({
  ...settings,
  name: environment_name
})

/** update-environment's input as the settings to change, in the environment the address resolved to. */
export const changedSettings = (
  { environment_name: _address, ...settings }: typeof UpdateEnvironmentInput.Type,
  name: string
): EnvironmentSettings => ({
  ...settings,
  name
})
