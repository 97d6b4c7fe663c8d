import { _json, SENSITIVE_STRING, take } from "@smithy/core/client"
import type { SourceMappingInstructions } from "@smithy/core/client"
import { parseEpochTimestamp } from "@smithy/core/serde"
import type { StaticStructureSchema } from "@smithy/types"
import { BOOLEAN, member, NAME_IN_URI, NUMERIC, SENSITIVE, STRING, STRING_LIST, STRING_MAP, structure } from "../mwaa-client/schema.js"
import type { Environment, LastUpdate } from "./environment-types.js"

/**
 * The environment shapes of the current MWAA model (botocore mwaa/2020-07-01/service-2.json,
 * 2026-05): static schemas for what Create and Update send, member by member in model order as the
 * SDK's generator writes them, and a lenient reader for what GetEnvironment answers. client-mwaa
 * 3.523.0 drops MinWebservers, MaxWebservers and WorkerReplacementStrategy; these do not. A test
 * holds each member list equal to the model fixture (test/fixtures/mwaa), so the next model change
 * shows up as a failing test rather than a silently dropped member.
 */

const moduleLogging = structure("ModuleLoggingConfigurationInput", { Enabled: BOOLEAN, LogLevel: STRING })
const loggingConfiguration = structure("LoggingConfigurationInput", {
  DagProcessingLogs: moduleLogging,
  SchedulerLogs: moduleLogging,
  WebserverLogs: moduleLogging,
  WorkerLogs: moduleLogging,
  TaskLogs: moduleLogging
})
/** A map whose values the model marks sensitive: SDK logs show it as ***SensitiveInformation***. */
const airflowConfigurationOptions = member(STRING_MAP, SENSITIVE)

export const CreateEnvironmentInput$: StaticStructureSchema = structure("CreateEnvironmentInput", {
  Name: NAME_IN_URI,
  ExecutionRoleArn: STRING,
  SourceBucketArn: STRING,
  DagS3Path: STRING,
  NetworkConfiguration: structure("NetworkConfiguration", { SubnetIds: STRING_LIST, SecurityGroupIds: STRING_LIST }),
  PluginsS3Path: STRING,
  PluginsS3ObjectVersion: STRING,
  RequirementsS3Path: STRING,
  RequirementsS3ObjectVersion: STRING,
  StartupScriptS3Path: STRING,
  StartupScriptS3ObjectVersion: STRING,
  AirflowConfigurationOptions: airflowConfigurationOptions,
  EnvironmentClass: STRING,
  MaxWorkers: NUMERIC,
  KmsKey: STRING,
  AirflowVersion: STRING,
  LoggingConfiguration: loggingConfiguration,
  WeeklyMaintenanceWindowStart: STRING,
  Tags: STRING_MAP,
  WebserverAccessMode: STRING,
  MinWorkers: NUMERIC,
  Schedulers: NUMERIC,
  EndpointManagement: STRING,
  MinWebservers: NUMERIC,
  MaxWebservers: NUMERIC
})

export const UpdateEnvironmentInput$: StaticStructureSchema = structure("UpdateEnvironmentInput", {
  Name: NAME_IN_URI,
  ExecutionRoleArn: STRING,
  AirflowConfigurationOptions: airflowConfigurationOptions,
  AirflowVersion: STRING,
  DagS3Path: STRING,
  EnvironmentClass: STRING,
  LoggingConfiguration: loggingConfiguration,
  MaxWorkers: NUMERIC,
  MinWorkers: NUMERIC,
  MaxWebservers: NUMERIC,
  MinWebservers: NUMERIC,
  WorkerReplacementStrategy: STRING,
  NetworkConfiguration: structure("UpdateNetworkConfigurationInput", { SecurityGroupIds: STRING_LIST }),
  PluginsS3Path: STRING,
  PluginsS3ObjectVersion: STRING,
  RequirementsS3Path: STRING,
  RequirementsS3ObjectVersion: STRING,
  Schedulers: NUMERIC,
  SourceBucketArn: STRING,
  StartupScriptS3Path: STRING,
  StartupScriptS3ObjectVersion: STRING,
  WebserverAccessMode: STRING,
  WeeklyMaintenanceWindowStart: STRING
})

