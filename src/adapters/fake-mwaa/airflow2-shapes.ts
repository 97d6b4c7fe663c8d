import { filelocOf } from "./locations.js"
import type * as S from "./state.js"
import { micros } from "./time.js"

/** Airflow 2.10 REST API (/api/v1) response shapes, from airflow-2-v1.yaml and the marshmallow schemas. */
const scheduleInterval = (schedule: string | null) => (schedule === null ? null : { __type: "CronExpression", value: schedule })

/** Seconds between two stored timestamps, as Airflow's float duration. */
export const durationSeconds = (start: string | null, end: string | null): number | null => {
  const s = micros(start)
  const e = micros(end)
  return s === undefined || e === undefined ? null : (e - s) / 1_000_000
}

export const dag2 = (dag: S.DagRecord) => ({
  dag_id: dag.dagId,
  dag_display_name: dag.dagId,
  root_dag_id: null,
  is_paused: dag.isPaused,
  is_active: dag.isActive,
  is_subdag: false,
  last_parsed_time: dag.lastParsedTime,
  last_pickled: null,
  last_expired: null,
  scheduler_lock: null,
  pickle_id: null,
  default_view: "grid",
  fileloc: filelocOf(dag.relativeFileloc),
  file_token: dag.fileToken,
  owners: dag.owners,
  description: dag.description,
  schedule_interval: scheduleInterval(dag.schedule),
  timetable_description: dag.timetableDescription,
  tags: dag.tags.map((name) => ({ name })),
  max_active_tasks: dag.maxActiveTasks,
  max_active_runs: dag.maxActiveRuns,
  max_consecutive_failed_dag_runs: 0,
  has_task_concurrency_limits: false,
  has_import_errors: dag.hasImportErrors,
  next_dagrun: dag.nextDagrun,
  next_dagrun_data_interval_start: dag.nextDagrunDataIntervalStart,
  next_dagrun_data_interval_end: dag.nextDagrunDataIntervalEnd,
  next_dagrun_create_after: dag.nextDagrunCreateAfter
})

export const dagDetail2 = (dag: S.DagRecord) => ({
  ...dag2(dag),
  catchup: dag.catchup,
  concurrency: dag.maxActiveTasks,
  dag_run_timeout: null,
  dataset_expression: null,
  doc_md: dag.docMd,
  end_date: null,
  is_paused_upon_creation: null,
  last_parsed: dag.lastParsedTime,
  orientation: "LR",
  params: dag.params,
  render_template_as_native_obj: false,
  start_date: dag.startDate,
  template_search_path: null,
  timezone: "Timezone('UTC')"
})

/** Airflow 2 dumps logical_date and copies it to execution_date (DAGRunSchema.autofill). */
export const dagRun2 = (run: S.DagRunRecord) => ({
  dag_run_id: run.runId,
  dag_id: run.dagId,
  logical_date: run.logicalDate,
  execution_date: run.logicalDate,
  start_date: run.startDate,
  end_date: run.endDate,
  data_interval_start: run.dataIntervalStart,
  data_interval_end: run.dataIntervalEnd,
  last_scheduling_decision: run.lastSchedulingDecision,
  run_type: run.runType === "asset_triggered" ? "dataset_triggered" : run.runType,
  state: run.state,
  external_trigger: run.externalTrigger,
  conf: run.conf,
  note: run.note
})

/** Where and how a task instance runs: the same members, in the same order, in both REST APIs' answers. */
export const whereItRuns = (ti: S.TaskInstanceRecord) => ({
  hostname: ti.hostname,
  unixname: "airflow",
  pool: ti.pool,
  pool_slots: 1,
  queue: ti.queue,
  priority_weight: ti.priorityWeight,
  operator: ti.operator
})

export const taskInstance2 = (ti: S.TaskInstanceRecord, run: S.DagRunRecord | undefined) => ({
  task_id: ti.taskId,
  task_display_name: ti.taskId,
  dag_id: ti.dagId,
  dag_run_id: ti.runId,
  execution_date: run?.logicalDate ?? null,
  start_date: ti.startDate,
  end_date: ti.endDate,
  duration: durationSeconds(ti.startDate, ti.endDate),
  state: ti.state,
  try_number: ti.tryNumber,
  map_index: ti.mapIndex,
  max_tries: ti.maxTries,
  ...whereItRuns(ti),
  queued_when: ti.queuedWhen,
  pid: ti.pid,
  executor: null,
  executor_config: "{}",
  sla_miss: null,
  rendered_map_index: null,
  rendered_fields: {},
  trigger: null,
  triggerer_job: null,
  note: null
})

/** What clearTaskInstances answers in Airflow 2 (TaskInstanceReferenceSchema). */
export const taskInstanceReference2 = (ti: S.TaskInstanceRecord, run: S.DagRunRecord | undefined) => ({
  task_id: ti.taskId,
  dag_run_id: ti.runId,
  dag_id: ti.dagId,
  execution_date: run?.logicalDate ?? null
})

export const importError2 = (e: S.ImportErrorRecord) => ({
  import_error_id: e.id,
  timestamp: e.timestamp,
  filename: filelocOf(e.relativeFileloc),
  stack_trace: e.stackTrace
})

/** A connection without its secrets: the members both REST APIs answer alike. */
export const connectionFields = (c: S.ConnectionRecord) => ({
  connection_id: c.connectionId,
  conn_type: c.connType,
  description: c.description,
  host: c.host,
  login: c.login,
  schema: c.schema,
  port: c.port
})

/** The list leaves out password and extra: Airflow 2 only shows them on a single connection. */
export const connectionItem2 = connectionFields

/** Airflow 2's VariableSchema dumps the raw value, even in the list. */
export const variable2 = (v: S.VariableRecord) => ({ key: v.key, value: v.value, description: v.description })
