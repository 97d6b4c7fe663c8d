import { Option } from "effect"
import { DAG_RUNS_BATCH_PATH, fits, pathOf } from "./paths.js"
import { type AirflowMajor, compact, dateField, orderBy, type RestCall } from "./routes.js"

/** Routes for DAG runs. A run's own path rarely fits 64 characters, so reads go through the runs list. */

export interface DagRunFilters {
  readonly limit: number
  readonly offset: number
  readonly state?: ReadonlyArray<string> | undefined
  readonly logical_date_gte?: string | undefined
  readonly logical_date_lte?: string | undefined
  readonly start_date_gte?: string | undefined
  readonly start_date_lte?: string | undefined
  readonly end_date_gte?: string | undefined
  readonly end_date_lte?: string | undefined
  /** A field of the run, "-" prefixed for descending; logical_date is renamed for Airflow 2. */
  readonly order_by?: string | undefined
}

const dateFilters = (v: AirflowMajor, f: DagRunFilters) => ({
  [`${dateField(v, "logical_date")}_gte`]: f.logical_date_gte,
  [`${dateField(v, "logical_date")}_lte`]: f.logical_date_lte,
  start_date_gte: f.start_date_gte,
  start_date_lte: f.start_date_lte,
  end_date_gte: f.end_date_gte,
  end_date_lte: f.end_date_lte
})

/**
 * Runs of one DAG (GET /dags/{id}/dagRuns when it fits) or of every DAG / a DAG with a long id
 * (POST /dags/~/dagRuns/list, the batch endpoint whose body carries dag_ids).
 */
export const listDagRuns = (v: AirflowMajor, dagId: string | undefined, f: DagRunFilters): RestCall => {
  const order = orderBy(v, f.order_by ?? `-${dateField(v, "logical_date")}`)
  const direct = dagId === undefined ? undefined : pathOf("dags", dagId, "dagRuns")
  if (direct !== undefined && fits(direct)) {
    return {
      method: "GET",
      path: direct,
      query: compact({
        limit: f.limit,
        offset: f.offset,
        state: f.state && f.state.length > 0 ? f.state : undefined,
        order_by: order,
        ...dateFilters(v, f)
      })
    }
  }
  return {
    method: "POST",
    path: DAG_RUNS_BATCH_PATH,
    body: compact({
      dag_ids: dagId === undefined ? undefined : [dagId],
      states: f.state && f.state.length > 0 ? f.state : undefined,
      page_limit: f.limit,
      page_offset: f.offset,
      order_by: order,
      ...dateFilters(v, f)
    })
  }
}

/** GET /dags/{id}/dagRuns/{run}: only when it fits, which a scheduled run of a DAG id over 13 characters never does. */
export const getDagRunDirect = (dagId: string, runId: string): Option.Option<RestCall> => {
  const call = getDagRunPath(dagId, runId)
  return fits(call.path) ? Option.some(call) : Option.none()
}

/** GET /dags/{id}/dagRuns/{run} whatever its length: for the webserver route. */
export const getDagRunPath = (dagId: string, runId: string): RestCall => ({
  method: "GET",
  path: pathOf("dags", dagId, "dagRuns", runId)
})

/** The date a generated run id carries: "scheduled__2026-11-24T00:00:00+00:00" → "2026-11-24T00:00:00+00:00". */
export const logicalDateInRunId = (runId: string): Option.Option<string> => {
  const match =
    /^(?:scheduled|manual|backfill|dataset_triggered|asset_triggered)__(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[+-]\d{2}:\d{2}|Z))$/.exec(
      runId
    )
  return match?.[1] !== undefined && !Number.isNaN(Date.parse(match[1])) ? Option.some(match[1]) : Option.none()
}

/**
 * Finding one run without its own path: the batch runs list for this DAG, narrowed to the
 * logical date the run id carries when it carries one, one page at a time otherwise.
 * The caller matches dag_run_id exactly in what comes back.
 */
export const dagRunLookup = (v: AirflowMajor, dagId: string, runId: string, page: { limit: number; offset: number }): RestCall => {
  const date = logicalDateInRunId(runId)
  return {
    method: "POST",
    path: DAG_RUNS_BATCH_PATH,
    body: compact({
      dag_ids: [dagId],
      page_limit: page.limit,
      page_offset: page.offset,
      order_by: v === 2 ? "-execution_date" : "-logical_date",
      ...(Option.isSome(date)
        ? { [`${dateField(v, "logical_date")}_gte`]: date.value, [`${dateField(v, "logical_date")}_lte`]: date.value }
        : {})
    })
  }
}

export interface TriggerInput {
  readonly dag_run_id: string
  readonly logical_date?: string | undefined
  readonly conf?: Readonly<Record<string, unknown>> | undefined
  readonly note?: string | undefined
}

/** POST /dags/{id}/dagRuns, with the body each version accepts (Airflow 3 rejects unknown keys and requires logical_date, nullable). */
export const triggerDagRun = (v: AirflowMajor, dagId: string, input: TriggerInput): RestCall => {
  // Over 50 characters of DAG id the path passes 64: it goes through the webserver then.
  const path = pathOf("dags", dagId, "dagRuns")
  const body =
    v === 2
      ? compact({
          dag_run_id: input.dag_run_id,
          // Airflow 2 names runs after their logical date; keeping the two in step lets
          // get-dag-run find this run by its date in one call later.
          logical_date: input.logical_date ?? Option.getOrUndefined(logicalDateInRunId(input.dag_run_id)),
          conf: input.conf ?? {},
          note: input.note
        })
      : compact({ dag_run_id: input.dag_run_id, logical_date: input.logical_date ?? null, conf: input.conf ?? {}, note: input.note })
  // The run id is always sent, so a second send meets 409 instead of starting a second run.
  return { method: "POST", path, body, idempotent: true }
}
