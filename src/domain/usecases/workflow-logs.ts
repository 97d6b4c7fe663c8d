import { Effect, Option } from "effect"
import { MwaaError } from "../../ports/MwaaError.js"
import { type WorkflowTask, Workflows } from "../../ports/Workflows.js"
import { logIdentity } from "../log-cursor.js"
import { linesFromCloudWatchMessage } from "../log-lines.js"
import { READ_WORKFLOW_TASK_LOG } from "../log-token.js"
import { taskStateOf } from "../workflow-model.js"
import type { ResolvedWorkflow } from "../workflow-resolution.js"
import type { TaskLogSource } from "./task-log-source.js"
import { findLogError, type LogReadRequest, readLogAnswer } from "./task-logs.js"

/**
 * A workflow task's log (MWAA Serverless): the stream GetTaskInstance names, in the log group of
 * the workflow version the task ran, read as one more TaskLogSource, so the tail, the filters,
 * the error excerpt, the continuation tokens and their bounds are get-task-logs' own.
 */

export interface WorkflowTaskLogsRequest extends LogReadRequest {
  readonly run_id: string
  readonly task_instance_id: string
}

/** Why a task has no stream yet, in words that say what to do instead. */
const noStreamMessage = (task: WorkflowTask): string => {
  const where = `Task instance ${task.task_instance_id} of run ${task.run_id}`
  const state = taskStateOf(task.status)
  return state === "upstream_failed"
    ? `${where} has no log: it did not run because a task upstream of it failed. Read the failed upstream task's log instead.`
    : `${where} has no log stream yet (status ${task.status ?? "unknown"}): it has not started. Read its log once it runs.`
}

/**
 * The log of one task instance's latest attempt: its stream in the log group of the version the
 * task ran (GetWorkflow at that version), each page read under the retry policy of every read.
 */
export const openWorkflowTaskLog = Effect.fnUntraced(function* (workflow: ResolvedWorkflow, task: WorkflowTask) {
  const workflows = yield* Workflows
  const stream = task.log_stream
  if (stream === null || stream.length === 0) {
    return yield* new MwaaError({ reason: "NotFound", operation: READ_WORKFLOW_TASK_LOG, message: noStreamMessage(task) })
  }
  const group = (yield* workflows.get(workflow.arn, task.version ?? undefined)).log_group
  if (group === null || group.length === 0) {
    return yield* new MwaaError({
      reason: "NotFound",
      operation: READ_WORKFLOW_TASK_LOG,
      message: `Workflow ${workflow.name} names no CloudWatch log group (LoggingConfiguration), so its task logs cannot be read.`
    })
  }
  const log: TaskLogSource = {
    source: "cloudwatch",
    stream,
    fetch: (page, pageEvents) =>
      Effect.map(workflows.readLogBackward(group, stream, page, pageEvents), (read) => ({
        events: read.messages.map(linesFromCloudWatchMessage),
        older: Option.fromNullable(read.older)
      }))
  }
  return log
})

/** Whose log a continuation token reads: this workflow, run, task instance and attempt only. */
const identityOf = (workflow: ResolvedWorkflow, task: WorkflowTask) =>
  logIdentity(["workflow", workflow.arn, task.run_id, task.task_instance_id, task.attempt ?? 0])

export const getWorkflowTaskLogs = Effect.fnUntraced(function* (workflow: ResolvedWorkflow, req: WorkflowTaskLogsRequest) {
  const workflows = yield* Workflows
  const task = yield* workflows.getTask(workflow.arn, req.run_id, req.task_instance_id)
  const read = yield* readLogAnswer(identityOf(workflow, task), openWorkflowTaskLog(workflow, task), req)
  return {
    workflow: workflow.name,
    run_id: task.run_id,
    task_instance_id: task.task_instance_id,
    task_id: task.task_id,
    try_number: task.attempt,
    state: taskStateOf(task.status),
    status: task.status,
    ...read
  }
})

/** The error a failed task's log ends with, from its newest pages (at most maxPages): None when they hold none. */
export const findWorkflowTaskError = (workflow: ResolvedWorkflow, task: WorkflowTask, maxPages: number) =>
  Effect.flatMap(openWorkflowTaskLog(workflow, task), (log) => findLogError(log, maxPages))
