import { pathOf } from "./paths.js"
import { type AirflowMajor, compact, type RestCall } from "./routes.js"

/**
 * Routes for assets (Airflow 3) and datasets (Airflow 2). An asset is looked up through the list
 * and its filters, then matched exactly here: Airflow 2's /datasets/{uri} puts the uri, percent-
 * encoded, in a path that rarely fits 64 characters, and the list's fixed short path always does.
 */

export interface AssetListQuery {
  readonly limit: number
  readonly offset: number
  /** Substring (SQL LIKE) of the uri. */
  readonly uri_pattern?: string | undefined
  /** Substring of the name: Airflow 3 only (Airflow 2's datasets have none). */
  readonly name_pattern?: string | undefined
  /** Assets this DAG produces or is scheduled on. */
  readonly dag_id?: string | undefined
}

export const listAssets = (v: AirflowMajor, q: AssetListQuery): RestCall =>
  v === 2
    ? {
        method: "GET",
        path: "/datasets",
        // Airflow 2 takes dag_ids as one comma-separated string; a DAG id holds no comma.
        query: compact({ limit: q.limit, offset: q.offset, order_by: "id", uri_pattern: q.uri_pattern, dag_ids: q.dag_id })
      }
    : {
        method: "GET",
        path: "/assets",
        query: compact({
          limit: q.limit,
          offset: q.offset,
          order_by: "id",
          uri_pattern: q.uri_pattern,
          name_pattern: q.name_pattern,
          dag_ids: q.dag_id === undefined ? undefined : [q.dag_id]
        })
      }

export interface AssetEventQuery {
  readonly assetId: number
  readonly limit: number
  readonly offset: number
  /** ISO 8601, inclusive. Airflow 2 has no such filter: the use case applies it to what comes back. */
  readonly since?: string | undefined
}

/** One asset's events, newest first. */
export const listAssetEvents = (v: AirflowMajor, q: AssetEventQuery): RestCall =>
  v === 2
    ? {
        method: "GET",
        path: "/datasets/events",
        query: { dataset_id: q.assetId, limit: q.limit, offset: q.offset, order_by: "-timestamp" }
      }
    : {
        method: "GET",
        path: "/assets/events",
        query: compact({ asset_id: q.assetId, limit: q.limit, offset: q.offset, order_by: "-timestamp", timestamp_gte: q.since })
      }

/** The inputs of a DAG that have an event since its last run (Airflow's asset/dataset DAG run queue). */
export const dagQueuedEvents = (v: AirflowMajor, dagId: string): RestCall => ({
  method: "GET",
  path: v === 2 ? pathOf("dags", dagId, "datasets", "queuedEvent") : pathOf("dags", dagId, "assets", "queuedEvents")
})

/** DAG details: they carry the DAG's schedule on its assets (dataset_expression, asset_expression). */
export const dagDetails = (dagId: string): RestCall => ({ method: "GET", path: pathOf("dags", dagId, "details") })
