import { Effect } from "effect"
import { AppConfig } from "../../ports/AppConfig.js"
import { Workflows, type WorkflowTaskSummary } from "../../ports/Workflows.js"
import { runAnswerOf, taskAnswerOf, taskStateOf, type WorkflowTaskAnswer } from "../workflow-model.js"
import type { ResolvedWorkflow } from "../workflow-resolution.js"

/**
 * A workflow run with its task instances, and a run's task instances on their own: read like a
 * DAG run and its task instances. A run the service reports SUCCESS while one of its tasks FAILED
 * is flagged, never smoothed over.
 */

/** Task instances a run's answer carries at most (the service's largest page). */
export const RUN_TASKS_SHOWN = 100
/** GetTaskInstance calls for details: at most this many per answer, this many at a time. */
export const MAX_TASK_DETAILS = 25
const DETAIL_CONCURRENCY = 4

const FAILED_TASK_STATES: ReadonlySet<string> = new Set(["failed"])

/** The run (GetWorkflowRun) and its first task instances (ListTaskInstances), in one answer. */
export const getWorkflowRun = Effect.fnUntraced(function* (wf: ResolvedWorkflow, runId: string) {
  const workflows = yield* Workflows
  const { extraSensitiveNames } = yield* AppConfig
  const [run, tasks] = yield* Effect.all(
    [workflows.getRun(wf.arn, runId), workflows.listTasks(wf.arn, runId, { max_results: RUN_TASKS_SHOWN })],
    { concurrency: 2 }
  )
  const task_instances = tasks.items.map((t) => taskAnswerOf(wf.name, t, extraSensitiveNames))
  const failed = task_instances.filter((t) => t.state !== null && FAILED_TASK_STATES.has(t.state))
  return {
    ...runAnswerOf(wf.name, run, extraSensitiveNames),
    task_instances,
    more_task_instances: tasks.next_token !== null,
    failed_task_instance_ids: failed.map((t) => t.task_instance_id),
    succeeded_with_failed_tasks: run.status === "SUCCESS" && failed.length > 0
  }
})

export interface TaskListRequest {
  /** Airflow's task states (failed, upstream_failed ...) and the service's statuses (TIMEOUT, CANCELLED ...). */
  readonly states?: ReadonlyArray<string> | undefined
  readonly max_results: number
  readonly next_token?: string | undefined
  readonly include_details: boolean
}

const matchesStates = (states: ReadonlyArray<string> | undefined) => (t: WorkflowTaskSummary) => {
  if (states === undefined || states.length === 0) return true
  const state = taskStateOf(t.status) ?? "none"
  return states.includes(state) || (t.status !== null && states.includes(t.status))
}

/** The detail of one task instance (GetTaskInstance): attempt, error, log stream and XCom, masked. */
export const getWorkflowTaskInstance = Effect.fnUntraced(function* (wf: ResolvedWorkflow, runId: string, taskInstanceId: string) {
  const workflows = yield* Workflows
  const { extraSensitiveNames } = yield* AppConfig
  return taskAnswerOf(wf.name, yield* workflows.getTask(wf.arn, runId, taskInstanceId), extraSensitiveNames)
})

/**
 * One page of a run's task instances (the service's token passed through), filtered by state on
 * this page; with details, each task's GetTaskInstance (at most MAX_TASK_DETAILS, four at a time).
 */
export const listWorkflowTaskInstances = Effect.fnUntraced(function* (wf: ResolvedWorkflow, runId: string, request: TaskListRequest) {
  const workflows = yield* Workflows
  const { extraSensitiveNames } = yield* AppConfig
  const page = yield* workflows.listTasks(wf.arn, runId, { max_results: request.max_results, next_token: request.next_token })
  const listed = page.items.filter(matchesStates(request.states))
  const detailed = request.include_details ? listed.slice(0, MAX_TASK_DETAILS) : []
  const details = yield* Effect.forEach(detailed, (t) => workflows.getTask(wf.arn, runId, t.task_instance_id), {
    concurrency: DETAIL_CONCURRENCY
  })
  const task_instances: Array<WorkflowTaskAnswer> = listed.map((t, i) => taskAnswerOf(wf.name, details[i] ?? t, extraSensitiveNames))
  return {
    workflow: wf.name,
    run_id: runId,
    task_instances,
    listed: page.items.length,
    details_shown: details.length,
    details_limited: request.include_details && listed.length > MAX_TASK_DETAILS,
    next_token: page.next_token
  }
})
