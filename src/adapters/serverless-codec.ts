import { Effect, Schema } from "effect"
import { decodeAnswer, type UnexpectedAnswer } from "../ports/UnexpectedAnswer.js"
import type {
  DefinitionLocation,
  Listing,
  Workflow,
  WorkflowRun,
  WorkflowRunSummary,
  WorkflowSummary,
  WorkflowTask,
  WorkflowTaskSummary,
  WorkflowVersion
} from "../ports/Workflows.js"

/**
 * MWAA Serverless's answers at the edge: the model's members (PascalCase, timestamps as Dates
 * from the SDK or ISO text from the fake) decoded into the Workflows port's snake_case types.
 * The AWS adapter and the in-memory fake both go through it, so they cannot disagree on a member.
 * Members are those of the 2024-07-26 model (../shared/specs/mwaa-serverless); others are ignored,
 * WorkflowDefinition (the YAML itself) among them: a definition is read only when asked for.
 */

const Text = Schema.optional(Schema.String)
const Count = Schema.optional(Schema.Number)
/** A model timestamp, read back as ISO-8601 in milliseconds either way it arrives. */
const Timestamp = Schema.optional(
  Schema.transform(Schema.Union(Schema.ValidDateFromSelf, Schema.Date), Schema.String, {
    strict: true,
    decode: (date) => date.toISOString(),
    encode: (iso) => new Date(iso)
  })
)

const S3LocationMembers = Schema.Struct({ Bucket: Schema.String, ObjectKey: Schema.String, VersionId: Text })
const S3Location = Schema.optional(S3LocationMembers)
const Schedule = Schema.optional(Schema.Struct({ CronExpression: Text }))

const orNull = <A>(value: A | undefined): A | null => value ?? null

const locationOf = (s3: typeof S3LocationMembers.Type | undefined): DefinitionLocation | null =>
  s3 === undefined ? null : { bucket: s3.Bucket, object_key: s3.ObjectKey, version_id: orNull(s3.VersionId) }

const SummaryMembers = Schema.Struct({
  WorkflowArn: Schema.String,
  WorkflowVersion: Text,
  Name: Text,
  Description: Text,
  CreatedAt: Timestamp,
  ModifiedAt: Timestamp,
  WorkflowStatus: Text,
  TriggerMode: Text
})

const summaryOf = (m: typeof SummaryMembers.Type): WorkflowSummary => ({
  arn: m.WorkflowArn,
  name: orNull(m.Name),
  version: orNull(m.WorkflowVersion),
  description: orNull(m.Description),
  status: orNull(m.WorkflowStatus),
  trigger_mode: orNull(m.TriggerMode),
  created_at: orNull(m.CreatedAt),
  modified_at: orNull(m.ModifiedAt)
})

const WorkflowMembers = Schema.Struct({
  ...SummaryMembers.fields,
  EngineVersion: Count,
  DefinitionS3Location: S3Location,
  ScheduleConfiguration: Schedule,
  RoleArn: Text,
  LoggingConfiguration: Schema.optional(Schema.Struct({ LogGroupName: Text })),
  EncryptionConfiguration: Schema.optional(Schema.Struct({ Type: Text, KmsKeyId: Text })),
  NetworkConfiguration: Schema.optional(
    Schema.Struct({
      SecurityGroupIds: Schema.optional(Schema.Array(Schema.String)),
      SubnetIds: Schema.optional(Schema.Array(Schema.String))
    })
  )
})

const workflowOf = (m: typeof WorkflowMembers.Type): Workflow => ({
  ...summaryOf(m),
  engine_version: orNull(m.EngineVersion),
  definition_location: locationOf(m.DefinitionS3Location),
  schedule: orNull(m.ScheduleConfiguration?.CronExpression),
  role_arn: orNull(m.RoleArn),
  log_group: orNull(m.LoggingConfiguration?.LogGroupName),
  encryption:
    m.EncryptionConfiguration === undefined
      ? null
      : { type: orNull(m.EncryptionConfiguration.Type), kms_key_id: orNull(m.EncryptionConfiguration.KmsKeyId) },
  network:
    m.NetworkConfiguration === undefined
      ? null
      : { security_group_ids: m.NetworkConfiguration.SecurityGroupIds ?? [], subnet_ids: m.NetworkConfiguration.SubnetIds ?? [] }
})

