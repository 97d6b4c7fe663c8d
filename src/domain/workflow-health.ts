import type { WorkflowRunSummary, WorkflowSummary } from "../ports/Workflows.js"
import { utf8Length } from "./bound-size.js"
import { WORKFLOW_KIND } from "./workflow-kind.js"
import { runStateOf } from "./workflow-model.js"
import { readWorkflowArn } from "./workflow-resolution.js"

/**
 * MWAA Serverless workflows in a fleet's health: each one's latest run, read like a DAG run's
 * state, and flagged when it failed. Pure: the app lists the workflows, reads each one's latest run
 * and words the answer; this picks which to check, ranks them worst first and bounds them.
 */

/** Workflows whose latest run is read in one health check, at most: one ListWorkflowRuns each. */
export const MAX_CHECKED_WORKFLOWS = 50

/** A workflow's latest run as the health answer shows it. */
export interface LatestRun {
  readonly run_id: string
  /** Airflow's state name (failed, running, success ...). */
  readonly state: string | null
  /** The service's own word (FAILED, TIMEOUT, STOPPED ...). */
  readonly status: string | null
  readonly start_date: string | null
  readonly end_date: string | null
}

export interface WorkflowHealthEntry {
  readonly kind: typeof WORKFLOW_KIND
  readonly name: string
  readonly arn: string
  readonly region: string | null
  readonly account: string | null
  /** True when the latest run failed (failed, timed out or stopped). */
  readonly flagged: boolean
  /** Null when the workflow never ran, or its runs could not be read (error). */
  readonly latest_run: LatestRun | null
  readonly error: string | null
}

/** One workflow's entry from its latest run (undefined: it never ran) or why its runs could not be read. */
export const workflowHealthOf = (
  workflow: WorkflowSummary,
  latest: { readonly run: WorkflowRunSummary | undefined } | { readonly error: string }
): WorkflowHealthEntry => {
  const fromArn = readWorkflowArn(workflow.arn)
  const where = {
    kind: WORKFLOW_KIND,
    name: workflow.name ?? fromArn?.name ?? workflow.arn,
    arn: workflow.arn,
    region: fromArn?.region ?? null,
    account: fromArn?.account ?? null
  }
  if ("error" in latest) return { ...where, flagged: false, latest_run: null, error: latest.error }
  const run = latest.run
  if (run === undefined) return { ...where, flagged: false, latest_run: null, error: null }
  const state = runStateOf(run.status)
  return {
    ...where,
    flagged: state === "failed",
    latest_run: { run_id: run.run_id, state, status: run.status, start_date: run.started_at, end_date: run.ended_at },
    error: null
  }
}

/** Failed first, then those whose runs could not be read, then running or queued, then the rest; by ARN within. */
const rankOf = (e: WorkflowHealthEntry): number =>
  e.flagged ? 0 : e.error !== null ? 1 : e.latest_run?.state === "running" || e.latest_run?.state === "queued" ? 2 : 3

export const worstWorkflowsFirst = (entries: ReadonlyArray<WorkflowHealthEntry>): ReadonlyArray<WorkflowHealthEntry> =>
  [...entries].sort((a, b) => rankOf(a) - rankOf(b) || (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0))

/**
 * The workflows to check when there are more than `max`: taken in turn from each reach's list (each
 * by name), so no region or account is left out because another has many.
 */
export const workflowsToCheck = <W extends WorkflowSummary>(
  perReach: ReadonlyArray<ReadonlyArray<W>>,
  max: number = MAX_CHECKED_WORKFLOWS
): { readonly chosen: ReadonlyArray<W>; readonly unchecked: number } => {
  const byName = (a: W, b: W) => ((a.name ?? a.arn) < (b.name ?? b.arn) ? -1 : (a.name ?? a.arn) > (b.name ?? b.arn) ? 1 : 0)
  // A workflow two reaches of one account and region both list is checked once, through the first.
  const seen = new Set<string>()
  const queues = perReach.map((list) =>
    [...list].sort(byName).filter((w) => {
      if (seen.has(w.arn)) return false
      seen.add(w.arn)
      return true
    })
  )
  const total = queues.reduce((n, q) => n + q.length, 0)
  const chosen: Array<W> = []
  for (let i = 0; chosen.length < Math.min(max, total); i++) {
    for (const queue of queues) {
      const next = queue[i]
      if (next !== undefined && chosen.length < max) chosen.push(next)
    }
  }
  return { chosen, unchecked: total - chosen.length }
}

/** The entries, worst first, as many as fit `maxBytes` of JSON; the healthiest are left out first, and counted. */
export const fitWorkflows = (
  entries: ReadonlyArray<WorkflowHealthEntry>,
  maxBytes: number
): { readonly entries: ReadonlyArray<WorkflowHealthEntry>; readonly omitted: number } => {
  const ranked = worstWorkflowsFirst(entries)
  let kept = ranked.length
  while (kept > 0 && utf8Length(JSON.stringify(ranked.slice(0, kept))) > maxBytes) kept--
  return { entries: ranked.slice(0, kept), omitted: ranked.length - kept }
}
