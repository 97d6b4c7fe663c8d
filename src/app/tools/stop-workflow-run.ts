import { Effect, Schema } from "effect"
import { requireConfirmation } from "../../domain/confirmation.js"
import { stopWorkflowRun } from "../../domain/usecases/workflow-writes.js"
import { writeTool } from "../tool-spec.js"
import { wordText, workflowNameText, workflowRunIdText } from "../summary-text.js"
import { withWorkflow } from "../with-workflow.js"
import { run_id, workflow } from "../workflow-fields.js"
import { WorkflowNextStep, workflowRunSteps } from "../workflow-run-steps.js"
import { stopWorkflowRunQuestion } from "./confirmation-questions.js"

/** stop-workflow-run: StopWorkflowRun on a run that has not ended, once confirmed (write, destructive). */
export const stopWorkflowRunTool = writeTool({
  name: "stop-workflow-run",
  title: "Stop an MWAA Serverless workflow run",
  description:
    "Stops a workflow run that has not ended (StopWorkflowRun): its running tasks are stopped and the run ends STOPPED. " +
    "Irreversible: a new run starts from the beginning. The run is read first; one that already ended (SUCCESS, FAILED, " +
    "TIMEOUT, STOPPED) is refused and nothing is sent. Only call it when the user asked to stop this run, and pass its " +
    "run_id again as confirm_run_id. Where the client can ask the user, the server asks them first, naming the run's " +
    "state and start, and their yes stands in for confirm_run_id. Requires --allow-write. Next: get-workflow-run until it is STOPPED.",
  destructive: true,
  // Stopping a stopping run answers its state again: a repeated call changes nothing more.
  idempotent: true,
  input: Schema.Struct({
    workflow,
    run_id,
    confirm_run_id: Schema.optional(
      Schema.String.annotations({
        description:
          "run_id again, exactly as given: a second, deliberate statement of which run is stopped. Needed unless the user " +
          "confirmed when the client asked them."
      })
    )
  }),
  output: Schema.Struct({
    workflow: Schema.String,
    workflow_arn: Schema.String,
    run_id: Schema.String,
    state: Schema.NullOr(Schema.String),
    status: Schema.NullOr(Schema.String),
    previous_state: Schema.NullOr(Schema.String),
    previous_status: Schema.NullOr(Schema.String),
    started_at: Schema.NullOr(Schema.String),
    next_steps: Schema.Array(WorkflowNextStep)
  }),
  confirmationQuestion: (i) => stopWorkflowRunQuestion(i.workflow, i.run_id),
  run: (i) =>
    withWorkflow(i.workflow, (wf) =>
      stopWorkflowRun(wf, i.run_id, requireConfirmation(i.run_id, i.confirm_run_id)).pipe(
        Effect.map((stopped) => ({ ...stopped, next_steps: workflowRunSteps(i.workflow, stopped.run_id, "stop").slice(0, 1) }))
      )
    ),
  summarize: (o) =>
    `Asked run ${workflowRunIdText(o.run_id)} of workflow ${workflowNameText(o.workflow)} to stop: ` +
    `${wordText(o.status, "no status")} (was ${wordText(o.previous_status, "no status")}).`
})
