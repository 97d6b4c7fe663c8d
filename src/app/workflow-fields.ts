import { WorkflowAddress, WorkflowRunId, WorkflowTaskInstanceId } from "../domain/ids.js"

/** The parameters the workflow tools share, in MWAA Serverless's own names where Airflow has none. */

export const workflow = WorkflowAddress.annotations({
  description:
    "MWAA Serverless workflow: its name (from list-workflows) or its ARN (arn:aws:airflow-serverless:REGION:ACCOUNT:workflow/NAME-SUFFIX)."
})
export const run_id = WorkflowRunId.annotations({ description: "Workflow run id (from list-workflow-runs)." })
export const task_instance_id = WorkflowTaskInstanceId.annotations({
  description: "Task instance id (from list-workflow-task-instances or get-workflow-run)."
})
