import { Schema } from "effect"

/**
 * The one shape tools return for Airflow 2.x and 3.x alike. Field names follow Airflow's
 * newest API (logical_date, not execution_date) so an assistant that knows Airflow reads
 * them without a glossary. Every field that one version lacks is nullable.
 */

const Nullable = <S extends Schema.Schema.Any>(s: S) => Schema.NullOr(s)
const Timestamp = Nullable(Schema.String)

export const Dag = Schema.Struct({
  dag_id: Schema.String,
  description: Nullable(Schema.String),
  is_paused: Nullable(Schema.Boolean),
  is_active: Nullable(Schema.Boolean),
  owners: Schema.Array(Schema.String),
  tags: Schema.Array(Schema.String),
  schedule: Nullable(Schema.String),
  next_dagrun_logical_date: Timestamp,
  fileloc: Nullable(Schema.String),
  has_import_errors: Nullable(Schema.Boolean),
  max_active_runs: Nullable(Schema.Number)
})
export type Dag = typeof Dag.Type

export const DagRun = Schema.Struct({
  dag_id: Schema.String,
  dag_run_id: Schema.String,
  state: Nullable(Schema.String),
  run_type: Nullable(Schema.String),
  logical_date: Timestamp,
  start_date: Timestamp,
  end_date: Timestamp,
  data_interval_start: Timestamp,
  data_interval_end: Timestamp,
  conf: Nullable(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  note: Nullable(Schema.String)
})
export type DagRun = typeof DagRun.Type

export const TaskInstance = Schema.Struct({
  dag_id: Schema.String,
  dag_run_id: Schema.String,
  task_id: Schema.String,
  map_index: Schema.Number,
  state: Nullable(Schema.String),
  try_number: Schema.Number,
  max_tries: Nullable(Schema.Number),
  operator: Nullable(Schema.String),
  logical_date: Timestamp,
  start_date: Timestamp,
  end_date: Timestamp,
  duration: Nullable(Schema.Number),
  hostname: Nullable(Schema.String),
  pool: Nullable(Schema.String),
  queue: Nullable(Schema.String)
})
export type TaskInstance = typeof TaskInstance.Type

export const ImportError = Schema.Struct({
  import_error_id: Nullable(Schema.Number),
  filename: Nullable(Schema.String),
  timestamp: Timestamp,
  stack_trace: Nullable(Schema.String)
})
export type ImportError = typeof ImportError.Type

/** A connection without its secrets: password and extra never leave the server. */
export const Connection = Schema.Struct({
  connection_id: Schema.String,
  conn_type: Nullable(Schema.String),
  description: Nullable(Schema.String),
  host: Nullable(Schema.String),
  login: Nullable(Schema.String),
  schema: Nullable(Schema.String),
  port: Nullable(Schema.Number),
  /** Whether a password is set; null when Airflow does not say (Airflow 2's list omits it). */
  has_password: Nullable(Schema.Boolean),
  /** Whether an extra is set; null when Airflow does not say. */
  has_extra: Nullable(Schema.Boolean)
})
export type Connection = typeof Connection.Type

/** A variable whose value is "***" when its key is sensitive (masked: true). */
export const Variable = Schema.Struct({
  key: Schema.String,
  value: Schema.Unknown,
  description: Nullable(Schema.String),
  masked: Schema.Boolean
})
export type Variable = typeof Variable.Type

/** Where a page of a list ends and how to get the next one. */
export const Page = {
  total_entries: Schema.Number,
  offset: Schema.Number,
  limit: Schema.Number,
  next_offset: Nullable(Schema.Number)
}

export const pageOf = (offset: number, limit: number, returned: number, total: number) => ({
  total_entries: total,
  offset,
  limit,
  next_offset: offset + returned < total && returned > 0 ? offset + returned : null
})
