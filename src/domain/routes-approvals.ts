import { fits, pathOf } from "./paths.js"
import { compact, type RestCall } from "./routes.js"

/**
 * Routes for human-in-the-loop requests (Airflow 3.1+). The list, GET /dags/{d}/dagRuns/{r}/hitlDetails,
 * takes "~" for every DAG or run (29 characters then); one request's own path,
 * /dags/{d}/dagRuns/{r}/taskInstances/{t}/{m}/hitlDetails, is 49 characters before its ids, so it
 * rarely fits InvokeRestApi's 64: it goes through the webserver then. Lists that do not fit and
 * cannot be sent use the "~" list narrowed by a dag_id_pattern, and the caller matches the ids exactly.
 */

export interface ApprovalFilters {
  readonly limit: number
  readonly offset: number
  /** false: only requests still waiting; true: only answered ones; undefined: both. */
  readonly response_received?: boolean | undefined
  readonly task_id?: string | undefined
  readonly map_index?: number | undefined
  /** Airflow's dag_id_pattern (SQL LIKE, "%" and "_" wildcards): only for the lossy fallback. */
  readonly dag_id_pattern?: string | undefined
}

const listPath = (dagId: string | undefined, runId: string | undefined) =>
  pathOf("dags", dagId ?? "~", "dagRuns", runId ?? "~", "hitlDetails")

const listCall = (path: string, f: ApprovalFilters): RestCall => ({
  method: "GET",
  path,
  query: compact({
    limit: f.limit,
    offset: f.offset,
    response_received: f.response_received,
    task_id: f.task_id,
    map_index: f.map_index,
    dag_id_pattern: f.dag_id_pattern,
    // Oldest first: the request that has waited longest is the one to answer first.
    order_by: "created_at"
  })
})

/**
 * The requests of one run, one DAG, or the whole environment. `exact` is false when the direct path
 * does not fit and cannot be sent (invoke mode): the call is then the "~" list narrowed by a
 * dag_id_pattern, whose answer the caller filters to the DAG and run exactly.
 */
export const listApprovals = (
  dagId: string | undefined,
  runId: string | undefined,
  f: ApprovalFilters,
  longPaths: boolean
): { readonly call: RestCall; readonly exact: boolean } => {
  const direct = listPath(dagId, runId)
  if (fits(direct) || longPaths) return { call: listCall(direct, f), exact: true }
  return { call: listCall(listPath(undefined, undefined), { ...f, dag_id_pattern: dagId }), exact: false }
}

/**
 * One task instance's request, by its own path: read just before it is answered, by the same path,
 * so it is only planned where the answer can be sent too (route-choice.ts).
 */
export const getApproval = (dagId: string, runId: string, taskId: string, mapIndex: number): RestCall => ({
  method: "GET",
  path: approvalPath(dagId, runId, taskId, mapIndex)
})

const approvalPath = (dagId: string, runId: string, taskId: string, mapIndex: number) =>
  pathOf("dags", dagId, "dagRuns", runId, "taskInstances", taskId, String(mapIndex), "hitlDetails")

export interface ApprovalAnswer {
  readonly chosen_options: ReadonlyArray<string>
  readonly params_input?: Readonly<Record<string, unknown>> | undefined
}

/**
 * PATCH …/{t}/{m}/hitlDetails, whatever its length (a long one goes through the webserver). Not
 * idempotent: Airflow answers a second PATCH with 409, which would read as a refusal of the first.
 */
export const answerApproval = (dagId: string, runId: string, taskId: string, mapIndex: number, answer: ApprovalAnswer): RestCall => ({
  method: "PATCH",
  path: approvalPath(dagId, runId, taskId, mapIndex),
  body: compact({ chosen_options: answer.chosen_options, params_input: answer.params_input })
})
