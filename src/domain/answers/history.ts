import { Effect, ParseResult, Schema } from "effect"
import { DagRun } from "../model.js"
import { DagVersion, TaskInstanceTry } from "../model-history.js"
import { DagRunAnswer } from "./dag-runs.js"
import { DagRecord } from "./dags.js"
import { listOrNull, orNull } from "./fields.js"

/**
 * Airflow's answers about history: a task instance's tries (Airflow 2.10's TaskInstanceCollection
 * of history rows, Airflow 3's TaskInstanceHistoryCollectionResponse) and Airflow 3's DAG versions
 * (DagVersionResponse: in a run's dag_versions and a DAG's latest_dag_version).
 */

/** DagVersionResponse's members the model keeps (its Struct drops the rest: id, dag_id, bundle_url…). */
export const DagVersionAnswer = Schema.Struct({
  version_number: Schema.Number,
  bundle_name: orNull(Schema.String),
  bundle_version: orNull(Schema.String),
  created_at: orNull(Schema.String)
}).pipe(Schema.compose(DagVersion))

const TryRecord = Schema.Struct({
  try_number: Schema.Number,
  state: orNull(Schema.String),
  start_date: orNull(Schema.String),
  end_date: orNull(Schema.String),
  duration: orNull(Schema.Number),
  hostname: orNull(Schema.String),
  executor: orNull(Schema.String)
}).pipe(Schema.compose(TaskInstanceTry))

/** GET …/taskInstances/{task_id}[/{map_index}]/tries. */
export const TaskTriesAnswer = Schema.Struct({
  task_instances: Schema.Array(TryRecord),
  total_entries: Schema.optional(Schema.Number)
})

/** A run with the DAG versions it used (Airflow 3's dag_versions; null from Airflow 2, which has none). */
export const VersionedDagRun = Schema.Struct({ ...DagRun.fields, dag_versions: Schema.NullOr(Schema.Array(DagVersion)) })
export type VersionedDagRun = typeof VersionedDagRun.Type

const VersionsOfRun = Schema.Struct({ dag_versions: listOrNull(DagVersionAnswer) })

/** One run answer read twice over: as the model's DagRun, and for its dag_versions. */
export const VersionedDagRunAnswer = Schema.transformOrFail(Schema.Unknown, VersionedDagRun, {
  strict: true,
  decode: (answer) =>
    Effect.map(
      Effect.all([ParseResult.decodeUnknown(DagRunAnswer)(answer), ParseResult.decodeUnknown(VersionsOfRun)(answer)]),
      ([run, versions]) => ({ ...run, dag_versions: versions.dag_versions })
    ),
  encode: (run) => ParseResult.succeed(run)
})

export const VersionedDagRunListAnswer = Schema.Struct({
  dag_runs: Schema.Array(VersionedDagRunAnswer),
  total_entries: Schema.optional(Schema.Number)
})

/** Airflow 3's DAGDetailsResponse: the DAG, and its latest version. */
export const DagDetailsAnswer = Schema.Struct({ ...DagRecord.fields, latest_dag_version: orNull(DagVersionAnswer) })
