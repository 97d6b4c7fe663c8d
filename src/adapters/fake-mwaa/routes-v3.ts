import { answers32 } from "./airflow32-shapes.js"
import { RUNS_BATCH_32, RUNS_QUERY_32, TIS_BATCH_32, TIS_QUERY_32 } from "./filters-32.js"
import { ASSET_ROUTES_V3 } from "./handlers-assets.js"
import { clearTaskInstances } from "./handlers-clear.js"
import { dagSource3, getDag, getDagDetails, listDags, patchDag } from "./handlers-dags.js"
import { getDagVersion, getTaskTries, listDagVersions } from "./handlers-history.js"
import { HITL_ROUTES_V3 } from "./handlers-hitl.js"
import { getLog } from "./handlers-logs.js"
import { health, listConnections, listImportErrors, listVariables, version } from "./handlers-misc.js"
import { getRun, listRuns, listRunsBatch } from "./handlers-runs.js"
import { getTaskInstance, listTaskInstances, listTaskInstancesBatch } from "./handlers-task-instances.js"
import { triggerRun } from "./handlers-trigger.js"
import { XCOM_ROUTES_V3 } from "./handlers-xcom.js"
import type { BodySpec } from "./request-body.js"
import { DATE_RANGES, PAGE, type QuerySpec } from "./request-query.js"
import type { RouteSpec } from "./rest-types.js"
import { type EnvironmentRecord, servesSince } from "./state.js"

/**
 * Airflow 3.0 endpoints (airflow-3-v2.yaml without its /api/v2 prefix). Every body model is
 * extra="forbid"; FastAPI ignores unknown query parameters.
 */
const dates = (...names: ReadonlyArray<string>): BodySpec =>
  Object.fromEntries(
    names.flatMap((n) => [
      [`${n}_gte`, { kind: "datetime" }],
      [`${n}_lte`, { kind: "datetime" }]
    ])
  )

const RUNS_BATCH: BodySpec = {
  dag_ids: { kind: "stringList" },
  states: { kind: "stringList", nullableItems: true },
  ...dates("logical_date", "run_after", "start_date", "end_date"),
  page_offset: { kind: "integer" },
  page_limit: { kind: "integer" },
  order_by: { kind: "string" }
}

const TIS_BATCH: BodySpec = {
  dag_ids: { kind: "stringList" },
  dag_run_ids: { kind: "stringList" },
  task_ids: { kind: "stringList" },
  state: { kind: "stringList", nullableItems: true },
  ...dates("run_after", "logical_date", "start_date", "end_date"),
  duration_gte: { kind: "number" },
  duration_lte: { kind: "number" },
  pool: { kind: "stringList" },
  queue: { kind: "stringList" },
  executor: { kind: "stringList" },
  page_offset: { kind: "integer" },
  page_limit: { kind: "integer" },
  order_by: { kind: "string" }
}

/** In 3.0 logical_date is `AwareDatetime | None` with no default: the key is required, null allowed. */
const TRIGGER_30: BodySpec = {
  dag_run_id: { kind: "string" },
  data_interval_start: { kind: "datetime" },
  data_interval_end: { kind: "datetime" },
  logical_date: { kind: "datetime", required: true },
  run_after: { kind: "datetime" },
  conf: { kind: "object" },
  note: { kind: "string" }
}

const CLEAR_30: BodySpec = {
  dry_run: { kind: "boolean" },
  start_date: { kind: "datetime" },
  end_date: { kind: "datetime" },
  only_failed: { kind: "boolean" },
  only_running: { kind: "boolean" },
  reset_dag_runs: { kind: "boolean" },
  task_ids: { kind: "stringList" },
  dag_run_id: { kind: "string" },
  include_upstream: { kind: "boolean" },
  include_downstream: { kind: "boolean" },
  include_future: { kind: "boolean" },
  include_past: { kind: "boolean" }
}

/**
 * What 3.2 (and 3.3) bodies add (airflow-3.2-v2.yaml, airflow-3.3-v2.yaml): an asset partition for a
 * triggered run; for clearing, leaving running tasks alone and re-running on the latest DAG version,
 * which 3.3 makes nullable (no default: the DAG's or the global setting decides, apache/airflow#63884).
 * The 3.2 document still gives logical_date no default; the client copies cannot tell whether it stayed
 * required, so the fake keeps 3.0's rule (the server always sends it).
 */
const TRIGGER = (env: EnvironmentRecord): BodySpec => (answers32(env) ? { ...TRIGGER_30, partition_key: { kind: "string" } } : TRIGGER_30)

const CLEAR = (env: EnvironmentRecord): BodySpec =>
  answers32(env)
    ? {
        ...CLEAR_30,
        prevent_running_task: { kind: "boolean" },
        run_on_latest_version: { kind: "boolean", nullable: servesSince(env, [3, 3]) }
      }
    : CLEAR_30

