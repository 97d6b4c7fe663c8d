import { dagQueuedEvents, getDataset, listAssetEvents, listAssets } from "./handlers-assets.js"
import { clearTaskInstances } from "./handlers-clear.js"
import { dagSource2, getDag, getDagDetails, listDags, patchDag } from "./handlers-dags.js"
import { getTaskTries } from "./handlers-history.js"
import { getLog } from "./handlers-logs.js"
import { health, listConnections, listImportErrors, listVariables, version } from "./handlers-misc.js"
import { getRun, listRuns, listRunsBatch } from "./handlers-runs.js"
import { getTaskInstance, listTaskInstances, listTaskInstancesBatch } from "./handlers-task-instances.js"
import { triggerRun } from "./handlers-trigger.js"
import { XCOM_ROUTES_V2 } from "./handlers-xcom.js"
import type { BodySpec } from "./request-body.js"
import { DATE_RANGES, PAGE } from "./request-query.js"
import type { RouteSpec } from "./rest-types.js"

/**
 * Airflow 2.10 endpoints (airflow-2-v1.yaml). Query specs list every parameter the spec
 * declares, because connexion's strict validation refuses any other; body specs follow the
 * marshmallow schemas that load them. Literal paths come before templated ones.
 */
const RUNS_BATCH: BodySpec = {
  page_offset: { kind: "integer" },
  page_limit: { kind: "integer" },
  dag_ids: { kind: "stringList" },
  states: { kind: "stringList" },
  order_by: { kind: "string" },
  execution_date_gte: { kind: "datetime" },
  execution_date_lte: { kind: "datetime" },
  start_date_gte: { kind: "datetime" },
  start_date_lte: { kind: "datetime" },
  end_date_gte: { kind: "datetime" },
  end_date_lte: { kind: "datetime" }
}

const TIS_BATCH: BodySpec = {
  page_offset: { kind: "integer" },
  page_limit: { kind: "integer" },
  dag_ids: { kind: "stringList" },
  dag_run_ids: { kind: "stringList" },
  task_ids: { kind: "stringList" },
  execution_date_gte: { kind: "datetime" },
  execution_date_lte: { kind: "datetime" },
  start_date_gte: { kind: "datetime" },
  start_date_lte: { kind: "datetime" },
  end_date_gte: { kind: "datetime" },
  end_date_lte: { kind: "datetime" },
  duration_gte: { kind: "number" },
  duration_lte: { kind: "number" },
  state: { kind: "stringList", nullableItems: true },
  pool: { kind: "stringList" },
  queue: { kind: "stringList" },
  executor: { kind: "stringList" },
  order_by: { kind: "string" }
}

const TRIGGER: BodySpec = {
  dag_run_id: { kind: "string" },
  logical_date: { kind: "datetime" },
  execution_date: { kind: "datetime" },
  data_interval_start: { kind: "datetime" },
  data_interval_end: { kind: "datetime" },
  conf: { kind: "object" },
  note: { kind: "string" }
}

const CLEAR: BodySpec = {
  dry_run: { kind: "boolean" },
  start_date: { kind: "datetime" },
  end_date: { kind: "datetime" },
  only_failed: { kind: "boolean" },
  only_running: { kind: "boolean" },
  include_subdags: { kind: "boolean" },
  include_parentdag: { kind: "boolean" },
  reset_dag_runs: { kind: "boolean" },
  task_ids: { kind: "stringList" },
  dag_run_id: { kind: "string" },
  include_upstream: { kind: "boolean" },
  include_downstream: { kind: "boolean" },
  include_future: { kind: "boolean" },
  include_past: { kind: "boolean" }
}

const RUN_FILTERS = {
  ...PAGE,
  ...DATE_RANGES("execution_date", "start_date", "end_date", "updated_at"),
  state: "stringList",
  order_by: "string",
  fields: "stringList"
} as const

const TI = "/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances"

