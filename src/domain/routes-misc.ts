import { Option } from "effect"
import type { AirflowMajor, RestCall } from "./routes.js"

/** Fixed short routes, and where a DAG file lives in S3. */

export const listImportErrors = (page: { limit: number; offset: number }): RestCall => ({
  method: "GET",
  path: "/importErrors",
  query: { limit: page.limit, offset: page.offset }
})

export const listConnections = (page: { limit: number; offset: number }): RestCall => ({
  method: "GET",
  path: "/connections",
  query: { limit: page.limit, offset: page.offset }
})

export const listVariables = (page: { limit: number; offset: number }): RestCall => ({
  method: "GET",
  path: "/variables",
  query: { limit: page.limit, offset: page.offset }
})

/** Airflow 3 moved /health to /monitor/health. */
export const health = (v: AirflowMajor): RestCall => ({ method: "GET", path: v === 2 ? "/health" : "/monitor/health" })

/** MWAA's Airflow dags folder: every fileloc Airflow reports starts with it. */
export const MWAA_DAGS_FOLDER = "/usr/local/airflow/dags/"

/**
 * The S3 object of a DAG file: MWAA syncs s3://bucket/<DagS3Path>/ into /usr/local/airflow/dags/,
 * so the key is DagS3Path joined with fileloc relative to that folder.
 */
export const dagFileS3Location = (
  sourceBucketArn: string | undefined,
  dagS3Path: string | undefined,
  fileloc: string | null
): Option.Option<{ readonly bucketArn: string; readonly key: string }> => {
  if (sourceBucketArn === undefined || dagS3Path === undefined || fileloc === null) return Option.none()
  if (!fileloc.startsWith(MWAA_DAGS_FOLDER)) return Option.none()
  const relative = fileloc.slice(MWAA_DAGS_FOLDER.length)
  if (relative.length === 0 || relative.split("/").some((part) => part === ".." || part === "")) return Option.none()
  const prefix = dagS3Path.replace(/^\/+|\/+$/g, "")
  return Option.some({ bucketArn: sourceBucketArn, key: prefix.length > 0 ? `${prefix}/${relative}` : relative })
}
