import { fits, pathOf } from "./paths.js"
import { compact, type RestCall } from "./routes.js"

/**
 * Routes for the XCom entries of one task instance. Its own list path carries all three ids
 * ("/dags/{dag}/dagRuns/{run}/taskInstances/{task}/xcomEntries" is 42 characters without them), so
 * it rarely fits InvokeRestApi's 64. Airflow 3.1+ takes "~" for the ids with SQL LIKE pattern
 * filters (run_id_pattern, task_id_pattern): a short path whose answer holds every entry of the
 * task instance among others, matched exactly by the caller. Elsewhere the direct path goes
 * through the webserver route. Pure: no I/O.
 */

export interface XcomTaskInstance {
  readonly dagId: string
  readonly runId: string
  readonly taskId: string
  readonly mapIndex: number
}

/** How one page of entries is read: the task instance's own list, or the `~` list matched exactly here. */
export type XcomListPlan =
  | { readonly kind: "direct"; readonly path: string }
  | { readonly kind: "pattern"; readonly path: string; readonly runPattern: string; readonly taskPattern: string }

export interface XcomRouteOptions {
  /** Airflow 3.1 or later: the list takes pattern filters. */
  readonly patterns: boolean
  /** Every call goes through the webserver: the direct path is then one exact call. */
  readonly webserverOnly: boolean
}

/** The pattern page size: Airflow's largest. */
export const XCOM_PATTERN_PAGE = 100

const directListPath = (t: XcomTaskInstance) => pathOf("dags", t.dagId, "dagRuns", t.runId, "taskInstances", t.taskId, "xcomEntries")

/**
 * An id as a LIKE pattern that matches at least the id itself: `%` and `_` in it are wildcards and
 * only widen the match, and Airflow compares case-insensitively, which widens it too. A `|` (Airflow
 * reads it as OR, trimming each side) or a backslash (PostgreSQL's escape) could narrow it: such an
 * id takes the direct path. Airflow's id rules admit neither; the check keeps the rule local.
 */
export const patternFor = (id: string): string | undefined => (/[|\\]/.test(id) || id.trim() !== id ? undefined : id)

export const planXcomList = (t: XcomTaskInstance, options: XcomRouteOptions): XcomListPlan => {
  const direct = directListPath(t)
  if (fits(direct) || options.webserverOnly || !options.patterns) return { kind: "direct", path: direct }
  const runPattern = patternFor(t.runId)
  const taskPattern = patternFor(t.taskId)
  if (runPattern === undefined || taskPattern === undefined) return { kind: "direct", path: direct }
  // The DAG id stays in the path when it fits: an exact filter Airflow applies itself.
  const withDag = pathOf("dags", t.dagId, "dagRuns", "~", "taskInstances", "~", "xcomEntries")
  return { kind: "pattern", path: fits(withDag) ? withDag : "/dags/~/dagRuns/~/taskInstances/~/xcomEntries", runPattern, taskPattern }
}

/**
 * One page of the list the plan names: the tool's own page on the direct path; on the pattern list a
 * page of look-alikes the caller reads to its end and matches exactly, so the tool's page is cut there.
 */
export const xcomListCall = (
  t: XcomTaskInstance,
  plan: XcomListPlan,
  key: string | undefined,
  page: { readonly limit: number; readonly offset: number }
): RestCall => ({
  method: "GET",
  path: plan.path,
  query: compact({
    map_index: t.mapIndex,
    xcom_key: key,
    limit: page.limit,
    offset: page.offset,
    ...(plan.kind === "pattern" ? { run_id_pattern: plan.runPattern, task_id_pattern: plan.taskPattern } : {})
  })
})

/** The direct list path, for the caller that gives up on patterns (too many entries look alike). */
export const directXcomList = (t: XcomTaskInstance): XcomListPlan => ({ kind: "direct", path: directListPath(t) })

/**
 * One entry with its value. Airflow has no short form of it: a path over 64 characters goes
 * through the webserver. `stringify: false` asks for the value as stored (Airflow 2.10+ stringifies
 * by default, into Python's str(); before 2.10 the parameter does not exist and is not sent).
 */
export const xcomEntryCall = (t: XcomTaskInstance, key: string, stringifyParameter: boolean): RestCall => ({
  method: "GET",
  path: pathOf("dags", t.dagId, "dagRuns", t.runId, "taskInstances", t.taskId, "xcomEntries", key),
  query: compact({ map_index: t.mapIndex, stringify: stringifyParameter ? false : undefined })
})
