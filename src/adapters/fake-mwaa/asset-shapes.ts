import type * as S from "./state.js"
import { iso3 } from "./time.js"

/**
 * Assets' response shapes: Airflow 2's datasets (airflow-2-v1.yaml: Dataset, DatasetEvent,
 * QueuedEvent), Airflow 3.0's assets (airflow-3-v2.yaml) and what 3.2 changed
 * (airflow-3.2-v2.yaml): consuming_dags became scheduled_dags beside consuming_tasks, watchers
 * and last_asset_event; events and run references gained partition_key; queued events
 * dag_display_name. Airflow 2 prints datetimes with +00:00, Airflow 3 with Z.
 */
const GROUP = "asset"

type Since32 = boolean

const runById = (env: S.EnvironmentRecord, dagId: string, runId: string) => env.dagRuns.find((r) => r.dagId === dagId && r.runId === runId)

export const dataset2 = (a: S.AssetRecord) => ({
  id: a.id,
  uri: a.uri,
  extra: a.extra,
  created_at: a.createdAt,
  updated_at: a.createdAt,
  consuming_dags: a.consumers.map((dag_id) => ({ dag_id, created_at: a.createdAt, updated_at: a.createdAt })),
  producing_tasks: a.producers.map((p) => ({ dag_id: p.dagId, task_id: p.taskId, created_at: a.createdAt, updated_at: a.createdAt }))
})

export const asset3 = (env: S.EnvironmentRecord, a: S.AssetRecord, is32: Since32) => {
  const stamp = iso3(a.createdAt)
  const dags = a.consumers.map((dag_id) => ({ dag_id, created_at: stamp, updated_at: stamp }))
  const base = {
    id: a.id,
    name: a.name,
    uri: a.uri,
    group: GROUP,
    extra: a.extra,
    created_at: stamp,
    updated_at: stamp,
    producing_tasks: a.producers.map((p) => ({ dag_id: p.dagId, task_id: p.taskId, created_at: stamp, updated_at: stamp })),
    aliases: []
  }
  if (!is32) return { ...base, consuming_dags: dags }
  const last = latestEvent(env, a.id)
  return {
    ...base,
    scheduled_dags: dags,
    consuming_tasks: [],
    watchers: [],
    last_asset_event: last === undefined ? null : { id: last.id, timestamp: iso3(last.timestamp) }
  }
}

export const latestEvent = (env: S.EnvironmentRecord, assetId: number): S.AssetEventRecord | undefined =>
  (env.assetEvents ?? [])
    .filter((e) => e.assetId === assetId)
    .reduce<S.AssetEventRecord | undefined>(
      (latest, e) => (latest === undefined || e.timestamp >= latest.timestamp ? e : latest),
      undefined
    )

export const datasetEvent2 = (env: S.EnvironmentRecord, e: S.AssetEventRecord, a: S.AssetRecord | undefined) => ({
  dataset_id: e.assetId,
  dataset_uri: a?.uri ?? "",
  extra: e.extra,
  source_dag_id: e.sourceDagId,
  source_task_id: e.sourceTaskId,
  source_run_id: e.sourceRunId,
  source_map_index: e.sourceMapIndex,
  timestamp: e.timestamp,
  created_dagruns: e.createdRuns.flatMap(({ dagId, runId }) => {
    const run = runById(env, dagId, runId)
    return run === undefined
      ? []
      : [
          {
            run_id: run.runId,
            dag_id: run.dagId,
            logical_date: run.logicalDate,
            start_date: run.startDate,
            end_date: run.endDate,
            state: run.state,
            data_interval_start: run.dataIntervalStart,
            data_interval_end: run.dataIntervalEnd
          }
        ]
  })
})

export const assetEvent3 = (env: S.EnvironmentRecord, e: S.AssetEventRecord, a: S.AssetRecord | undefined, is32: Since32) => ({
  id: e.id,
  asset_id: e.assetId,
  uri: a?.uri ?? null,
  name: a?.name ?? null,
  group: a === undefined ? null : GROUP,
  extra: e.extra,
  source_task_id: e.sourceTaskId,
  source_dag_id: e.sourceDagId,
  source_run_id: e.sourceRunId,
  source_map_index: e.sourceMapIndex,
  created_dagruns: e.createdRuns.flatMap(({ dagId, runId }) => {
    const run = runById(env, dagId, runId)
    return run === undefined
      ? []
      : [
          {
            run_id: run.runId,
            dag_id: run.dagId,
            logical_date: iso3(run.logicalDate),
            start_date: iso3(run.startDate ?? run.queuedAt ?? run.runAfter),
            end_date: iso3(run.endDate),
            state: run.state,
            data_interval_start: iso3(run.dataIntervalStart),
            data_interval_end: iso3(run.dataIntervalEnd),
            ...(is32 ? { partition_key: null } : {})
          }
        ]
  }),
  timestamp: iso3(e.timestamp),
  ...(is32 ? { partition_key: null } : {})
})

/** A DAG's schedule on its assets, as DAG details show it: a list of assets is Airflow's "all" of them. */
export const scheduleExpression = (env: S.EnvironmentRecord, dagId: string): Record<string, unknown> | null => {
  const inputs = (env.assets ?? []).filter((a) => a.consumers.includes(dagId))
  if (inputs.length === 0) return null
  return env.flavor === 2
    ? { all: inputs.map((a) => a.uri) }
    : { all: inputs.map((a) => ({ asset: { uri: a.uri, name: a.name, group: GROUP, id: a.id } })) }
}
