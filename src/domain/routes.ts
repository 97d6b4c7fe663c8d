import { Option } from "effect"
import type { RestMethod } from "../ports/AirflowApi.js"
import { fits, pathOf } from "./paths.js"

export { RouteUnfit } from "./route-choice.js"

/**
 * The route planner: for each operation and Airflow major version, the Airflow request. Reads
 * use the direct path when it fits in InvokeRestApi's 64-character Path, else Airflow's batch
 * endpoints (fixed short paths, ids in the body) where they serve the call exactly. Writes always
 * plan their direct path; route-choice.ts then sends it through InvokeRestApi or the webserver
 * (or refuses it, when the webserver route is off). Pure: no I/O, so it is property-tested.
 */

export type AirflowMajor = 2 | 3

export interface RestCall {
  readonly method: RestMethod
  readonly path: string
  readonly query?: Readonly<Record<string, unknown>> | undefined
  readonly body?: Readonly<Record<string, unknown>> | undefined
  /** A write that is safe to send twice (same effect, or a 409 that names the first one's result). */
  readonly idempotent?: boolean | undefined
}

export const compact = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))

/** Airflow 2 calls the logical date execution_date in filters and order_by. */
export const dateField = (v: AirflowMajor, field: "logical_date" | "execution_date") =>
  v === 2 && field === "logical_date" ? "execution_date" : v === 3 && field === "execution_date" ? "logical_date" : field

export const orderBy = (v: AirflowMajor, order: string | undefined): string | undefined => {
  if (order === undefined) return undefined
  const desc = order.startsWith("-")
  const field = desc ? order.slice(1) : order
  const mapped = field === "logical_date" || field === "execution_date" ? dateField(v, field) : field
  return (desc ? "-" : "") + mapped
}

// ---- DAGs ---------------------------------------------------------------------------

export interface ListDagsQuery {
  readonly limit: number
  readonly offset: number
  readonly paused?: boolean | undefined
  readonly dag_id_pattern?: string | undefined
  readonly tags?: ReadonlyArray<string> | undefined
  readonly order_by?: string | undefined
}

export const listDags = (q: ListDagsQuery): RestCall => ({
  method: "GET",
  path: "/dags",
  query: compact({
    limit: q.limit,
    offset: q.offset,
    paused: q.paused,
    dag_id_pattern: q.dag_id_pattern,
    tags: q.tags && q.tags.length > 0 ? q.tags : undefined,
    order_by: q.order_by
  })
})

/**
 * A DAG by id: GET /dags/{id} when it fits or long paths can be sent (the webserver route);
 * else the list filtered by dag_id_pattern, then matched exactly. That fallback is lossy:
 * dag_id_pattern is a substring (Airflow 3: LIKE) match, so a page of 100 DAGs whose ids contain
 * this one may not hold it; the direct path through the webserver is one exact call.
 */
export const getDag = (dagId: string, longPaths = false): { readonly call: RestCall; readonly exactMatchIn?: "dags" } => {
  const direct = pathOf("dags", dagId)
  return fits(direct) || longPaths
    ? { call: { method: "GET", path: direct } }
    : { call: { method: "GET", path: "/dags", query: { dag_id_pattern: dagId, limit: 100 } }, exactMatchIn: "dags" }
}

/**
 * Pause or unpause: PATCH /dags/{id}, whatever its length (a long one goes through the webserver).
 * PATCH /dags?dag_id_pattern= would touch every DAG whose id contains the pattern, so it is never used.
 */
export const setDagPaused = (dagId: string, isPaused: boolean): RestCall => ({
  method: "PATCH",
  path: pathOf("dags", dagId),
  // Airflow 2 requires update_mask to patch one field; Airflow 3 accepts it too.
  query: { update_mask: "is_paused" },
  body: { is_paused: isPaused },
  idempotent: true
})

/** DAG source over REST when its path fits: Airflow 2 by file_token, Airflow 3 by dag_id. */
export const dagSourceRest = (v: AirflowMajor, dagId: string, fileToken: string | null): Option.Option<RestCall> => {
  const key = v === 2 ? fileToken : dagId
  if (key === null) return Option.none()
  const path = pathOf("dagSources", key)
  return fits(path) ? Option.some({ method: "GET", path }) : Option.none()
}
