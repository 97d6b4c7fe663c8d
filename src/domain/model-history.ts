import { Schema } from "effect"

/**
 * What a task and a DAG went through: a task instance's tries (Airflow 2.10+ and 3) and the
 * DAG versions Airflow 3 records. Fields one version lacks are null.
 */

/** One try of a task instance. */
export const TaskInstanceTry = Schema.Struct({
  try_number: Schema.Number,
  state: Schema.NullOr(Schema.String),
  start_date: Schema.NullOr(Schema.String),
  end_date: Schema.NullOr(Schema.String),
  duration: Schema.NullOr(Schema.Number),
  hostname: Schema.NullOr(Schema.String),
  executor: Schema.NullOr(Schema.String)
})
export type TaskInstanceTry = typeof TaskInstanceTry.Type

/** One version of a DAG's code, as Airflow 3 records it (its bundle and when it was created). */
export const DagVersion = Schema.Struct({
  version_number: Schema.Number,
  bundle_name: Schema.NullOr(Schema.String),
  bundle_version: Schema.NullOr(Schema.String),
  created_at: Schema.NullOr(Schema.String)
})
export type DagVersion = typeof DagVersion.Type
