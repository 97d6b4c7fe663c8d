/**
 * Building Airflow paths for InvokeRestApi. MWAA's InvokeRestApi takes the path without
 * the /api/v1 or /api/v2 prefix and rejects any Path over 64 characters
 * (ValidationException), so every path is measured before it is sent.
 */

/** MWAA's limit on InvokeRestApi's Path member (botocore model: max 64). */
export const MAX_PATH_LENGTH = 64

/**
 * Percent-encodes one path segment. ':' and '+' are legal in a path segment (RFC 3986 pchar)
 * and appear in every run id ("scheduled__2026-11-24T00:00:00+00:00"): leaving them unencoded keeps
 * those paths short enough for the limit; everything else outside the unreserved set is encoded.
 */
export const encodeSegment = (segment: string): string => encodeURIComponent(segment).replace(/%3A/g, ":").replace(/%2B/g, "+")

/** Joins segments into "/a/b/c", encoding each one. */
export const pathOf = (...segments: ReadonlyArray<string>): string => `/${segments.map(encodeSegment).join("/")}`

export const fits = (path: string): boolean => path.length <= MAX_PATH_LENGTH

/** Airflow's batch endpoints: short fixed paths that take their filters in the body. */
export const DAG_RUNS_BATCH_PATH = "/dags/~/dagRuns/list"
export const TASK_INSTANCES_BATCH_PATH = "/dags/~/dagRuns/~/taskInstances/list"
