import { BOOLEAN, DATE_TIME, DOCUMENT, listOf, mapOf, NUMERIC, SENSITIVE, STRING, STRING_LIST, structure } from "./schema.js"

/**
 * The model's structures that the operations' inputs and outputs hold, member for member in model
 * order. Enums are strings (EngineVersion, an intEnum, a number): a value the model adds later still
 * reads, and the adapter's own Schema decides what it accepts.
 */

/** Overrides of a run's parameters: sensitive in the model (ObjectMap), so kept out of SDK logs. */
export const ObjectMap = mapOf("ObjectMap", SENSITIVE, DOCUMENT)
const DefinitionS3Location = structure("DefinitionS3Location", { Bucket: STRING, ObjectKey: STRING, VersionId: STRING })
const ScheduleConfiguration = structure("ScheduleConfiguration", { CronExpression: STRING })

export const WorkflowFields = {
  EncryptionConfiguration: structure("EncryptionConfiguration", { Type: STRING, KmsKeyId: STRING }),
  LoggingConfiguration: structure("LoggingConfiguration", { LogGroupName: STRING }),
  DefinitionS3Location,
  ScheduleConfiguration,
  NetworkConfiguration: structure("NetworkConfiguration", { SecurityGroupIds: STRING_LIST, SubnetIds: STRING_LIST })
} as const

const WorkflowSummary = structure("WorkflowSummary", {
  WorkflowArn: STRING,
  WorkflowVersion: STRING,
  Name: STRING,
  Description: STRING,
  CreatedAt: DATE_TIME,
  ModifiedAt: DATE_TIME,
  WorkflowStatus: STRING,
  TriggerMode: STRING
})
export const WorkflowSummaries = listOf("WorkflowSummaries", () => WorkflowSummary)

const WorkflowVersionSummary = structure("WorkflowVersionSummary", {
  WorkflowVersion: STRING,
  WorkflowArn: STRING,
  IsLatestVersion: BOOLEAN,
  CreatedAt: DATE_TIME,
  ModifiedAt: DATE_TIME,
  DefinitionS3Location,
  ScheduleConfiguration,
  TriggerMode: STRING
})
export const WorkflowVersionSummaries = listOf("WorkflowVersionSummaries", () => WorkflowVersionSummary)

export const WorkflowRunDetail = structure("WorkflowRunDetail", {
  WorkflowArn: STRING,
  WorkflowVersion: STRING,
  RunId: STRING,
  RunType: STRING,
  StartedOn: DATE_TIME,
  CreatedAt: DATE_TIME,
  CompletedOn: DATE_TIME,
  ModifiedAt: DATE_TIME,
  Duration: NUMERIC,
  ErrorMessage: STRING,
  TaskInstances: STRING_LIST,
  RunState: STRING
})

const RunDetailSummary = structure("RunDetailSummary", { Status: STRING, CreatedOn: DATE_TIME, StartedAt: DATE_TIME, EndedAt: DATE_TIME })
const WorkflowRunSummary = structure("WorkflowRunSummary", {
  RunId: STRING,
  WorkflowArn: STRING,
  WorkflowVersion: STRING,
  RunType: STRING,
  RunDetailSummary
})
export const WorkflowRunSummaries = listOf("WorkflowRunSummaries", () => WorkflowRunSummary)

const TaskInstanceSummary = structure("TaskInstanceSummary", {
  WorkflowArn: STRING,
  WorkflowVersion: STRING,
  RunId: STRING,
  TaskInstanceId: STRING,
  Status: STRING,
  DurationInSeconds: NUMERIC,
  OperatorName: STRING
})
export const TaskInstanceSummaries = listOf("TaskInstanceSummaries", () => TaskInstanceSummary)
