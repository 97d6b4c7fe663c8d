import type { MetadataBearer } from "@smithy/types"
import { serverlessCommand } from "./command.js"
import { DATE_TIME, IDEMPOTENCY_TOKEN, NUMERIC, STRING, STRING_MAP } from "./schema.js"
import { ObjectMap, TaskInstanceSummaries, WorkflowRunDetail, WorkflowRunSummaries } from "./shapes.js"
import type { Page, Paged, TaskInstance, TaskInstanceSummary, WorkflowRunDetail as RunDetail, WorkflowRunSummary } from "./types.js"

/** Runs and their task instances: the reads, and the two writes (start, stop). */

export interface GetWorkflowRunCommandInput {
  readonly WorkflowArn: string
  readonly RunId: string
}
export interface GetWorkflowRunCommandOutput extends MetadataBearer {
  readonly WorkflowArn?: string | undefined
  readonly WorkflowVersion?: string | undefined
  readonly RunId?: string | undefined
  readonly RunType?: string | undefined
  readonly OverrideParameters?: Record<string, unknown> | undefined
  readonly RunDetail?: RunDetail | undefined
}

export class GetWorkflowRunCommand extends serverlessCommand<GetWorkflowRunCommandInput, GetWorkflowRunCommandOutput>(
  "GetWorkflowRun",
  { WorkflowArn: STRING, RunId: STRING },
  {
    WorkflowArn: STRING,
    WorkflowVersion: STRING,
    RunId: STRING,
    RunType: STRING,
    OverrideParameters: ObjectMap,
    RunDetail: WorkflowRunDetail
  }
) {}

export interface ListWorkflowRunsCommandInput extends Page {
  readonly WorkflowArn: string
  readonly WorkflowVersion?: string | undefined
}
export interface ListWorkflowRunsCommandOutput extends Paged {
  readonly WorkflowRuns?: Array<WorkflowRunSummary> | undefined
}

export class ListWorkflowRunsCommand extends serverlessCommand<ListWorkflowRunsCommandInput, ListWorkflowRunsCommandOutput>(
  "ListWorkflowRuns",
  { MaxResults: NUMERIC, NextToken: STRING, WorkflowArn: STRING, WorkflowVersion: STRING },
  { WorkflowRuns: WorkflowRunSummaries, NextToken: STRING }
) {}

export interface StartWorkflowRunCommandInput {
  readonly WorkflowArn: string
  /** Makes a retried start start one run; the SDK generates one when absent (the model's idempotencyToken). */
  readonly ClientToken?: string | undefined
  readonly OverrideParameters?: Record<string, unknown> | undefined
  readonly WorkflowVersion?: string | undefined
}
export interface StartWorkflowRunCommandOutput extends MetadataBearer {
  readonly RunId?: string | undefined
  readonly Status?: string | undefined
  readonly StartedAt?: Date | undefined
}

export class StartWorkflowRunCommand extends serverlessCommand<StartWorkflowRunCommandInput, StartWorkflowRunCommandOutput>(
  "StartWorkflowRun",
  { WorkflowArn: STRING, ClientToken: [STRING, IDEMPOTENCY_TOKEN], OverrideParameters: ObjectMap, WorkflowVersion: STRING },
  { RunId: STRING, Status: STRING, StartedAt: DATE_TIME }
) {}

export interface StopWorkflowRunCommandInput {
  readonly WorkflowArn: string
  readonly RunId: string
}
export interface StopWorkflowRunCommandOutput extends MetadataBearer {
  readonly WorkflowArn?: string | undefined
  readonly WorkflowVersion?: string | undefined
  readonly RunId?: string | undefined
  readonly Status?: string | undefined
}

export class StopWorkflowRunCommand extends serverlessCommand<StopWorkflowRunCommandInput, StopWorkflowRunCommandOutput>(
  "StopWorkflowRun",
  { WorkflowArn: STRING, RunId: STRING },
  { WorkflowArn: STRING, WorkflowVersion: STRING, RunId: STRING, Status: STRING }
) {}

export interface GetTaskInstanceCommandInput {
  readonly WorkflowArn: string
  readonly TaskInstanceId: string
  readonly RunId: string
}
export type GetTaskInstanceCommandOutput = TaskInstance & MetadataBearer

export class GetTaskInstanceCommand extends serverlessCommand<GetTaskInstanceCommandInput, GetTaskInstanceCommandOutput>(
  "GetTaskInstance",
  { WorkflowArn: STRING, TaskInstanceId: STRING, RunId: STRING },
  {
    WorkflowArn: STRING,
    RunId: STRING,
    TaskInstanceId: STRING,
    WorkflowVersion: STRING,
    Status: STRING,
    DurationInSeconds: NUMERIC,
    OperatorName: STRING,
    ModifiedAt: DATE_TIME,
    EndedAt: DATE_TIME,
    StartedAt: DATE_TIME,
    AttemptNumber: NUMERIC,
    ErrorMessage: STRING,
    TaskId: STRING,
    LogStream: STRING,
    Xcom: STRING_MAP
  }
) {}

export interface ListTaskInstancesCommandInput extends Page {
  readonly WorkflowArn: string
  readonly RunId: string
}
export interface ListTaskInstancesCommandOutput extends Paged {
  readonly TaskInstances?: Array<TaskInstanceSummary> | undefined
}

export class ListTaskInstancesCommand extends serverlessCommand<ListTaskInstancesCommandInput, ListTaskInstancesCommandOutput>(
  "ListTaskInstances",
  { WorkflowArn: STRING, RunId: STRING, MaxResults: NUMERIC, NextToken: STRING },
  { TaskInstances: TaskInstanceSummaries, NextToken: STRING }
) {}
