import { type Answer, type FieldProblem, invalid, notFound } from "./errors.js"
import { type Input, runIdProblems, workflowArnProblems } from "./input-checks.js"
import type { RunRecord, ServerlessState, WorkflowRecord } from "./state.js"

/** A lookup answers the record, or the Answer (an error) the handler returns as is. */
export type Found<A> = { readonly found: A } | { readonly answer: Answer }

/** Checks the input's constraints first (ValidationException), then finds the workflow (ResourceNotFoundException). */
export const findWorkflow = (state: ServerlessState, input: Input, more: ReadonlyArray<FieldProblem> = []): Found<WorkflowRecord> => {
  const problems = [...workflowArnProblems(input), ...more]
  if (problems.length > 0) return { answer: invalid(problems) }
  const arn = input["WorkflowArn"] as string
  const workflow = state.workflows.get(arn)
  return workflow === undefined ? { answer: notFound("Workflow", arn) } : { found: workflow }
}

export const findRun = (
  state: ServerlessState,
  input: Input,
  more: ReadonlyArray<FieldProblem> = []
): Found<{ readonly workflow: WorkflowRecord; readonly run: RunRecord }> => {
  const workflow = findWorkflow(state, input, [...runIdProblems(input), ...more])
  if ("answer" in workflow) return workflow
  const runId = input["RunId"] as string
  const run = workflow.found.runs.get(runId)
  return run === undefined ? { answer: notFound("WorkflowRun", runId) } : { found: { workflow: workflow.found, run } }
}
