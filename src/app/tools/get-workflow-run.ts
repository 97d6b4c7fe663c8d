import { Schema } from "effect"
import { getWorkflowRun } from "../../domain/usecases/workflow-tasks.js"
import { WorkflowRunAnswer, WorkflowTaskAnswer } from "../../domain/workflow-model.js"
import { readTool } from "../tool-spec.js"
import { withWorkflow } from "../with-workflow.js"
import { run_id, workflow } from "../workflow-fields.js"

/** get-workflow-run: one run, read like a DAG run, with its task instances. */
export const getWorkflowRunTool = readTool({
  name: "get-workflow-run",
  title: "Get an MWAA Serverless workflow run",
  description:
    "Returns one workflow run read like a DAG run (state in Airflow's words, the service's status, dates, duration, masked " +
    "conf, the run's error message) with its task instances (state, operator, duration; up to 100). A run the service " +
    "reports SUCCESS while a task FAILED is flagged (succeeded_with_failed_tasks). Next: diagnose-workflow-run for a failed " +
    "run (errors and log excerpts in one call); list-workflow-task-instances with include_details or a task_instance_id " +
    "for a task's attempt, error message, log stream and XCom.",
  input: Schema.Struct({ workflow, run_id }),
  output: Schema.Struct({
    ...WorkflowRunAnswer.fields,
    task_instances: Schema.Array(WorkflowTaskAnswer),
    more_task_instances: Schema.Boolean,
    failed_task_instance_ids: Schema.Array(Schema.String),
    succeeded_with_failed_tasks: Schema.Boolean
  }),
  run: (i) => withWorkflow(i.workflow, (wf) => getWorkflowRun(wf, i.run_id)),
  summarize: (o) => {
    const state = `Run ${o.run_id} of ${o.workflow}: ${o.state ?? "state unknown"}${o.status !== null ? ` (${o.status})` : ""}`
    const tasks = `${o.task_instances.length}${o.more_task_instances ? "+" : ""} task instance(s)`
    const failed = o.failed_task_instance_ids.length
    if (o.succeeded_with_failed_tasks) {
      return (
        `${state}, but ${failed} task instance(s) FAILED: ${o.failed_task_instance_ids.join(", ")}; the service reports the run ` +
        `as succeeded anyway. ${tasks}. Next: diagnose-workflow-run with this run_id to see why they failed.`
      )
    }
    return (
      `${state}; ${tasks}${failed > 0 ? `, ${failed} failed` : ""}.` +
      (o.state === "failed" ? " Next: diagnose-workflow-run with this run_id for the failed tasks' errors and logs." : "")
    )
  }
})
