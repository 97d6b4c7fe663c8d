import { type Answer, conflict, invalid, notFound, ok } from "./errors.js"
import { type Input, clientTokenProblems, overrideParametersProblems, versionIdProblems } from "./input-checks.js"
import { findRun, findWorkflow } from "./lookups.js"
import { TERMINAL_RUN_STATUSES } from "./seed-types.js"
import type { RunRecord, ServerlessState, WorkflowRecord } from "./state.js"

/** StartWorkflowRun (idempotent by ClientToken) and StopWorkflowRun. */

/** What a retry must repeat exactly for its ClientToken to answer the first call's run. */
const fingerprintOf = (input: Input) =>
  JSON.stringify({
    WorkflowArn: input["WorkflowArn"],
    WorkflowVersion: input["WorkflowVersion"] ?? null,
    OverrideParameters: input["OverrideParameters"] ?? null
  })

const startAnswer = (run: RunRecord): Answer => ok({ RunId: run.seed.runId, Status: run.status, StartedAt: run.seed.startedAt })

const newRun = (state: ServerlessState, workflow: WorkflowRecord, input: Input): RunRecord => {
  state.startedRuns += 1
  const now = state.now().toISOString()
  const stamp = now.replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")
  const runId = `manual-${stamp}-${String(state.startedRuns).padStart(4, "0")}`
  const version = (input["WorkflowVersion"] as string | undefined) ?? workflow.seed.versions.at(-1)?.version ?? ""
  const overrides = input["OverrideParameters"] as Readonly<Record<string, unknown>> | undefined
  const run: RunRecord = {
    seed: {
      runId,
      workflowVersion: version,
      runType: "ON_DEMAND",
      status: "STARTING",
      createdAt: now,
      startedAt: now,
      ...(overrides === undefined ? {} : { overrideParameters: overrides }),
      tasks: []
    },
    workflowVersion: version,
    status: "STARTING",
    modifiedAt: now,
    tasks: []
  }
  workflow.runs.set(runId, run)
  return run
}

/**
 * Starts an on-demand run (STARTING). A retry with the same ClientToken and the same input
 * answers the run the first call started, so a retried call never starts two runs; the same
 * token with another input is a ConflictException, as the token already names another request.
 */
export const startWorkflowRun = (state: ServerlessState, input: Input): Answer => {
  const lookup = findWorkflow(state, input, [
    ...clientTokenProblems(input),
    ...versionIdProblems(input),
    ...overrideParametersProblems(input)
  ])
  if ("answer" in lookup) return lookup.answer
  const workflow = lookup.found
  const token = input["ClientToken"] as string | undefined
  const earlier = token === undefined ? undefined : state.clientTokens.get(token)
  if (earlier !== undefined && token !== undefined) {
    if (earlier.fingerprint !== fingerprintOf(input)) {
      return conflict("WorkflowRun", earlier.runId, `ClientToken ${token} was already used with different parameters`)
    }
    const run = state.workflows.get(earlier.workflowArn)?.runs.get(earlier.runId)
    if (run !== undefined) return startAnswer(run)
  }
  if (workflow.seed.status !== "READY") {
    return invalid([{ name: "WorkflowArn", message: `Workflow ${workflow.arn} is ${workflow.seed.status}` }], "other")
  }
  const version = input["WorkflowVersion"] as string | undefined
  if (version !== undefined && !workflow.seed.versions.some((v) => v.version === version)) return notFound("WorkflowVersion", version)
  const run = newRun(state, workflow, input)
  if (token !== undefined)
    state.clientTokens.set(token, { fingerprint: fingerprintOf(input), workflowArn: workflow.arn, runId: run.seed.runId })
  return startAnswer(run)
}

/**
 * Asks a run to stop: a live run becomes STOPPING; stopping a STOPPING or STOPPED run again
 * answers its state (the operation is idempotent); a run that already ended otherwise is a
 * ValidationException (the model gives StopWorkflowRun no ConflictException).
 */
export const stopWorkflowRun = (state: ServerlessState, input: Input): Answer => {
  const lookup = findRun(state, input)
  if ("answer" in lookup) return lookup.answer
  const { workflow, run } = lookup.found
  if (TERMINAL_RUN_STATUSES.has(run.status) && run.status !== "STOPPED") {
    return invalid([{ name: "RunId", message: `Workflow run ${run.seed.runId} already ended in state ${run.status}` }], "other")
  }
  if (run.status !== "STOPPED" && run.status !== "STOPPING") {
    run.status = "STOPPING"
    run.modifiedAt = state.now().toISOString()
  }
  return ok({ WorkflowArn: workflow.arn, WorkflowVersion: run.workflowVersion, RunId: run.seed.runId, Status: run.status })
}
