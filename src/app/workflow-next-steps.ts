import type { WorkflowNextStep } from "../domain/usecases/diagnose-workflow.js"
import type { WordedStep } from "./next-steps.js"

/** diagnose-workflow-run's next steps in the catalogue's words: suggestions, each a tool call as it can be made. */
export const wordWorkflowStep = (step: WorkflowNextStep): WordedStep => {
  switch (step.next) {
    case "read-workflow-task-log":
      return {
        tool: "get-workflow-task-logs",
        arguments: {
          workflow: step.workflow,
          run_id: step.run_id,
          task_instance_id: step.task_instance_id,
          // The log's warnings and errors with a little context: what a failure's cause usually sits among.
          level: "warning",
          context_lines: 2
        },
        why: "Suggested: the warnings and errors of the log of the first task that failed."
      }
    case "read-workflow-definition":
      return {
        tool: "get-workflow-definition",
        arguments: { workflow: step.workflow, ...(step.version === null ? {} : { version: step.version }) },
        why: "Suggested: the workflow definition (YAML) the run used, to check the failed task's configuration."
      }
    case "rerun-workflow":
      return {
        tool: "start-workflow-run",
        arguments: { workflow: step.workflow },
        why: "Suggested once the cause is fixed: starts a new run of the workflow (needs --allow-write)."
      }
    case "list-workflow-run-tasks":
      return {
        tool: "list-workflow-task-instances",
        arguments: { workflow: step.workflow, run_id: step.run_id },
        why: "Suggested: every task instance of the run and its state."
      }
    case "read-workflow":
      return {
        tool: "get-workflow",
        arguments: { workflow: step.workflow },
        why: "Suggested: the workflow has no runs yet: its schedule and versions."
      }
  }
}