/** A body or query that 3.1 extended (filters-32.ts). */
const since32 =
  <A extends Readonly<Record<string, unknown>>>(v30: A, added: A) =>
  (env: EnvironmentRecord): A =>
    answers32(env) ? { ...v30, ...added } : v30

/** 3.1's GET lists sort by several fields (apache/airflow#53408); the batch bodies keep one. */
const MULTI_SORT: QuerySpec = { order_by: "stringList" }

const TI = "/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances"

export const ROUTES_V3: ReadonlyArray<RouteSpec> = [
  {
    method: "GET",
    path: "/dags",
    query: since32(
      {
        ...PAGE,
        tags: "stringList",
        tags_match_mode: "string",
        owners: "stringList",
        dag_id_pattern: "string",
        dag_display_name_pattern: "string",
        exclude_stale: "boolean",
        paused: "boolean",
        last_dag_run_state: "string",
        order_by: "string"
      },
      MULTI_SORT
    ),
    handler: listDags
  },
  { method: "GET", path: "/dags/{dag_id}", handler: getDag },
  {
    method: "PATCH",
    path: "/dags/{dag_id}",
    query: { update_mask: "stringList" },
    body: { is_paused: { kind: "boolean", required: true } },
    handler: patchDag
  },
  { method: "GET", path: "/dags/{dag_id}/details", handler: getDagDetails },
  {
    method: "GET",
    path: "/dags/{dag_id}/dagVersions",
    query: { ...PAGE, version_number: "integer", bundle_name: "string", bundle_version: "string", order_by: "string" },
    handler: listDagVersions
  },
  { method: "GET", path: "/dags/{dag_id}/dagVersions/{version_number}", handler: getDagVersion },
  { method: "GET", path: "/dagSources/{dag_id}", query: { version_number: "integer" }, handler: dagSource3 },
  {
    method: "GET",
    path: "/dags/{dag_id}/dagRuns",
    query: since32(
      {
        ...PAGE,
        ...DATE_RANGES("run_after", "logical_date", "start_date", "end_date", "updated_at"),
        run_type: "stringList",
        state: "stringList",
        order_by: "string"
      },
      { ...RUNS_QUERY_32, ...MULTI_SORT }
    ),
    handler: listRuns
  },
  { method: "POST", path: "/dags/{dag_id}/dagRuns", body: TRIGGER, handler: triggerRun },
  { method: "POST", path: "/dags/{dag_id}/dagRuns/list", body: since32(RUNS_BATCH, RUNS_BATCH_32), handler: listRunsBatch },
  { method: "GET", path: "/dags/{dag_id}/dagRuns/{dag_run_id}", handler: getRun },
  {
    method: "GET",
    path: TI,
    query: since32(
      {
        ...PAGE,
        task_id: "string",
        ...DATE_RANGES("run_after", "logical_date", "start_date", "end_date", "updated_at"),
        duration_gte: "number",
        duration_lte: "number",
        task_display_name_pattern: "string",
        state: "stringList",
        pool: "stringList",
        queue: "stringList",
        executor: "stringList",
        order_by: "string"
      },
      { ...TIS_QUERY_32, ...MULTI_SORT }
    ),
    handler: listTaskInstances
  },
  { method: "POST", path: `${TI}/list`, body: since32(TIS_BATCH, TIS_BATCH_32), handler: listTaskInstancesBatch },
  ...XCOM_ROUTES_V3,
  { method: "GET", path: `${TI}/{task_id}`, handler: getTaskInstance },
  // Listed before {map_index}, which would take "tries" for a map index.
  { method: "GET", path: `${TI}/{task_id}/tries`, query: { map_index: "integer" }, handler: getTaskTries },
  { method: "GET", path: `${TI}/{task_id}/{map_index}`, handler: getTaskInstance },
  { method: "GET", path: `${TI}/{task_id}/{map_index}/tries`, handler: getTaskTries },
  {
    method: "GET",
    path: `${TI}/{task_id}/logs/{try_number}`,
    query: { full_content: "boolean", map_index: "integer", token: "string" },
    handler: getLog
  },
  ...HITL_ROUTES_V3,
  { method: "POST", path: "/dags/{dag_id}/clearTaskInstances", body: CLEAR, handler: clearTaskInstances },
  { method: "GET", path: "/importErrors", query: since32({ ...PAGE, order_by: "string" }, MULTI_SORT), handler: listImportErrors },
  {
    method: "GET",
    path: "/connections",
    query: since32({ ...PAGE, order_by: "string", connection_id_pattern: "string" }, MULTI_SORT),
    handler: listConnections
  },
  {
    method: "GET",
    path: "/variables",
    query: since32({ ...PAGE, order_by: "string", variable_key_pattern: "string" }, MULTI_SORT),
    handler: listVariables
  },
  ...ASSET_ROUTES_V3,
  { method: "GET", path: "/monitor/health", handler: health },
  { method: "GET", path: "/version", handler: version }
]
