import { _json, expectString, parseEpochTimestamp, SENSITIVE_STRING, take } from "@smithy/smithy-client"
import type { SourceMappingInstructions } from "@smithy/smithy-client"
import type {
  CreateEnvironmentInput,
  Environment,
  EnvironmentWriteOutput,
  LastUpdate,
  UpdateEnvironmentInput
} from "./environment-types.js"
import type { MwaaOperation } from "./mwaa-command.js"
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
// NetworkConfiguration is in both bodies; only its type differs (Update sends SecurityGroupIds alone).
const sharedBodyInstructions: SourceMappingInstructions = {
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
  WeeklyMaintenanceWindowStart: []
}

// take() writes members in the order of its instructions: sorted, the body's bytes are the ones
// the SDK's generated serde sends (members in name order), whichever list a member comes from.
const inNameOrder = (instructions: SourceMappingInstructions): SourceMappingInstructions =>
  Object.fromEntries(Object.entries(instructions).sort(([a], [b]) => (a < b ? -1 : 1)))

const createInstructions = inNameOrder({ ...sharedBodyInstructions, EndpointManagement: [], KmsKey: [], Tags: _json })
const updateInstructions = inNameOrder({ ...sharedBodyInstructions, WorkerReplacementStrategy: [] })

export const se_CreateEnvironmentBody = (input: CreateEnvironmentInput): Record<string, unknown> => take(input, createInstructions)
export const se_UpdateEnvironmentBody = (input: UpdateEnvironmentInput): Record<string, unknown> => take(input, updateInstructions)

/** AirflowConfigurationOptions values are sensitive in the model: what SDK logs show instead, on input and output. */
export const hideConfigurationOptions = <T extends { readonly AirflowConfigurationOptions?: unknown }>(value: T) => ({
  ...value,
  ...(value.AirflowConfigurationOptions !== undefined && { AirflowConfigurationOptions: SENSITIVE_STRING })
})

/**
 * CreateEnvironment (PUT) and UpdateEnvironment (PATCH): the same path, host and answer ({Arn});
 * only the method and the body members differ.
 */
export const environmentWrite = <I extends CreateEnvironmentInput | UpdateEnvironmentInput>(
  method: "PUT" | "PATCH",
  body: (input: I) => Record<string, unknown>
): Omit<MwaaOperation<I, EnvironmentWriteOutput>, "operation"> => ({
  request: { method, path: "/environments/{Name}", hostPrefix: "api.", body },
  response: (data) => take(data, { Arn: expectString }),
  filterInput: hideConfigurationOptions
})

/*
 * GetEnvironment's answer is read leniently: timestamps become Dates (restJson1 sends epoch seconds,
 * the model says nothing else here), every other member is kept as sent. The adapter then decodes
 * the Environment with a Schema (environment-codec.ts), which names a member of another type as
 * UnexpectedAnswer; the SDK's expect* helpers would throw a TypeError without the member's name.
 */
const date = (value: unknown) => (typeof value === "number" ? parseEpochTimestamp(value) : value)
const asSent = (value: unknown) => value

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
  CreateEnvironmentInput: ["Name", ...Object.keys(createInstructions)],
  UpdateEnvironmentInput: ["Name", ...Object.keys(updateInstructions)],
  Environment: Object.keys(environmentInstructions),
  LastUpdate: Object.keys(lastUpdateInstructions)
} as const