export const ROUTES_V2: ReadonlyArray<RouteSpec> = [
  {
    method: "GET",
    path: "/dags",
    query: {
      ...PAGE,
      order_by: "string",
      tags: "stringList",
      only_active: "boolean",
      paused: "boolean",
      fields: "stringList",
      dag_id_pattern: "string"
    },
    handler: listDags
  },
  { method: "POST", path: "/dags/~/dagRuns/list", body: RUNS_BATCH, handler: listRunsBatch },
  { method: "POST", path: "/dags/~/dagRuns/~/taskInstances/list", body: TIS_BATCH, handler: listTaskInstancesBatch },
  { method: "GET", path: "/dags/{dag_id}", query: { fields: "stringList" }, handler: getDag },
  {
    method: "PATCH",
    path: "/dags/{dag_id}",
    query: { update_mask: "stringList" },
    body: { is_paused: { kind: "boolean", required: true } },
    handler: patchDag
  },
  { method: "GET", path: "/dags/{dag_id}/details", query: { fields: "stringList" }, handler: getDagDetails },
  { method: "GET", path: "/dagSources/{file_token}", handler: dagSource2 },
  { method: "GET", path: "/dags/{dag_id}/dagRuns", query: RUN_FILTERS, handler: listRuns },
  { method: "POST", path: "/dags/{dag_id}/dagRuns", body: TRIGGER, handler: triggerRun },
  { method: "GET", path: "/dags/{dag_id}/dagRuns/{dag_run_id}", query: { fields: "stringList" }, handler: getRun },
  {
    method: "GET",
    path: TI,
    query: {
      ...PAGE,
      ...DATE_RANGES("execution_date", "start_date", "end_date", "updated_at"),
      duration_gte: "number",
      duration_lte: "number",
      state: "stringList",
      pool: "stringList",
      queue: "stringList",
      executor: "stringList"
    },
    handler: listTaskInstances
  },
  ...XCOM_ROUTES_V2,
  { method: "GET", path: `${TI}/{task_id}`, handler: getTaskInstance },
  // New in 2.10: listed before {map_index}, which would take "tries" for a map index.
  { method: "GET", path: `${TI}/{task_id}/tries`, query: { ...PAGE, order_by: "string" }, since: [2, 10], handler: getTaskTries },
  { method: "GET", path: `${TI}/{task_id}/{map_index}`, handler: getTaskInstance },
  {
    method: "GET",
    path: `${TI}/{task_id}/{map_index}/tries`,
    query: { ...PAGE, order_by: "string" },
    since: [2, 10],
    handler: getTaskTries
  },
  {
    method: "GET",
    path: `${TI}/{task_id}/logs/{try_number}`,
    query: { full_content: "boolean", map_index: "integer", token: "string" },
    handler: getLog
  },
  { method: "POST", path: "/dags/{dag_id}/clearTaskInstances", body: CLEAR, handler: clearTaskInstances },
  { method: "GET", path: "/importErrors", query: { ...PAGE, order_by: "string" }, handler: listImportErrors },
  { method: "GET", path: "/connections", query: { ...PAGE, order_by: "string" }, handler: listConnections },
  { method: "GET", path: "/variables", query: { ...PAGE, order_by: "string" }, handler: listVariables },
  {
    method: "GET",
    path: "/datasets",
    query: { ...PAGE, order_by: "string", uri_pattern: "string", dag_ids: "string" },
    handler: listAssets
  },
  {
    method: "GET",
    path: "/datasets/events",
    query: {
      ...PAGE,
      order_by: "string",
      dataset_id: "integer",
      source_dag_id: "string",
      source_task_id: "string",
      source_run_id: "string",
      source_map_index: "integer"
    },
    handler: listAssetEvents
  },
  { method: "GET", path: "/datasets/{uri}", handler: getDataset },
  { method: "GET", path: "/dags/{dag_id}/datasets/queuedEvent", query: { before: "datetime" }, handler: dagQueuedEvents },
  { method: "GET", path: "/health", handler: health },
  { method: "GET", path: "/version", handler: version }
]
