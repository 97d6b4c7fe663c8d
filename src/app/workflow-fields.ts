import { Schema } from "effect"
import { WorkflowAddress, WorkflowRunId, WorkflowTaskInstanceId } from "../domain/ids.js"
import { WORKFLOW_ARN } from "../domain/workflow-resolution.js"

/** The parameters the workflow tools share, in MWAA Serverless's own names where Airflow has none. */

export const workflow = WorkflowAddress.pipe(
  // An ARN that is not a workflow's is refused here, naming the field, rather than looked up as a name.
  Schema.filter((s) => !s.startsWith("arn:") || WORKFLOW_ARN.test(s), {
    message: () =>
      "workflow is an ARN but not a workflow's: arn:aws:airflow-serverless:REGION:ACCOUNT:workflow/NAME-SUFFIX (from list-workflows)"
  })
).annotations({
  description:
    "MWAA Serverless workflow: its name (from list-workflows) or its ARN (arn:aws:airflow-serverless:REGION:ACCOUNT:workflow/NAME-SUFFIX)."
})
export const run_id = WorkflowRunId.annotations({ description: "Workflow run id (from list-workflow-runs)." })
export const task_instance_id = WorkflowTaskInstanceId.annotations({
  description: "Task instance id (from list-workflow-task-instances or get-workflow-run)."
})
