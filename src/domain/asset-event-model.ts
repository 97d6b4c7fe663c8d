import { Schema } from "effect"

/**
 * list-asset-events' answer: one shape for Airflow 2's datasets and Airflow 3's assets (`term`
 * says which word the environment's version uses). Fields one version lacks are null.
 */
const Nullable = <S extends Schema.Schema.Any>(s: S) => Schema.NullOr(s)

export const AssetEvent = Schema.Struct({
  asset_uri: Schema.String,
  /** Airflow 3's asset name; null on Airflow 2. */
  asset_name: Nullable(Schema.String),
  timestamp: Schema.String,
  source_dag_id: Nullable(Schema.String),
  source_task_id: Nullable(Schema.String),
  source_run_id: Nullable(Schema.String),
  source_map_index: Nullable(Schema.Number),
  /** The event's extra, values under sensitive names masked at any depth. */
  extra: Schema.Unknown,
  extra_masked: Schema.Boolean,
  /** Runs this event (with the other inputs') triggered. */
  created_dagruns: Schema.Number
})
export type AssetEvent = typeof AssetEvent.Type

export const AssetRef = Schema.Struct({ uri: Schema.String, name: Nullable(Schema.String) })
export type AssetRef = typeof AssetRef.Type

export const ConsumerInput = Schema.Struct({
  uri: Schema.String,
  name: Nullable(Schema.String),
  /** Its newest event (within `since`, when given); null when none. */
  latest_event: Nullable(AssetEvent),
  /** Whether that event came after the consumer's last run started (true when the DAG never ran). */
  since_last_run: Schema.Boolean,
  /** Whether Airflow holds a queued event of this input for the DAG's next run; null when unknown. */
  queued: Nullable(Schema.Boolean)
})
export type ConsumerInput = typeof ConsumerInput.Type

export const ConsumerRun = Schema.Struct({
  dag_run_id: Schema.String,
  state: Nullable(Schema.String),
  /** When it started (else its logical date): events after it count toward the next run. */
  at: Nullable(Schema.String)
})

export const Consumer = Schema.Struct({
  dag_id: Schema.String,
  /** The DAG's schedule on its inputs as Airflow states it, e.g. "(orders AND fx_rates)"; null when unread. */
  schedule_condition: Nullable(Schema.String),
  last_run: Nullable(ConsumerRun),
  inputs: Schema.Array(ConsumerInput),
  /** Uris of this page's inputs with no event since the last run. */
  waiting_on: Schema.Array(Schema.String),
  /** Airflow's queued events for the next run; null when they could not be read. */
  queued_events: Nullable(Schema.Array(Schema.Struct({ asset_uri: Schema.String, created_at: Nullable(Schema.String) })))
})
export type Consumer = typeof Consumer.Type

export const AssetEventsPage = {
  term: Schema.Literal("dataset", "asset"),
  /** The asset asked for (asset mode); null for dag_id. */
  asset: Nullable(AssetRef),
  /** The consumer DAG and its inputs (dag_id mode); null for asset. */
  consumer: Nullable(Consumer),
  events: Schema.Array(AssetEvent),
  since: Nullable(Schema.String)
}