const VersionMembers = Schema.Struct({
  WorkflowVersion: Schema.String,
  IsLatestVersion: Schema.optional(Schema.Boolean),
  CreatedAt: Timestamp,
  ModifiedAt: Timestamp,
  DefinitionS3Location: S3Location,
  ScheduleConfiguration: Schedule,
  TriggerMode: Text
})

const versionOf = (m: typeof VersionMembers.Type): WorkflowVersion => ({
  version: m.WorkflowVersion,
  is_latest: orNull(m.IsLatestVersion),
  created_at: orNull(m.CreatedAt),
  modified_at: orNull(m.ModifiedAt),
  definition_location: locationOf(m.DefinitionS3Location),
  schedule: orNull(m.ScheduleConfiguration?.CronExpression),
  trigger_mode: orNull(m.TriggerMode)
})

const RunSummaryMembers = Schema.Struct({
  WorkflowArn: Schema.String,
  RunId: Schema.String,
  WorkflowVersion: Text,
  RunType: Text,
  RunDetailSummary: Schema.optional(Schema.Struct({ Status: Text, CreatedOn: Timestamp, StartedAt: Timestamp, EndedAt: Timestamp }))
})

const runSummaryOf = (m: typeof RunSummaryMembers.Type): WorkflowRunSummary => ({
  workflow_arn: m.WorkflowArn,
  run_id: m.RunId,
  version: orNull(m.WorkflowVersion),
  run_type: orNull(m.RunType),
  status: orNull(m.RunDetailSummary?.Status),
  created_at: orNull(m.RunDetailSummary?.CreatedOn),
  started_at: orNull(m.RunDetailSummary?.StartedAt),
  ended_at: orNull(m.RunDetailSummary?.EndedAt)
})

/** GetWorkflowRun: WorkflowArn and RunId are optional in the model; the ones asked for stand in. */
const RunMembers = Schema.Struct({
  WorkflowArn: Schema.String,
  RunId: Schema.String,
  WorkflowVersion: Text,
  RunType: Text,
  OverrideParameters: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  RunDetail: Schema.optional(
    Schema.Struct({
      WorkflowVersion: Text,
      StartedOn: Timestamp,
      CreatedAt: Timestamp,
      CompletedOn: Timestamp,
      ModifiedAt: Timestamp,
      Duration: Count,
      ErrorMessage: Text,
      TaskInstances: Schema.optional(Schema.Array(Schema.String)),
      RunState: Text
    })
  )
})

const runOf = (m: typeof RunMembers.Type): WorkflowRun => ({
  workflow_arn: m.WorkflowArn,
  run_id: m.RunId,
  version: orNull(m.WorkflowVersion ?? m.RunDetail?.WorkflowVersion),
  run_type: orNull(m.RunType),
  status: orNull(m.RunDetail?.RunState),
  created_at: orNull(m.RunDetail?.CreatedAt),
  started_at: orNull(m.RunDetail?.StartedOn),
  ended_at: orNull(m.RunDetail?.CompletedOn),
  modified_at: orNull(m.RunDetail?.ModifiedAt),
  duration_seconds: orNull(m.RunDetail?.Duration),
  error_message: orNull(m.RunDetail?.ErrorMessage),
  task_instance_ids: m.RunDetail?.TaskInstances ?? [],
  override_parameters: orNull(m.OverrideParameters)
})

const TaskSummaryMembers = Schema.Struct({
  WorkflowArn: Schema.String,
  RunId: Schema.String,
  TaskInstanceId: Schema.String,
  WorkflowVersion: Text,
  Status: Text,
  DurationInSeconds: Count,
  OperatorName: Text
})

const taskSummaryOf = (m: typeof TaskSummaryMembers.Type): WorkflowTaskSummary => ({
  workflow_arn: m.WorkflowArn,
  run_id: m.RunId,
  task_instance_id: m.TaskInstanceId,
  version: orNull(m.WorkflowVersion),
  status: orNull(m.Status),
  duration_seconds: orNull(m.DurationInSeconds),
  operator: orNull(m.OperatorName)
})

