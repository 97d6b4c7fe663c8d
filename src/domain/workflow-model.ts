import { Schema } from "effect"
import type { WorkflowRun, WorkflowRunSummary, WorkflowTask, WorkflowTaskSummary } from "../ports/Workflows.js"
import { maskXcomValue } from "./redaction-xcom.js"

/**
 * MWAA Serverless runs and task instances in the shape of DAG runs and task instances, so an
 * assistant reads both kinds the same way: Airflow's state names (`state`), next to the service's
 * own word (`status`, kept because it says more: TIMEOUT, STOPPED), and Airflow's field names
 * where the concepts match (run_type, start_date, end_date, duration, try_number, operator).
 */

const Nullable = <S extends Schema.Schema.Any>(s: S) => Schema.NullOr(s)
const Timestamp = Nullable(Schema.String)

/** WorkflowRunStatus → Airflow's DagRunState; a status the service adds later is passed on in lower case. */
const RUN_STATES: Readonly<Record<string, string>> = {
  STARTING: "queued",
  QUEUED: "queued",
  RUNNING: "running",
  STOPPING: "running",
  SUCCESS: "success",
  FAILED: "failed",
  TIMEOUT: "failed",
  STOPPED: "failed"
}

/** TaskInstanceStatus → Airflow's TaskInstanceState (NONE is Airflow's null state); the rest are Airflow's own names. */
const TASK_STATES: Readonly<Record<string, string | null>> = {
  NONE: null,
  TIMEOUT: "failed",
  CANCELLED: "failed"
}

export const runStateOf = (status: string | null): string | null => (status === null ? null : (RUN_STATES[status] ?? status.toLowerCase()))

export const taskStateOf = (status: string | null): string | null =>
  status === null ? null : status in TASK_STATES ? (TASK_STATES[status] ?? null) : status.toLowerCase()

/** RunType → Airflow's run_type: ON_DEMAND runs are what Airflow calls manual. */
export const runTypeOf = (runType: string | null): string | null =>
  runType === null ? null : runType === "ON_DEMAND" ? "manual" : runType.toLowerCase()

/** The terminal states a run cannot leave. */
export const TERMINAL_RUN_STATUSES: ReadonlySet<string> = new Set(["SUCCESS", "FAILED", "TIMEOUT", "STOPPED"])

/** A workflow run, read like a DAG run. The list's rows leave the detail fields null. */
export const WorkflowRunAnswer = Schema.Struct({
  workflow: Schema.String,
  run_id: Schema.String,
  state: Nullable(Schema.String),
  status: Nullable(Schema.String),
  run_type: Nullable(Schema.String),
  workflow_version: Nullable(Schema.String),
  queued_at: Timestamp,
  start_date: Timestamp,
  end_date: Timestamp,
  duration: Nullable(Schema.Number),
  /** The run's OverrideParameters, masked: Airflow's name for a run's parameters. */
  conf: Nullable(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  error_message: Nullable(Schema.String),
  task_instance_count: Nullable(Schema.Number)
})
export type WorkflowRunAnswer = typeof WorkflowRunAnswer.Type

/** A workflow task instance, read like a task instance. The list's rows leave the detail fields null. */
export const WorkflowTaskAnswer = Schema.Struct({
  workflow: Schema.String,
  run_id: Schema.String,
  task_id: Nullable(Schema.String),
  task_instance_id: Schema.String,
  state: Nullable(Schema.String),
  status: Nullable(Schema.String),
  try_number: Nullable(Schema.Number),
  operator: Nullable(Schema.String),
  start_date: Timestamp,
  end_date: Timestamp,
  duration: Nullable(Schema.Number),
  error_message: Nullable(Schema.String),
  log_stream: Nullable(Schema.String),
  /** XCom masked as get-xcom masks it: whole under a secret-named key, deeply otherwise. */
  xcom: Nullable(Schema.Record({ key: Schema.String, value: Schema.Unknown }))
})
export type WorkflowTaskAnswer = typeof WorkflowTaskAnswer.Type

const secondsBetween = (start: string | null, end: string | null): number | null =>
  start === null || end === null ? null : Math.max(0, Math.round((Date.parse(end) - Date.parse(start)) / 1000))

/** A masked copy of override parameters or XCom: whole under a secret-named key, deeply otherwise. */
export const maskedRecord = (
  record: Readonly<Record<string, unknown>> | null,
  extraSensitiveNames: ReadonlyArray<string>
): Record<string, unknown> | null =>
  record === null ? null : Object.fromEntries(Object.entries(record).map(([k, v]) => [k, maskXcomValue(k, v, extraSensitiveNames).value]))

export const runAnswerOf = (
  workflow: string,
  run: WorkflowRunSummary | WorkflowRun,
  extraSensitiveNames: ReadonlyArray<string>
): WorkflowRunAnswer => {
  const detail = "task_instance_ids" in run ? run : undefined
  return {
    workflow,
    run_id: run.run_id,
    state: runStateOf(run.status),
    status: run.status,
    run_type: runTypeOf(run.run_type),
    workflow_version: run.version,
    queued_at: run.created_at,
    start_date: run.started_at,
    end_date: run.ended_at,
    duration: detail?.duration_seconds ?? secondsBetween(run.started_at, run.ended_at),
    conf: maskedRecord(detail?.override_parameters ?? null, extraSensitiveNames),
    error_message: detail?.error_message ?? null,
    task_instance_count: detail?.task_instance_ids.length ?? null
  }
}

export const taskAnswerOf = (
  workflow: string,
  task: WorkflowTaskSummary | WorkflowTask,
  extraSensitiveNames: ReadonlyArray<string>
): WorkflowTaskAnswer => {
  const detail = "log_stream" in task ? task : undefined
  return {
    workflow,
    run_id: task.run_id,
    task_id: detail?.task_id ?? null,
    task_instance_id: task.task_instance_id,
    state: taskStateOf(task.status),
    status: task.status,
    try_number: detail?.attempt ?? null,
    operator: task.operator,
    start_date: detail?.started_at ?? null,
    end_date: detail?.ended_at ?? null,
    duration: task.duration_seconds,
    error_message: detail?.error_message ?? null,
    log_stream: detail?.log_stream ?? null,
    xcom: maskedRecord(detail?.xcom ?? null, extraSensitiveNames)
  }
}
