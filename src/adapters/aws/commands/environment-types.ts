import type { MetadataBearer } from "@smithy/types"

/**
 * The environment shapes of the current MWAA model (botocore mwaa/2020-07-01/service-2.json,
 * 2026-05) as TypeScript types, including what client-mwaa 3.523.0 lacks (MinWebservers,
 * MaxWebservers, WorkerReplacementStrategy, PUBLIC_AND_PRIVATE).
 */

type Level = "CRITICAL" | "ERROR" | "WARNING" | "INFO" | "DEBUG" | (string & {})

export interface ModuleLoggingConfigurationInput {
  readonly Enabled: boolean
  readonly LogLevel: Level
}
export interface ModuleLoggingConfiguration {
  readonly Enabled?: boolean | undefined
  readonly LogLevel?: Level | undefined
  readonly CloudWatchLogGroupArn?: string | undefined
}
type Modules<M> = {
  readonly DagProcessingLogs?: M | undefined
  readonly SchedulerLogs?: M | undefined
  readonly WebserverLogs?: M | undefined
  readonly WorkerLogs?: M | undefined
  readonly TaskLogs?: M | undefined
}

/**
 * Members the model gives one shape on every side: what Create and Update send and what
 * GetEnvironment's Environment answers. Type aliases, not interfaces: a literal type is assignable
 * to a record of members, which is how the fake receives them.
 */
type EnvironmentSources = {
  readonly ExecutionRoleArn?: string | undefined
  readonly SourceBucketArn?: string | undefined
  readonly DagS3Path?: string | undefined
  readonly PluginsS3Path?: string | undefined
  readonly PluginsS3ObjectVersion?: string | undefined
  readonly RequirementsS3Path?: string | undefined
  readonly RequirementsS3ObjectVersion?: string | undefined
  readonly StartupScriptS3Path?: string | undefined
  readonly StartupScriptS3ObjectVersion?: string | undefined
  readonly AirflowConfigurationOptions?: Readonly<Record<string, string>> | undefined
  readonly EnvironmentClass?: string | undefined
  readonly MaxWorkers?: number | undefined
  readonly MinWorkers?: number | undefined
  readonly MaxWebservers?: number | undefined
  readonly MinWebservers?: number | undefined
  readonly Schedulers?: number | undefined
  readonly AirflowVersion?: string | undefined
  readonly WeeklyMaintenanceWindowStart?: string | undefined
}

/**
 * Members Create and Update share (all optional on Update): the sources, and two the inputs type
 * their own way (logging without the log group ARN, the access mode's values by name).
 */
type EnvironmentSettings = EnvironmentSources & {
  readonly LoggingConfiguration?: Modules<ModuleLoggingConfigurationInput> | undefined
  readonly WebserverAccessMode?: "PRIVATE_ONLY" | "PUBLIC_ONLY" | "PUBLIC_AND_PRIVATE" | (string & {}) | undefined
}

export type CreateEnvironmentInput = EnvironmentSettings & {
  readonly Name: string
  readonly ExecutionRoleArn: string
  readonly SourceBucketArn: string
  readonly DagS3Path: string
  readonly NetworkConfiguration: { readonly SubnetIds?: ReadonlyArray<string>; readonly SecurityGroupIds?: ReadonlyArray<string> }
  readonly KmsKey?: string | undefined
  readonly Tags?: Readonly<Record<string, string>> | undefined
  readonly EndpointManagement?: "CUSTOMER" | "SERVICE" | (string & {}) | undefined
}

export type UpdateEnvironmentInput = EnvironmentSettings & {
  readonly Name: string
  readonly NetworkConfiguration?: { readonly SecurityGroupIds: ReadonlyArray<string> } | undefined
  readonly WorkerReplacementStrategy?: "FORCED" | "GRACEFUL" | (string & {}) | undefined
}

export interface LastUpdate {
  readonly Status?: string | undefined
  readonly CreatedAt?: Date | undefined
  readonly Error?: { readonly ErrorCode?: string | undefined; readonly ErrorMessage?: string | undefined } | undefined
  readonly Source?: string | undefined
  readonly WorkerReplacementStrategy?: string | undefined
  readonly [newerMember: string]: unknown
}

/**
 * GetEnvironment's Environment as the model types it; members a newer model adds are kept under
 * their own names. The deserializer keeps members as sent: the adapter's Schema checks them.
 */
export interface Environment extends EnvironmentSources {
  readonly Name?: string | undefined
  readonly Status?: string | undefined
  readonly Arn?: string | undefined
  readonly CreatedAt?: Date | undefined
  readonly WebserverUrl?: string | undefined
  readonly ServiceRoleArn?: string | undefined
  readonly KmsKey?: string | undefined
  readonly NetworkConfiguration?:
    | { readonly SubnetIds?: ReadonlyArray<string>; readonly SecurityGroupIds?: ReadonlyArray<string> }
    | undefined
  readonly LoggingConfiguration?: Modules<ModuleLoggingConfiguration> | undefined
  readonly LastUpdate?: LastUpdate | undefined
  readonly Tags?: Readonly<Record<string, string>> | undefined
  readonly WebserverAccessMode?: string | undefined
  readonly WebserverVpcEndpointService?: string | undefined
  readonly DatabaseVpcEndpointService?: string | undefined
  readonly CeleryExecutorQueue?: string | undefined
  readonly EndpointManagement?: string | undefined
  readonly [newerMember: string]: unknown
}

/** What CreateEnvironment and UpdateEnvironment answer. */
export interface EnvironmentWriteOutput extends MetadataBearer {
  readonly Arn?: string | undefined
}
