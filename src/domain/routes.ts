import { Data, Either, Option } from "effect"
import type { RestMethod } from "../ports/MwaaGateway.js"
import { fits, MAX_PATH_LENGTH, pathOf } from "./paths.js"

/**
 * The route planner: for each operation and Airflow major version, the request real MWAA
 * accepts. The direct path when it fits in InvokeRestApi's 64-character Path; otherwise
 * Airflow's batch endpoints, whose fixed short paths take ids in the body; otherwise a
 * RouteUnfit error before anything is sent. Pure: no I/O, so it is property-tested.
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

/** No request real MWAA accepts can perform this operation for these ids. */
export class RouteUnfit extends Data.TaggedError("RouteUnfit")<{ readonly operation: string; readonly message: string }> {}

export const unfit = (operation: string, path: string, hint: string) =>
  Either.left(
    new RouteUnfit({
      operation,
      message:
        `${operation} cannot be sent through MWAA: its Airflow path is ${path.length} characters and ` +
        `InvokeRestApi accepts at most ${MAX_PATH_LENGTH}, and Airflow has no shorter endpoint for it. ${hint}`
    })
  )

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

export const listDags = (_v: AirflowMajor, q: ListDagsQuery): RestCall => ({
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

/** A DAG by id: GET /dags/{id}, or for a long id the list filtered by dag_id_pattern (then matched exactly). */
export const getDag = (_v: AirflowMajor, dagId: string): { readonly call: RestCall; readonly exactMatchIn?: "dags" } => {
  const direct = pathOf("dags", dagId)
  return fits(direct)
    ? { call: { method: "GET", path: direct } }
    : { call: { method: "GET", path: "/dags", query: { dag_id_pattern: dagId, limit: 100 } }, exactMatchIn: "dags" }
}

/** Pause or unpause. PATCH /dags?dag_id_pattern= would touch every DAG whose id contains the pattern, so it is never used. */
export const setDagPaused = (_v: AirflowMajor, dagId: string, isPaused: boolean): Either.Either<RestCall, RouteUnfit> => {
  const path = pathOf("dags", dagId)
  if (!fits(path)) return unfit(isPaused ? "pause-dag" : "unpause-dag", path, "Pause it in the Airflow UI instead.")
  return Either.right({
    method: "PATCH",
    path,
    // Airflow 2 requires update_mask to patch one field; Airflow 3 accepts it too.
    query: { update_mask: "is_paused" },
    body: { is_paused: isPaused },
    idempotent: true
  })
}

/** DAG source over REST when its path fits: Airflow 2 by file_token, Airflow 3 by dag_id. */
export const dagSourceRest = (v: AirflowMajor, dagId: string, fileToken: string | null): Option.Option<RestCall> => {
  const key = v === 2 ? fileToken : dagId
  if (key === null) return Option.none()
  const path = pathOf("dagSources", key)
  return fits(path) ? Option.some({ method: "GET", path }) : Option.none()
}
