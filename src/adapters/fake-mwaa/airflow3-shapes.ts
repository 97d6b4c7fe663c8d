import { connectionFields, durationSeconds, whereItRuns } from "./airflow2-shapes.js"
import { filelocOf } from "./locations.js"
import type * as S from "./state.js"
import { iso3 } from "./time.js"
import { stableUuid } from "./tokens.js"
import { dagVersionView, latestVersion, versionOfRun } from "./dag-versions.js"

/** Airflow 3.0 REST API (/api/v2) response shapes, from airflow-3-v2.yaml. Datetimes end in "Z". */
const BUNDLE = "dags-folder"

/** The DAG's newest version, as DagVersionResponse. */
export const dagVersion3 = (dag: S.DagRecord) => dagVersionView(dag, latestVersion(dag))

export const dag3 = (dag: S.DagRecord) => ({
  dag_id: dag.dagId,
  dag_display_name: dag.dagId,
  is_paused: dag.isPaused,
  is_stale: !dag.isActive,
  last_parsed_time: iso3(dag.lastParsedTime),
  last_expired: null,
  bundle_name: BUNDLE,
  bundle_version: null,
  relative_fileloc: dag.relativeFileloc,
  fileloc: filelocOf(dag.relativeFileloc),
  description: dag.description,
  timetable_summary: dag.schedule,
  timetable_description: dag.timetableDescription,
  tags: dag.tags.map((name) => ({ name, dag_id: dag.dagId })),
  max_active_tasks: dag.maxActiveTasks,
  max_active_runs: dag.maxActiveRuns,
  max_consecutive_failed_dag_runs: 0,
  has_task_concurrency_limits: false,
  has_import_errors: dag.hasImportErrors,
  next_dagrun_logical_date: iso3(dag.nextDagrun),
  next_dagrun_data_interval_start: iso3(dag.nextDagrunDataIntervalStart),
  next_dagrun_data_interval_end: iso3(dag.nextDagrunDataIntervalEnd),
  next_dagrun_run_after: iso3(dag.nextDagrunCreateAfter),
  owners: dag.owners,
  file_token: dag.fileToken
})

export const dagDetails3 = (dag: S.DagRecord) => ({
  ...dag3(dag),
  catchup: dag.catchup,
  dag_run_timeout: null,
  asset_expression: null,
  doc_md: dag.docMd,
  start_date: iso3(dag.startDate),
  end_date: null,
  is_paused_upon_creation: null,
  params: dag.params,
  render_template_as_native_obj: false,
  template_search_path: null,
  timezone: "UTC",
  last_parsed: iso3(dag.lastParsedTime),
  latest_dag_version: dagVersion3(dag),
  owner_links: {},
  concurrency: dag.maxActiveTasks
})

/** Airflow 3 has no execution_date: logical_date (nullable) and run_after instead. */
export const dagRun3 = (run: S.DagRunRecord, dag: S.DagRecord | undefined) => ({
  dag_run_id: run.runId,
  dag_id: run.dagId,
  logical_date: iso3(run.logicalDate),
  queued_at: iso3(run.queuedAt),
  start_date: iso3(run.startDate),
  end_date: iso3(run.endDate),
  data_interval_start: iso3(run.dataIntervalStart),
  data_interval_end: iso3(run.dataIntervalEnd),
  run_after: iso3(run.runAfter),
  last_scheduling_decision: iso3(run.lastSchedulingDecision),
  run_type: run.runType === "dataset_triggered" ? "asset_triggered" : run.runType,
  state: run.state,
  triggered_by: run.triggeredBy,
  conf: run.conf,
  note: run.note,
  dag_versions: dag === undefined ? [] : [dagVersionView(dag, versionOfRun(dag, run))].filter((v) => v !== null),
  bundle_version: null
})

export const taskInstance3 = (ti: S.TaskInstanceRecord, run: S.DagRunRecord | undefined, dag: S.DagRecord | undefined) => ({
  id: stableUuid(`task_instance/${ti.dagId}/${ti.runId}/${ti.taskId}/${ti.mapIndex}/${ti.tryNumber}`),
  task_id: ti.taskId,
  dag_id: ti.dagId,
  dag_run_id: ti.runId,
  map_index: ti.mapIndex,
  logical_date: iso3(run?.logicalDate ?? null),
  run_after: iso3(run?.runAfter ?? null),
  start_date: iso3(ti.startDate),
  end_date: iso3(ti.endDate),
  duration: durationSeconds(ti.startDate, ti.endDate),
  state: ti.state,
  try_number: ti.tryNumber,
  max_tries: ti.maxTries,
  task_display_name: ti.taskId,
  ...whereItRuns(ti),
  queued_when: iso3(ti.queuedWhen),
  scheduled_when: iso3(ti.queuedWhen),
  pid: ti.pid,
  executor: null,
  executor_config: "{}",
  note: null,
  rendered_map_index: null,
  rendered_fields: {},
  trigger: null,
  triggerer_job: null,
  dag_version: dag === undefined || run === undefined ? null : dagVersionView(dag, versionOfRun(dag, run))
})

/** Airflow 3 keys import errors by bundle and path relative to it. */
export const importError3 = (e: S.ImportErrorRecord) => ({
  import_error_id: e.id,
  timestamp: iso3(e.timestamp),
  filename: e.relativeFileloc,
  bundle_name: BUNDLE,
  stack_trace: e.stackTrace
})

/** The full connection, password and extra included: the worst case for the caller's redaction. */
export const connection3 = (c: S.ConnectionRecord) => ({
  ...connectionFields(c),
  password: c.password,
  extra: c.extra
})

/** Raw values, sensitive keys included: redaction is the caller's job. */
export const variable3 = (v: S.VariableRecord) => ({
  key: v.key,
  value: v.value,
  description: v.description,
  is_encrypted: true
})
