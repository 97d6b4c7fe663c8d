import { Effect, Schema } from "effect"
import { getWorkflowTaskInstance, listWorkflowTaskInstances, MAX_TASK_DETAILS } from "../../domain/usecases/workflow-tasks.js"
import { WorkflowTaskAnswer } from "../../domain/workflow-model.js"
import { states, TASK_STATES } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { withWorkflow } from "../with-workflow.js"
import { run_id, task_instance_id, workflow } from "../workflow-fields.js"
import { flag, max_results, next_token } from "../workflow-read-fields.js"

/** TaskInstanceStatus in the service's model, for filters that need its words (CANCELLED, TIMEOUT). */
const SERVICE_TASK_STATUSES = [
  "QUEUED",
  "FAILED",
  "SCHEDULED",
  "RUNNING",
  "SUCCESS",
  "UP_FOR_RESCHEDULE",
  "UP_FOR_RETRY",
  "UPSTREAM_FAILED",
  "REMOVED",
  "RESTARTING",
  "DEFERRED",
  "NONE",
  "CANCELLED",
  "TIMEOUT"
] as const

/**
 * list-workflow-task-instances: a run's task instances, read like Airflow's; with task_instance_id,
 * that one task instance in detail (one tool, so an assistant has one place for task instances).
 */
export const listWorkflowTaskInstancesTool = readTool({
  name: "list-workflow-task-instances",
  title: "List an MWAA Serverless workflow run's task instances",
  description:
    "Lists a workflow run's task instances read like Airflow's: task instance id, state (Airflow's words), the service's " +
    "status, operator, duration. include_details: true adds each one's task id, attempt (try_number), dates, error message, " +
    `log stream and XCom, masked (at most ${MAX_TASK_DETAILS} per call). With task_instance_id: only that task instance, in ` +
    "detail (state, max_results and next_token are then not used). Filter by state (Airflow's states or the service's " +
    "statuses) on each page; paged: pass next_token. Next: get-workflow-task-logs with a failed task's task_instance_id, or " +
    "diagnose-workflow-run for the whole run.",
  input: Schema.Struct({
    workflow,
    run_id,
    task_instance_id: Schema.optional(task_instance_id),
    state: states("state", [...TASK_STATES, ...SERVICE_TASK_STATUSES]),
    include_details: flag("include_details", `true: each task instance's detail (GetTaskInstance, at most ${MAX_TASK_DETAILS}).`),
    max_results: max_results(100, 100),
    next_token
  }),
  output: Schema.Struct({
    workflow: Schema.String,
    run_id: Schema.String,
    task_instances: Schema.Array(WorkflowTaskAnswer),
    /** Task instances on the service's page, before the state filter. */
    listed: Schema.Number,
    details_shown: Schema.Number,
    details_limited: Schema.Boolean,
    next_token: Schema.NullOr(Schema.String)
  }),
  run: (i) =>
    withWorkflow(i.workflow, (wf) =>
      i.task_instance_id !== undefined
        ? Effect.map(getWorkflowTaskInstance(wf, i.run_id, i.task_instance_id), (task) => ({
            workflow: wf.name,
            run_id: i.run_id,
            task_instances: [task],
            listed: 1,
            details_shown: 1,
            details_limited: false,
            next_token: null
          }))
        : listWorkflowTaskInstances(wf, i.run_id, {
            states: i.state,
            max_results: i.max_results ?? 100,
            next_token: i.next_token,
            include_details: i.include_details === true
          })
    ),
  serverFields: ["next_token"],
  summarize: (o) => {
    const failed = o.task_instances.filter((t) => t.state === "failed")
    const first = failed[0]
    return (
      `${o.task_instances.length} task instance(s) of run ${o.run_id}${failed.length > 0 ? `, ${failed.length} failed` : ""}` +
      (o.details_shown > 0 ? ` (${o.details_shown} with details${o.details_limited ? `; details stop at ${MAX_TASK_DETAILS}` : ""})` : "") +
      (o.next_token !== null ? "; more with next_token." : ".") +
      (first !== undefined ? ` Next: get-workflow-task-logs with task_instance_id ${first.task_instance_id}.` : "")
    )
  }
})
