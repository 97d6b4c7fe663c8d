import { Schema } from "effect"
import { WorkflowRunId, WorkflowTaskInstanceId } from "../domain/ids.js"
import { WORKFLOW_NAME } from "../domain/workflow-resolution.js"
import { idOf } from "./summary-text.js"

/** MWAA Serverless ids as a summary line may show them: by the rule of summary-text.ts, checked or not shown. */
export const workflowNameText = idOf(Schema.String.pipe(Schema.pattern(WORKFLOW_NAME)))
export const workflowRunIdText = idOf(WorkflowRunId)
export const workflowTaskIdText = idOf(WorkflowTaskInstanceId)
