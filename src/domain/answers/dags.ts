import { Schema } from "effect"
import { Dag } from "../model.js"
import { listOrNull, orNull } from "./fields.js"

/**
 * Airflow's DAG answers (Airflow 2's DAG / DAGDetail, Airflow 3's DAGResponse / DAGDetailsResponse)
 * decoded into the one Dag of model.ts. The wire record is kept apart (DagRecord) because finding
 * a DAG's source needs its file_token, which the model leaves out.
 */

/** Airflow 2 sends schedule_interval as {__type, value} (a TimeDelta has no value); some older answers a plain string. */
const ScheduleInterval = Schema.Union(Schema.String, Schema.Struct({ value: orNull(Schema.String) }))

/** Airflow 2 sends tags as [{name}], Airflow 3 as [{name, dag_id}]; a plain string is read too. */
const Tag = Schema.Union(Schema.String, Schema.Struct({ name: Schema.String }))

export const DagRecord = Schema.Struct({
  dag_id: Schema.String,
  description: orNull(Schema.String),
  is_paused: orNull(Schema.Boolean),
  /** Airflow 2 (and 3 before 3.0). */
  is_active: orNull(Schema.Boolean),
  /** Airflow 3.0 replaced is_active with is_stale, its negation. */
  is_stale: orNull(Schema.Boolean),
  owners: listOrNull(Schema.String),
  tags: listOrNull(Tag),
  schedule_interval: orNull(ScheduleInterval),
  timetable_summary: orNull(Schema.String),
  timetable_description: orNull(Schema.String),
  /** Airflow 3's name; Airflow 2 says next_dagrun. */
  next_dagrun_logical_date: orNull(Schema.String),
  next_dagrun: orNull(Schema.String),
  fileloc: orNull(Schema.String),
  /** Airflow 2's signed token for GET /dagSources/{file_token}. */
  file_token: orNull(Schema.String),
  has_import_errors: orNull(Schema.Boolean),
  max_active_runs: orNull(Schema.Number)
})
export type DagRecord = typeof DagRecord.Type

const scheduleOf = (r: DagRecord): string | null => {
  const interval = r.schedule_interval
  const fromInterval = interval === null ? null : typeof interval === "string" ? interval : interval.value
  return fromInterval ?? r.timetable_summary ?? r.timetable_description
}

/** The one Dag of a DAG record of either version. */
export const dagOf = (r: DagRecord): Dag => ({
  dag_id: r.dag_id,
  description: r.description,
  is_paused: r.is_paused,
  is_active: r.is_active ?? (r.is_stale === null ? null : !r.is_stale),
  owners: r.owners ?? [],
  tags: (r.tags ?? []).map((t) => (typeof t === "string" ? t : t.name)),
  schedule: scheduleOf(r),
  next_dagrun_logical_date: r.next_dagrun_logical_date ?? r.next_dagrun,
  fileloc: r.fileloc,
  has_import_errors: r.has_import_errors,
  max_active_runs: r.max_active_runs
})

/** A DAG as Airflow 3 would send it: what encoding gives back (nothing in the server encodes answers). */
const recordOf = (d: Dag): DagRecord => ({
  ...d,
  owners: d.owners,
  tags: d.tags.map((name) => ({ name })),
  is_stale: d.is_active === null ? null : !d.is_active,
  schedule_interval: null,
  timetable_summary: d.schedule,
  timetable_description: null,
  next_dagrun: null,
  file_token: null
})

/** One DAG answer, as the model's Dag. */
export const DagAnswer = Schema.transform(DagRecord, Dag, { strict: true, decode: dagOf, encode: recordOf })

/** GET /dags (and the dag_id_pattern lookups): DAG records and Airflow's count of every match. */
export const DagListAnswer = Schema.Struct({
  dags: Schema.Array(DagRecord),
  total_entries: Schema.optional(Schema.Number)
})

/** A DAG file's text: Airflow 2 answers {content} (or the text itself as text/plain), Airflow 3 {content, ...}. */
export const DagSourceAnswer = Schema.transform(
  Schema.Union(Schema.String, Schema.Struct({ content: orNull(Schema.String) })),
  Schema.String,
  { strict: true, decode: (answer) => (typeof answer === "string" ? answer : (answer.content ?? "")), encode: (content) => ({ content }) }
)
