import { type Answer, ok } from "./errors.js"
import { type Input, versionIdProblems } from "./input-checks.js"
import { findRun, findWorkflow } from "./lookups.js"
import { page } from "./pagination.js"
import { type RunRecord, type ServerlessState, type WorkflowRecord, runsNewestFirst } from "./state.js"

/** GetWorkflowRun and ListWorkflowRuns: exactly the model's output members; times ISO-8601 (`date-time`). */

const durationOf = (run: RunRecord): number | undefined => {
  const { startedAt, endedAt } = run.seed
  return startedAt === undefined || endedAt === undefined ? undefined : Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 1000)
}

const optional = <A>(member: string, value: A | undefined) => (value === undefined ? {} : { [member]: value })

/** WorkflowRunDetail. A run reported SUCCESS may still list a FAILED task: the fake keeps both, as AWS reported them. */
const detailOf = (workflow: WorkflowRecord, run: RunRecord) => ({
  WorkflowArn: workflow.arn,
  WorkflowVersion: run.workflowVersion,
  RunId: run.seed.runId,
  RunType: run.seed.runType,
  ...optional("StartedOn", run.seed.startedAt),
  CreatedAt: run.seed.createdAt,
  ...optional("CompletedOn", run.seed.endedAt),
  ModifiedAt: run.modifiedAt,
  ...optional("Duration", durationOf(run)),
  ...optional("ErrorMessage", run.seed.errorMessage),
  TaskInstances: run.tasks.map((task) => task.taskInstanceId),
  RunState: run.status
})

export const getWorkflowRun = (state: ServerlessState, input: Input): Answer => {
  const lookup = findRun(state, input)
  if ("answer" in lookup) return lookup.answer
  const { workflow, run } = lookup.found
  return ok({
    WorkflowArn: workflow.arn,
    WorkflowVersion: run.workflowVersion,
    RunId: run.seed.runId,
    RunType: run.seed.runType,
    ...optional("OverrideParameters", run.seed.overrideParameters),
    RunDetail: detailOf(workflow, run)
  })
}

/** A workflow's runs, newest first, paged; the model's one filter is WorkflowVersion. */
export const listWorkflowRuns = (state: ServerlessState, input: Input): Answer => {
  const lookup = findWorkflow(state, input, versionIdProblems(input))
  if ("answer" in lookup) return lookup.answer
  const workflow = lookup.found
  const version = input["WorkflowVersion"] as string | undefined
  const runs = runsNewestFirst(workflow).filter((run) => version === undefined || run.workflowVersion === version)
  // The filter is part of the listing, so a token of the unfiltered listing is not reused for a filtered one.
  return page(input, `runs:${workflow.arn}:${version ?? ""}`, runs, "WorkflowRuns", (run) => ({
    RunId: run.seed.runId,
    WorkflowArn: workflow.arn,
    WorkflowVersion: run.workflowVersion,
    RunType: run.seed.runType,
    RunDetailSummary: {
      Status: run.status,
      CreatedOn: run.seed.createdAt,
      ...optional("StartedAt", run.seed.startedAt),
      ...optional("EndedAt", run.seed.endedAt)
    }
  }))
}
