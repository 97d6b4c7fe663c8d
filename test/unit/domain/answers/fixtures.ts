/**
 * One Airflow answer per Schema, as Airflow 2.10 (REST v1) and 3.0 (REST v2) send it, describing
 * the same object. Each is checked against that version's own OpenAPI document
 * (test/fixtures/airflow, see its PROVENANCE.md) before it is decoded, so the pairs are real shapes.
 */

export interface AnswerPair {
  /** The request each version answers (path without the /api/vN prefix). */
  readonly request: { readonly 2: string; readonly 3: string }
  readonly answer: { readonly 2: unknown; readonly 3: unknown }
}

const dag2 = {
  dag_id: "orders_etl",
  dag_display_name: "orders_etl",
  description: "Nightly orders load",
  is_paused: false,
  is_active: true,
  is_subdag: false,
  last_parsed_time: "2026-11-25T06:00:00+00:00",
  last_pickled: null,
  last_expired: null,
  scheduler_lock: null,
  pickle_id: null,
  default_view: "grid",
  fileloc: "/usr/local/airflow/dags/orders_etl.py",
  file_token: "Ii91c3IvbG9jYWwvYWlyZmxvdy9kYWdzL29yZGVyc19ldGwucHki.abc",
  owners: ["data-eng"],
  root_dag_id: null,
  schedule_interval: { __type: "CronExpression", value: "0 6 * * *" },
  timetable_description: "At 06:00",
  tags: [{ name: "finance" }],
  max_active_tasks: 16,
  max_active_runs: 1,
  has_task_concurrency_limits: false,
  has_import_errors: false,
  next_dagrun: "2026-11-26T06:00:00+00:00",
  next_dagrun_data_interval_start: "2026-11-26T06:00:00+00:00",
  next_dagrun_data_interval_end: "2026-11-27T06:00:00+00:00",
  next_dagrun_create_after: "2026-11-27T06:00:00+00:00"
}

const dag3 = {
  dag_id: "orders_etl",
  dag_display_name: "orders_etl",
  description: "Nightly orders load",
  is_paused: false,
  is_stale: false,
  last_parsed_time: "2026-11-25T06:00:00Z",
  last_expired: null,
  bundle_name: "dags-folder",
  bundle_version: null,
  relative_fileloc: "orders_etl.py",
  fileloc: "/usr/local/airflow/dags/orders_etl.py",
  owners: ["data-eng"],
  tags: [{ name: "finance", dag_id: "orders_etl" }],
  timetable_summary: "0 6 * * *",
  timetable_description: "At 06:00",
  max_active_tasks: 16,
  max_active_runs: 1,
  max_consecutive_failed_dag_runs: 0,
  has_task_concurrency_limits: false,
  has_import_errors: false,
  next_dagrun_logical_date: "2026-11-26T06:00:00+00:00",
  next_dagrun_data_interval_start: "2026-11-26T06:00:00Z",
  next_dagrun_data_interval_end: "2026-11-27T06:00:00Z",
  next_dagrun_run_after: "2026-11-27T06:00:00Z",
  file_token: "Ii91c3IvbG9jYWwvYWlyZmxvdy9kYWdzL29yZGVyc19ldGwucHki.abc"
}

const run2 = {
  dag_id: "orders_etl",
  dag_run_id: "scheduled__2026-11-24T06:00:00+00:00",
  state: "failed",
  run_type: "scheduled",
  execution_date: "2026-11-24T06:00:00+00:00",
  logical_date: "2026-11-24T06:00:00+00:00",
  start_date: "2026-11-25T06:00:01+00:00",
  end_date: "2026-11-25T06:15:42+00:00",
  data_interval_start: "2026-11-24T06:00:00+00:00",
  data_interval_end: "2026-11-25T06:00:00+00:00",
  last_scheduling_decision: null,
  external_trigger: false,
  conf: {},
  note: null
}

const run3 = {
  dag_id: "orders_etl",
  dag_run_id: "scheduled__2026-11-24T06:00:00+00:00",
  state: "failed",
  run_type: "scheduled",
  logical_date: "2026-11-24T06:00:00+00:00",
  queued_at: "2026-11-25T06:00:00+00:00",
  start_date: "2026-11-25T06:00:01+00:00",
  end_date: "2026-11-25T06:15:42+00:00",
  data_interval_start: "2026-11-24T06:00:00+00:00",
  data_interval_end: "2026-11-25T06:00:00+00:00",
  run_after: "2026-11-25T06:00:00+00:00",
  last_scheduling_decision: null,
  triggered_by: "timetable",
  conf: {},
  note: null,
  dag_versions: [],
  bundle_version: null
}

