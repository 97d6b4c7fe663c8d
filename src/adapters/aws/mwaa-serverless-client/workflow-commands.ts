import { DATE_TIME, NUMERIC, STRING } from "./schema.js"
import { WorkflowFields, WorkflowSummaries, WorkflowVersionSummaries } from "./shapes.js"
import { serverlessCommand } from "./command.js"
import type { Page, Paged, Workflow, WorkflowSummary, WorkflowVersionSummary } from "./types.js"

/** The workflow reads: one workflow (optionally at a version), the account's workflows, a workflow's versions. */

export interface GetWorkflowCommandInput {
  readonly WorkflowArn: string
  readonly WorkflowVersion?: string | undefined
}
export type GetWorkflowCommandOutput = Workflow & Paged

export class GetWorkflowCommand extends serverlessCommand<GetWorkflowCommandInput, GetWorkflowCommandOutput>(
  "GetWorkflow",
  { WorkflowArn: STRING, WorkflowVersion: STRING },
  {
    WorkflowArn: STRING,
    WorkflowVersion: STRING,
    Name: STRING,
    Description: STRING,
    CreatedAt: DATE_TIME,
    ModifiedAt: DATE_TIME,
    EncryptionConfiguration: WorkflowFields.EncryptionConfiguration,
    LoggingConfiguration: WorkflowFields.LoggingConfiguration,
    EngineVersion: NUMERIC,
    WorkflowStatus: STRING,
    DefinitionS3Location: WorkflowFields.DefinitionS3Location,
    ScheduleConfiguration: WorkflowFields.ScheduleConfiguration,
    RoleArn: STRING,
    NetworkConfiguration: WorkflowFields.NetworkConfiguration,
    TriggerMode: STRING,
    WorkflowDefinition: STRING
  }
) {}

export type ListWorkflowsCommandInput = Page
export interface ListWorkflowsCommandOutput extends Paged {
  readonly Workflows?: Array<WorkflowSummary> | undefined
}

export class ListWorkflowsCommand extends serverlessCommand<ListWorkflowsCommandInput, ListWorkflowsCommandOutput>(
  "ListWorkflows",
  { MaxResults: NUMERIC, NextToken: STRING },
  { Workflows: WorkflowSummaries, NextToken: STRING }
) {}

export interface ListWorkflowVersionsCommandInput extends Page {
  readonly WorkflowArn: string
}
export interface ListWorkflowVersionsCommandOutput extends Paged {
  readonly WorkflowVersions?: Array<WorkflowVersionSummary> | undefined
}

export class ListWorkflowVersionsCommand extends serverlessCommand<ListWorkflowVersionsCommandInput, ListWorkflowVersionsCommandOutput>(
  "ListWorkflowVersions",
  { MaxResults: NUMERIC, NextToken: STRING, WorkflowArn: STRING },
  { WorkflowVersions: WorkflowVersionSummaries, NextToken: STRING }
) {}
