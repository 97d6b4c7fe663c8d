import { _json, expectInt32, expectNonNull, expectNumber, expectString, parseEpochTimestamp, take } from "@smithy/smithy-client"
import type { SourceMappingInstructions } from "@smithy/smithy-client"
import type { CreateEnvironmentInput, Environment, LastUpdate, UpdateEnvironmentInput } from "./environment-types.js"
import { unknownMembers } from "./restjson.js"

/**
 * The environment shapes of the current MWAA model (botocore mwaa/2020-07-01/service-2.json,
 * 2026-05), hand-written member by member like the SDK's generated serde. client-mwaa 3.523.0
 * drops MinWebservers, MaxWebservers and WorkerReplacementStrategy; these lists do not. A test
 * holds each list equal to the model fixture (test/fixtures/mwaa), so the next model change
 * shows up as a failing test rather than a silently dropped member.
 */

// Body members (every input member but the URI label Name). Scalars pass as given ([]);
// structures and maps go through _json, which drops null entries as the SDK does.
const createInstructions: SourceMappingInstructions = {
  AirflowConfigurationOptions: _json,
  AirflowVersion: [],
  DagS3Path: [],
  EndpointManagement: [],
  EnvironmentClass: [],
  ExecutionRoleArn: [],
  KmsKey: [],
  LoggingConfiguration: _json,
  MaxWebservers: [],
  MaxWorkers: [],
  MinWebservers: [],
  MinWorkers: [],
  NetworkConfiguration: _json,
  PluginsS3ObjectVersion: [],
  PluginsS3Path: [],
  RequirementsS3ObjectVersion: [],
  RequirementsS3Path: [],
  Schedulers: [],
  SourceBucketArn: [],
  StartupScriptS3ObjectVersion: [],
  StartupScriptS3Path: [],
  Tags: _json,
  WebserverAccessMode: [],
  WeeklyMaintenanceWindowStart: []
}

const updateInstructions: SourceMappingInstructions = {
  AirflowConfigurationOptions: _json,
  AirflowVersion: [],
  DagS3Path: [],
  EnvironmentClass: [],
  ExecutionRoleArn: [],
  LoggingConfiguration: _json,
  MaxWebservers: [],
  MaxWorkers: [],
  MinWebservers: [],
  MinWorkers: [],
  NetworkConfiguration: _json,
  PluginsS3ObjectVersion: [],
  PluginsS3Path: [],
  RequirementsS3ObjectVersion: [],
  RequirementsS3Path: [],
  Schedulers: [],
  SourceBucketArn: [],
  StartupScriptS3ObjectVersion: [],
  StartupScriptS3Path: [],
  WebserverAccessMode: [],
  WeeklyMaintenanceWindowStart: [],
  WorkerReplacementStrategy: []
}

export const se_CreateEnvironmentBody = (input: CreateEnvironmentInput): Record<string, unknown> => take(input, createInstructions)
export const se_UpdateEnvironmentBody = (input: UpdateEnvironmentInput): Record<string, unknown> => take(input, updateInstructions)

// restJson1 timestamps are epoch seconds unless the model says otherwise (it does not here).
const date = (value: unknown) => expectNonNull(parseEpochTimestamp(expectNumber(value)))

const lastUpdateInstructions: SourceMappingInstructions = {
  CreatedAt: date,
  Error: _json,
  Source: expectString,
  Status: expectString,
  WorkerReplacementStrategy: expectString
}

const de_LastUpdate = (output: Record<string, unknown>): LastUpdate => ({
  ...unknownMembers(output, Object.keys(lastUpdateInstructions)),
  ...take(output, lastUpdateInstructions)
})

const environmentInstructions: SourceMappingInstructions = {
  AirflowConfigurationOptions: _json,
  AirflowVersion: expectString,
  Arn: expectString,
  CeleryExecutorQueue: expectString,
  CreatedAt: date,
  DagS3Path: expectString,
  DatabaseVpcEndpointService: expectString,
  EndpointManagement: expectString,
  EnvironmentClass: expectString,
  ExecutionRoleArn: expectString,
  KmsKey: expectString,
  LastUpdate: de_LastUpdate,
  LoggingConfiguration: _json,
  MaxWebservers: expectInt32,
  MaxWorkers: expectInt32,
  MinWebservers: expectInt32,
  MinWorkers: expectInt32,
  Name: expectString,
  NetworkConfiguration: _json,
  PluginsS3ObjectVersion: expectString,
  PluginsS3Path: expectString,
  RequirementsS3ObjectVersion: expectString,
  RequirementsS3Path: expectString,
  Schedulers: expectInt32,
  ServiceRoleArn: expectString,
  SourceBucketArn: expectString,
  StartupScriptS3ObjectVersion: expectString,
  StartupScriptS3Path: expectString,
  Status: expectString,
  Tags: _json,
  WebserverAccessMode: expectString,
  WebserverUrl: expectString,
  WebserverVpcEndpointService: expectString,
  WeeklyMaintenanceWindowStart: expectString
}

/**
 * Every modelled member, typed; members a newer model adds are kept too (as sent), so the
 * port's `raw` never loses what MWAA said, whatever model this file was written against.
 */
export const de_Environment = (output: Record<string, unknown>): Environment => ({
  ...unknownMembers(output, Object.keys(environmentInstructions)),
  ...take(output, environmentInstructions)
})

/** The member lists, for the model-driven test. */
export const MEMBER_LISTS = {
  CreateEnvironmentInput: ["Name", ...Object.keys(createInstructions)],
  UpdateEnvironmentInput: ["Name", ...Object.keys(updateInstructions)],
  Environment: Object.keys(environmentInstructions),
  LastUpdate: Object.keys(lastUpdateInstructions)
} as const
