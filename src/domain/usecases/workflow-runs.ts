import { Effect } from "effect"
import { AppConfig } from "../../ports/AppConfig.js"
import { Workflows, type WorkflowRunSummary } from "../../ports/Workflows.js"
import { runAnswerOf, runStateOf, type WorkflowRunAnswer } from "../workflow-model.js"
import type { ResolvedWorkflow } from "../workflow-resolution.js"
import { decodeRunToken, encodeRunToken, listingIdentity, type RunScanPosition } from "../workflow-run-token.js"

/**
 * A workflow's runs, filtered. The service lists them newest first in pages of at most 100, with
 * a version filter only: states and the time window are filtered here, over a bounded scan of
 * the service's pages per call, and a continuation token resumes the scan where it stopped.
 */

/** The service's largest page. */
export const RUN_PAGE_SIZE = 100
/** Service pages read per call at most: 500 runs scanned before the answer hands back a token. */
export const MAX_RUN_PAGES = 5

export interface RunFilters {
  readonly version?: string | undefined
  /** Airflow's run states (queued, running, success, failed) and the service's statuses (TIMEOUT, STOPPED ...): a run matching any. */
  readonly states?: ReadonlyArray<string> | undefined
  /** On the run's start, or its creation while it has not started. */
  readonly start_date_gte?: string | undefined
  readonly start_date_lte?: string | undefined
}

export interface RunListing {
  readonly workflow: string
  readonly runs: ReadonlyArray<WorkflowRunAnswer>
  /** Runs of the service read by this call (matching or not). */
  readonly scanned: number
  /** Where to resume: null once the workflow's last run was read. */
  readonly next_token: string | null
  /** True when the call stopped because it had read its share of pages, before finding max_results runs. */
  readonly scan_limited: boolean
}

const matcher = (filters: RunFilters) => {
  const wanted = filters.states === undefined || filters.states.length === 0 ? undefined : new Set(filters.states)
  const gte = filters.start_date_gte === undefined ? undefined : Date.parse(filters.start_date_gte)
  const lte = filters.start_date_lte === undefined ? undefined : Date.parse(filters.start_date_lte)
  return (run: WorkflowRunSummary): boolean => {
    if (wanted !== undefined) {
      const state = runStateOf(run.status)
      if (!(state !== null && wanted.has(state)) && !(run.status !== null && wanted.has(run.status))) return false
    }
    if (gte === undefined && lte === undefined) return true
    const at = run.started_at ?? run.created_at
    if (at === null) return false
    const t = Date.parse(at)
    return (gte === undefined || t >= gte) && (lte === undefined || t <= lte)
  }
}

export const listWorkflowRuns = Effect.fnUntraced(function* (
  wf: ResolvedWorkflow,
  filters: RunFilters,
  maxResults: number,
  nextToken: string | undefined
) {
  const workflows = yield* Workflows
  const { extraSensitiveNames } = yield* AppConfig
  const listing = listingIdentity([
    wf.arn,
    filters.version ?? "",
    [...(filters.states ?? [])].sort().join(","),
    filters.start_date_gte ?? "",
    filters.start_date_lte ?? ""
  ])
  let at: RunScanPosition = nextToken === undefined ? { page: null, skip: 0 } : yield* decodeRunToken(nextToken, listing)
  const matches = matcher(filters)
  const found: Array<WorkflowRunAnswer> = []
  let scanned = 0
  for (let pages = 0; pages < MAX_RUN_PAGES; pages++) {
    const page = yield* workflows.listRuns(wf.arn, {
      max_results: RUN_PAGE_SIZE,
      next_token: at.page ?? undefined,
      version: filters.version
    })
    for (let i = at.skip; i < page.items.length; i++) {
      const run = page.items[i] as WorkflowRunSummary
      scanned++
      if (!matches(run)) continue
      found.push(runAnswerOf(wf.name, run, extraSensitiveNames))
      if (found.length < maxResults) continue
      // Full: resume after this run, in this page or at the next one.
      const rest: RunScanPosition | null =
        i + 1 < page.items.length ? { page: at.page, skip: i + 1 } : page.next_token === null ? null : { page: page.next_token, skip: 0 }
      return answer(wf, found, scanned, rest, listing, false)
    }
    if (page.next_token === null) return answer(wf, found, scanned, null, listing, false)
    at = { page: page.next_token, skip: 0 }
  }
  return answer(wf, found, scanned, at, listing, true)
})

const answer = (
  wf: ResolvedWorkflow,
  runs: ReadonlyArray<WorkflowRunAnswer>,
  scanned: number,
  rest: RunScanPosition | null,
  listing: string,
  scanLimited: boolean
): RunListing => ({
  workflow: wf.name,
  runs,
  scanned,
  next_token: rest === null ? null : encodeRunToken(rest, listing),
  scan_limited: scanLimited
})