const TaskMembers = Schema.Struct({
  ...TaskSummaryMembers.fields,
  TaskId: Text,
  AttemptNumber: Count,
  StartedAt: Timestamp,
  EndedAt: Timestamp,
  ModifiedAt: Timestamp,
  ErrorMessage: Text,
  LogStream: Text,
  Xcom: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.String }))
})

const taskOf = (m: typeof TaskMembers.Type): WorkflowTask => ({
  ...taskSummaryOf(m),
  task_id: orNull(m.TaskId),
  attempt: orNull(m.AttemptNumber),
  started_at: orNull(m.StartedAt),
  ended_at: orNull(m.EndedAt),
  modified_at: orNull(m.ModifiedAt),
  error_message: orNull(m.ErrorMessage),
  log_stream: orNull(m.LogStream),
  xcom: orNull(m.Xcom)
})

const NextToken = Schema.Struct({ NextToken: Text })

/** A list answer: its items under `member`, each decoded, and the next token. */
const listing = <M, I>(member: string, item: Schema.Schema<M, I>, operation: string) => {
  const decode = decodeAnswer(Schema.Struct({ ...NextToken.fields, [member]: Schema.optional(Schema.Array(item)) }), operation)
  return (answer: unknown): Effect.Effect<{ readonly items: ReadonlyArray<M>; readonly next_token: string | null }, UnexpectedAnswer> =>
    Effect.map(decode(answer), (page) => ({
      items: ((page as Record<string, unknown>)[member] as ReadonlyArray<M> | undefined) ?? [],
      next_token: page.NextToken ?? null
    }))
}

const mapped =
  <M, A>(decode: (answer: unknown) => Effect.Effect<Listing<M>, UnexpectedAnswer>, f: (m: M) => A) =>
  (answer: unknown): Effect.Effect<Listing<A>, UnexpectedAnswer> =>
    Effect.map(decode(answer), (page) => ({ items: page.items.map(f), next_token: page.next_token }))

export const decodeWorkflows = mapped(listing("Workflows", SummaryMembers, "ListWorkflows"), summaryOf)
export const decodeWorkflow = (answer: unknown) => Effect.map(decodeAnswer(WorkflowMembers, "GetWorkflow")(answer), workflowOf)
export const decodeWorkflowVersions = mapped(listing("WorkflowVersions", VersionMembers, "ListWorkflowVersions"), versionOf)
export const decodeWorkflowRuns = mapped(listing("WorkflowRuns", RunSummaryMembers, "ListWorkflowRuns"), runSummaryOf)
export const decodeWorkflowRun = (answer: unknown) => Effect.map(decodeAnswer(RunMembers, "GetWorkflowRun")(answer), runOf)
export const decodeTaskInstances = mapped(listing("TaskInstances", TaskSummaryMembers, "ListTaskInstances"), taskSummaryOf)
export const decodeTaskInstance = (answer: unknown) => Effect.map(decodeAnswer(TaskMembers, "GetTaskInstance")(answer), taskOf)

export const decodeStartedRun = (answer: unknown) =>
  Effect.map(
    decodeAnswer(Schema.Struct({ RunId: Schema.String, Status: Text, StartedAt: Timestamp }), "StartWorkflowRun")(answer),
    (m) => ({ run_id: m.RunId, status: orNull(m.Status), started_at: orNull(m.StartedAt) })
  )

export const decodeStoppedRun = (answer: unknown) =>
  Effect.map(decodeAnswer(Schema.Struct({ RunId: Schema.String, Status: Text }), "StopWorkflowRun")(answer), (m) => ({
    run_id: m.RunId,
    status: orNull(m.Status)
  }))

/** StartWorkflowRun's input members from the port's request. */
export const startRunInput = (
  arn: string,
  request: {
    readonly client_token: string
    readonly version?: string | undefined
    readonly override_parameters?: Readonly<Record<string, unknown>> | undefined
  }
) => ({
  WorkflowArn: arn,
  ClientToken: request.client_token,
  ...(request.version === undefined ? {} : { WorkflowVersion: request.version }),
  ...(request.override_parameters === undefined ? {} : { OverrideParameters: { ...request.override_parameters } })
})
