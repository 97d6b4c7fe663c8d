import { type Answer, notFound, ok } from "./errors.js"
import { type Input, taskInstanceIdProblems } from "./input-checks.js"
import { findRun } from "./lookups.js"
import { page } from "./pagination.js"
import type { SeedTaskInstance } from "./seed-types.js"
import type { ServerlessState } from "./state.js"

/** GetTaskInstance and ListTaskInstances: exactly the model's output members. */

const optional = <A>(member: string, value: A | undefined) => (value === undefined ? {} : { [member]: value })

const durationOf = (task: SeedTaskInstance): number | undefined =>
  task.startedAt === undefined || task.endedAt === undefined
    ? undefined
    : Math.round((Date.parse(task.endedAt) - Date.parse(task.startedAt)) / 1000)

/**
 * One task instance, with its error message and XCom as AWS stores them: unmasked. Masking
 * is the server's job, and the demo's secrets are there to prove it does it.
 */
export const getTaskInstance = (state: ServerlessState, input: Input): Answer => {
  const lookup = findRun(state, input, taskInstanceIdProblems(input))
  if ("answer" in lookup) return lookup.answer
  const { workflow, run } = lookup.found
  const id = input["TaskInstanceId"] as string
  const task = run.tasks.find((t) => t.taskInstanceId === id)
  if (task === undefined) return notFound("TaskInstance", id)
  return ok({
    WorkflowArn: workflow.arn,
    RunId: run.seed.runId,
    TaskInstanceId: task.taskInstanceId,
    WorkflowVersion: run.workflowVersion,
    Status: task.status,
    ...optional("DurationInSeconds", durationOf(task)),
    OperatorName: task.operatorName,
    ...optional("ModifiedAt", task.endedAt ?? task.startedAt),
    ...optional("EndedAt", task.endedAt),
    ...optional("StartedAt", task.startedAt),
    AttemptNumber: task.attemptNumber,
    ...optional("ErrorMessage", task.errorMessage),
    TaskId: task.taskId,
    ...optional("LogStream", task.logStream),
    ...optional("Xcom", task.xcom)
  })
}

/** A run's task instances in the run's order, paged. */
export const listTaskInstances = (state: ServerlessState, input: Input): Answer => {
  const lookup = findRun(state, input)
  if ("answer" in lookup) return lookup.answer
  const { workflow, run } = lookup.found
  return page(input, `tasks:${workflow.arn}:${run.seed.runId}`, run.tasks, "TaskInstances", (task) => ({
    WorkflowArn: workflow.arn,
    WorkflowVersion: run.workflowVersion,
    RunId: run.seed.runId,
    TaskInstanceId: task.taskInstanceId,
    Status: task.status,
    ...optional("DurationInSeconds", durationOf(task)),
    OperatorName: task.operatorName
  }))
}
