import { Schema } from "effect"
import { orNull } from "./fields.js"

/**
 * Airflow's asset answers, both versions in one decoder each: Airflow 2 says dataset (datasets,
 * dataset_events, dataset_uri, dataset_id), Airflow 3 asset; 3.0 lists an asset's DAGs under
 * consuming_dags, 3.2 under scheduled_dags. Extras are kept as sent: the use case masks them.
 */
const DagRef = Schema.Struct({ dag_id: orNull(Schema.String) })

export const AssetRecord = Schema.Struct({
  id: Schema.Number,
  uri: Schema.String,
  name: orNull(Schema.String),
  consuming_dags: Schema.optionalWith(Schema.Array(DagRef), { default: () => [] }),
  scheduled_dags: Schema.optionalWith(Schema.Array(DagRef), { default: () => [] })
})
export type AssetRecord = typeof AssetRecord.Type

export const AssetListAnswer = Schema.Struct({
  datasets: Schema.optional(Schema.Array(AssetRecord)),
  assets: Schema.optional(Schema.Array(AssetRecord)),
  total_entries: Schema.optional(Schema.Number)
})

const RunRef = Schema.Struct({ dag_id: orNull(Schema.String), run_id: orNull(Schema.String) })

export const AssetEventRecord = Schema.Struct({
  dataset_id: Schema.optional(Schema.Number),
  asset_id: Schema.optional(Schema.Number),
  dataset_uri: orNull(Schema.String),
  uri: orNull(Schema.String),
  name: orNull(Schema.String),
  timestamp: Schema.String,
  source_dag_id: orNull(Schema.String),
  source_task_id: orNull(Schema.String),
  source_run_id: orNull(Schema.String),
  source_map_index: orNull(Schema.Number),
  extra: orNull(Schema.Unknown),
  created_dagruns: Schema.optionalWith(Schema.Array(RunRef), { default: () => [] })
})
export type AssetEventRecord = typeof AssetEventRecord.Type

export const AssetEventListAnswer = Schema.Struct({
  dataset_events: Schema.optional(Schema.Array(AssetEventRecord)),
  asset_events: Schema.optional(Schema.Array(AssetEventRecord)),
  total_entries: Schema.optional(Schema.Number)
})

/** Airflow 2 names the queued input by uri, Airflow 3 by asset id. */
export const QueuedEventListAnswer = Schema.Struct({
  datasets: Schema.optional(Schema.Array(Schema.Struct({ uri: Schema.String, created_at: orNull(Schema.String) }))),
  queued_events: Schema.optional(Schema.Array(Schema.Struct({ asset_id: Schema.Number, created_at: orNull(Schema.String) })))
})

export const DagScheduleAnswer = Schema.Struct({
  dataset_expression: orNull(Schema.Unknown),
  asset_expression: orNull(Schema.Unknown)
})
