import type { MetadataBearer } from "@smithy/types"

/**
 * The operations' inputs and outputs as the model declares them. Timestamps arrive as Dates (the
 * protocol reads the model's date-time strings); status enums stay strings, so a status the service
 * adds later is still passed on.
 */

export interface DefinitionS3Location {
  readonly Bucket?: string | undefined
  readonly ObjectKey?: string | undefined
  readonly VersionId?: string | undefined
}

export interface ScheduleConfiguration {
  readonly CronExpression?: string | undefined
}

export interface WorkflowSummary {
  readonly WorkflowArn?: string | undefined
  readonly WorkflowVersion?: string | undefined
  readonly Name?: string | undefined
  readonly Description?: string | undefined
  readonly CreatedAt?: Date | undefined
  readonly ModifiedAt?: Date | undefined
  readonly WorkflowStatus?: string | undefined
  readonly TriggerMode?: string | undefined
}

export interface Workflow extends WorkflowSummary {
  readonly EncryptionConfiguration?: { readonly Type?: string | undefined; readonly KmsKeyId?: string | undefined } | undefined
  readonly LoggingConfiguration?: { readonly LogGroupName?: string | undefined } | undefined
  /** An intEnum in the model. */
  readonly EngineVersion?: number | undefined
  readonly DefinitionS3Location?: DefinitionS3Location | undefined
  readonly ScheduleConfiguration?: ScheduleConfiguration | undefined
  readonly RoleArn?: string | undefined
  readonly NetworkConfiguration?:
    | { readonly SecurityGroupIds?: Array<string> | undefined; readonly SubnetIds?: Array<string> | undefined }
    | undefined
  readonly WorkflowDefinition?: string | undefined
}

export interface WorkflowVersionSummary {
  readonly WorkflowVersion?: string | undefined
  readonly WorkflowArn?: string | undefined
  readonly IsLatestVersion?: boolean | undefined
  readonly CreatedAt?: Date | undefined
  readonly ModifiedAt?: Date | undefined
  readonly DefinitionS3Location?: DefinitionS3Location | undefined
  readonly ScheduleConfiguration?: ScheduleConfiguration | undefined
  readonly TriggerMode?: string | undefined
}

export interface WorkflowRunDetail {
  readonly WorkflowArn?: string | undefined
  readonly WorkflowVersion?: string | undefined
  readonly RunId?: string | undefined
  readonly RunType?: string | undefined
  readonly StartedOn?: Date | undefined
  readonly CreatedAt?: Date | undefined
  readonly CompletedOn?: Date | undefined
  readonly ModifiedAt?: Date | undefined
  readonly Duration?: number | undefined
  readonly ErrorMessage?: string | undefined
  readonly TaskInstances?: Array<string> | undefined
  readonly RunState?: string | undefined
}

export interface WorkflowRunSummary {
  readonly RunId?: string | undefined
  readonly WorkflowArn?: string | undefined
  readonly WorkflowVersion?: string | undefined
  readonly RunType?: string | undefined
  readonly RunDetailSummary?:
    | {
        readonly Status?: string | undefined
        readonly CreatedOn?: Date | undefined
        readonly StartedAt?: Date | undefined
        readonly EndedAt?: Date | undefined
      }
    | undefined
}

export interface TaskInstanceSummary {
  readonly WorkflowArn?: string | undefined
  readonly WorkflowVersion?: string | undefined
  readonly RunId?: string | undefined
  readonly TaskInstanceId?: string | undefined
  readonly Status?: string | undefined
  readonly DurationInSeconds?: number | undefined
  readonly OperatorName?: string | undefined
}

export interface TaskInstance extends TaskInstanceSummary {
  readonly ModifiedAt?: Date | undefined
  readonly EndedAt?: Date | undefined
  readonly StartedAt?: Date | undefined
  readonly AttemptNumber?: number | undefined
  readonly ErrorMessage?: string | undefined
  readonly TaskId?: string | undefined
  readonly LogStream?: string | undefined
  readonly Xcom?: Record<string, string> | undefined
}

/** A page request: MaxResults 1..100 (the service's default 20). */
export interface Page {
  readonly MaxResults?: number | undefined
  readonly NextToken?: string | undefined
}

export interface Paged extends MetadataBearer {
  readonly NextToken?: string | undefined
}