const ti = {
  dag_id: "orders_etl",
  dag_run_id: "scheduled__2026-11-24T06:00:00+00:00",
  task_id: "load_orders",
  map_index: -1,
  start_date: "2026-11-25T06:10:00+00:00",
  end_date: "2026-11-25T06:15:41+00:00",
  duration: 341.2,
  state: "failed",
  try_number: 2,
  max_tries: 1,
  hostname: "ip-10-0-1-23.ec2.internal",
  unixname: "airflow",
  pool: "default_pool",
  pool_slots: 1,
  queue: "default",
  priority_weight: 1,
  operator: "PythonOperator",
  queued_when: "2026-11-25T06:09:59+00:00",
  pid: 4211,
  executor: null,
  executor_config: "{}",
  note: null,
  rendered_fields: {},
  trigger: null,
  triggerer_job: null
}

const ti2 = { ...ti, execution_date: "2026-11-24T06:00:00+00:00", sla_miss: null, job_id: 12, rendered_map_index: null }
const ti3 = {
  ...ti,
  id: "0193a4c2-5b1e-7c3d-9f00-2a1b3c4d5e6f",
  logical_date: "2026-11-24T06:00:00+00:00",
  run_after: "2026-11-25T06:00:00+00:00",
  operator_name: "PythonOperator",
  queued_when: "2026-11-25T06:09:59+00:00",
  scheduled_when: "2026-11-25T06:09:58+00:00",
  rendered_map_index: null,
  task_display_name: "load_orders",
  dag_version: null
}

const importError = {
  import_error_id: 3,
  timestamp: "2026-11-25T05:59:00+00:00",
  filename: "/usr/local/airflow/dags/broken.py",
  stack_trace: 'Traceback (most recent call last):\n  File "broken.py", line 3\nSyntaxError: invalid syntax'
}

const connection = {
  connection_id: "warehouse",
  conn_type: "postgres",
  description: null,
  host: "db.internal",
  login: "etl",
  schema: "public",
  port: 5432
}

export const PAIRS = {
  dag: { request: { 2: "/dags/orders_etl", 3: "/dags/orders_etl" }, answer: { 2: dag2, 3: dag3 } },
  dags: {
    request: { 2: "/dags", 3: "/dags" },
    answer: { 2: { dags: [dag2], total_entries: 7 }, 3: { dags: [dag3], total_entries: 7 } }
  },
  dagRun: {
    request: { 2: `/dags/orders_etl/dagRuns/${run2.dag_run_id}`, 3: `/dags/orders_etl/dagRuns/${run3.dag_run_id}` },
    answer: { 2: run2, 3: run3 }
  },
  taskInstance: {
    request: { 2: "/dags/orders_etl/dagRuns/r/taskInstances/load_orders", 3: "/dags/orders_etl/dagRuns/r/taskInstances/load_orders" },
    answer: { 2: ti2, 3: ti3 }
  },
  importErrors: {
    request: { 2: "/importErrors", 3: "/importErrors" },
    answer: {
      2: { import_errors: [importError], total_entries: 1 },
      3: { import_errors: [{ ...importError, bundle_name: "dags-folder" }], total_entries: 1 }
    }
  },
  connections: {
    request: { 2: "/connections", 3: "/connections" },
    answer: {
      2: { connections: [connection], total_entries: 1 },
      3: { connections: [connection], total_entries: 1 }
    }
  },
  variables: {
    request: { 2: "/variables", 3: "/variables" },
    answer: {
      2: { variables: [{ key: "region", value: "eu-west-1", description: null }], total_entries: 1 },
      3: { variables: [{ key: "region", value: "eu-west-1", description: null, is_encrypted: false }], total_entries: 1 }
    }
  },
  health: {
    request: { 2: "/health", 3: "/monitor/health" },
    answer: {
      2: {
        metadatabase: { status: "healthy" },
        scheduler: { status: "healthy", latest_scheduler_heartbeat: "2026-11-25T09:29:57+00:00" },
        triggerer: { status: null, latest_triggerer_heartbeat: null },
        dag_processor: { status: null, latest_dag_processor_heartbeat: null }
      },
      3: {
        metadatabase: { status: "healthy" },
        scheduler: { status: "healthy", latest_scheduler_heartbeat: "2026-11-25T09:29:57+00:00" },
        triggerer: { status: null, latest_triggerer_heartbeat: null },
        dag_processor: null
      }
    }
  },
  dagSource: {
    request: { 2: `/dagSources/${dag2.file_token}`, 3: "/dagSources/orders_etl" },
    answer: {
      2: { content: "from airflow import DAG\n" },
      3: { content: "from airflow import DAG\n", dag_id: "orders_etl", version_number: 1, dag_display_name: "orders_etl" }
    }
  }
} satisfies Readonly<Record<string, AnswerPair>>