/** What CreateEnvironment and UpdateEnvironment answer: the environment's ARN. */
export const environmentWriteOutput = (name: string): StaticStructureSchema => structure(name, { Arn: STRING })

/** AirflowConfigurationOptions values are sensitive in the model: what SDK logs show instead. */
export const hideConfigurationOptions = <T extends { readonly AirflowConfigurationOptions?: unknown }>(value: T) => ({
  ...value,
  ...(value.AirflowConfigurationOptions !== undefined && { AirflowConfigurationOptions: SENSITIVE_STRING })
})

/*
 * GetEnvironment's answer is read leniently: timestamps become Dates (restJson1 sends epoch seconds,
 * the model says nothing else here), every other member is kept as sent. The adapter then decodes
 * the Environment with a Schema (environment-codec.ts), which names a member of another type as
 * UnexpectedAnswer; the SDK's expect* helpers would throw a TypeError without the member's name.
 */
const date = (value: unknown) => (typeof value === "number" ? parseEpochTimestamp(value) : value)
const asSent = (value: unknown) => value
/** Members not in `known`, with null values dropped: what a newer model added, kept as sent. */
const unknownMembers = (value: Record<string, unknown>, known: ReadonlyArray<string>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(value).filter(([k, v]) => !known.includes(k) && v !== null && v !== undefined))

const lastUpdateInstructions: SourceMappingInstructions = {
  CreatedAt: date,
  Error: _json,
  Source: asSent,
  Status: asSent,
  WorkerReplacementStrategy: asSent
}

// Anything but an object is kept as sent, for the Schema to name.
const de_LastUpdate = (output: unknown): LastUpdate | unknown =>
  typeof output !== "object" || output === null || Array.isArray(output)
    ? output
    : { ...unknownMembers(output as Record<string, unknown>, Object.keys(lastUpdateInstructions)), ...take(output, lastUpdateInstructions) }

const environmentInstructions: SourceMappingInstructions = {
  AirflowConfigurationOptions: _json,
  AirflowVersion: asSent,
  Arn: asSent,
  CeleryExecutorQueue: asSent,
  CreatedAt: date,
  DagS3Path: asSent,
  DatabaseVpcEndpointService: asSent,
  EndpointManagement: asSent,
  EnvironmentClass: asSent,
  ExecutionRoleArn: asSent,
  KmsKey: asSent,
  LastUpdate: de_LastUpdate,
  LoggingConfiguration: _json,
  MaxWebservers: asSent,
  MaxWorkers: asSent,
  MinWebservers: asSent,
  MinWorkers: asSent,
  Name: asSent,
  NetworkConfiguration: _json,
  PluginsS3ObjectVersion: asSent,
  PluginsS3Path: asSent,
  RequirementsS3ObjectVersion: asSent,
  RequirementsS3Path: asSent,
  Schedulers: asSent,
  ServiceRoleArn: asSent,
  SourceBucketArn: asSent,
  StartupScriptS3ObjectVersion: asSent,
  StartupScriptS3Path: asSent,
  Status: asSent,
  Tags: _json,
  WebserverAccessMode: asSent,
  WebserverUrl: asSent,
  WebserverVpcEndpointService: asSent,
  WeeklyMaintenanceWindowStart: asSent
}

/** Every modelled member, and the members a newer model adds (as sent), whatever model this file was written against. */
export const de_Environment = (output: Record<string, unknown>): Environment => ({
  ...unknownMembers(output, Object.keys(environmentInstructions)),
  ...take(output, environmentInstructions)
})

/** The member lists, for the model-driven test. */
export const MEMBER_LISTS = {
  CreateEnvironmentInput: CreateEnvironmentInput$[4],
  UpdateEnvironmentInput: UpdateEnvironmentInput$[4],
  Environment: Object.keys(environmentInstructions),
  LastUpdate: Object.keys(lastUpdateInstructions)
} as const
