import { Either } from "effect"
import { airflowError } from "./airflow-errors.js"
import { asset3, assetEvent3, dataset2, datasetEvent2 } from "./asset-shapes.js"
import { contains, inRange, sortedPage, timeKey, within } from "./queries.js"
import { DATE_RANGES, PAGE } from "./request-query.js"
import { type Handler, ok, type RouteSpec } from "./rest-types.js"
import * as S from "./state.js"
import { iso3, micros } from "./time.js"

/**
 * Assets (Airflow 3) and datasets (Airflow 2): the list, one by uri or id, their events, and a
 * DAG's queued events (inputs that produced an event since the DAG's last run).
 */
const assetsOf = (env: S.EnvironmentRecord) => env.assets ?? []
const eventsOf = (env: S.EnvironmentRecord) => env.assetEvents ?? []
const is32 = (env: S.EnvironmentRecord) => S.servesSince(env, [3, 2])

const ASSET_FIELDS = {
  id: (a: S.AssetRecord) => a.id,
  uri: (a: S.AssetRecord) => a.uri,
  name: (a: S.AssetRecord) => a.name,
  created_at: (a: S.AssetRecord) => timeKey(a.createdAt),
  updated_at: (a: S.AssetRecord) => timeKey(a.createdAt)
}

const EVENT_FIELDS = {
  id: (e: S.AssetEventRecord) => e.id,
  dataset_id: (e: S.AssetEventRecord) => e.assetId,
  asset_id: (e: S.AssetEventRecord) => e.assetId,
  source_dag_id: (e: S.AssetEventRecord) => e.sourceDagId,
  source_task_id: (e: S.AssetEventRecord) => e.sourceTaskId,
  source_run_id: (e: S.AssetEventRecord) => e.sourceRunId,
  source_map_index: (e: S.AssetEventRecord) => e.sourceMapIndex,
  timestamp: (e: S.AssetEventRecord) => timeKey(e.timestamp)
}

const touches = (a: S.AssetRecord, dagIds: ReadonlyArray<string>) =>
  dagIds.length === 0 || dagIds.some((d) => a.consumers.includes(d) || a.producers.some((p) => p.dagId === d))

/** Airflow 2's dag_ids is one comma-separated string; Airflow 3's a repeated parameter. */
const dagIdsOf = (value: unknown): ReadonlyArray<string> =>
  (Array.isArray(value) ? value.map(String) : typeof value === "string" ? value.split(",") : [])
    .map((d) => d.trim())
    .filter((d) => d !== "")

export const listAssets: Handler = ({ env, query }) =>
  Either.gen(function* () {
    const dagIds = dagIdsOf(query["dag_ids"])
    const items = assetsOf(env).filter(
      (a) => contains(a.uri, query["uri_pattern"]) && contains(a.name, query["name_pattern"]) && touches(a, dagIds)
    )
    const shown = yield* sortedPage(env.flavor, items, ASSET_FIELDS, "id", {
      orderBy: query["order_by"],
      limit: query["limit"],
      offset: query["offset"]
    })
    return env.flavor === 2
      ? ok({ datasets: shown.map(dataset2), total_entries: items.length })
      : ok({ assets: shown.map((a) => asset3(env, a, is32(env))), total_entries: items.length })
  })

export const getDataset: Handler = ({ env, params }) => {
  const uri = params["uri"] ?? ""
  const found = assetsOf(env).find((a) => a.uri === uri)
  return found === undefined
    ? Either.left(airflowError(2, 404, { title: "Dataset not found", detail: `The Dataset with uri: \`${uri}\` was not found` }, ""))
    : Either.right(ok(dataset2(found)))
}

export const getAsset: Handler = ({ env, params }) => {
  const id = Number(params["asset_id"])
  const found = assetsOf(env).find((a) => a.id === id)
  return found === undefined
    ? Either.left(airflowError(3, 404, { detail: null }, `The Asset with ID: \`${params["asset_id"]}\` was not found`))
    : Either.right(ok(asset3(env, found, is32(env))))
}

/** Strict bounds (3.2's timestamp_gt / _lt) beside the inclusive ones. */
const strictly = (value: string, gt: unknown, lt: unknown) => {
  const v = micros(value) ?? 0
  return (typeof gt !== "string" || v > (micros(gt) ?? v)) && (typeof lt !== "string" || v < (micros(lt) ?? v))
}

export const listAssetEvents: Handler = ({ env, query }) =>
  Either.gen(function* () {
    const assetId = env.flavor === 2 ? query["dataset_id"] : query["asset_id"]
    const assetById = new Map(assetsOf(env).map((a) => [a.id, a]))
    const items = eventsOf(env).filter(
      (e) =>
        (assetId === undefined || e.assetId === assetId) &&
        within(e.sourceDagId, query["source_dag_id"] === undefined ? undefined : [query["source_dag_id"]]) &&
        within(e.sourceTaskId, query["source_task_id"] === undefined ? undefined : [query["source_task_id"]]) &&
        within(e.sourceRunId, query["source_run_id"] === undefined ? undefined : [query["source_run_id"]]) &&
        (query["source_map_index"] === undefined || e.sourceMapIndex === query["source_map_index"]) &&
        inRange(e.timestamp, query["timestamp_gte"], query["timestamp_lte"]) &&
        // 3.2 added name_pattern and the strict bounds; 3.0's FastAPI ignores them as unknown.
        (!is32(env) ||
          (contains(assetById.get(e.assetId)?.name ?? "", query["name_pattern"]) &&
            strictly(e.timestamp, query["timestamp_gt"], query["timestamp_lt"])))
    )
    const shown = yield* sortedPage(env.flavor, items, EVENT_FIELDS, "timestamp", {
      orderBy: query["order_by"],
      limit: query["limit"],
      offset: query["offset"]
    })
    return env.flavor === 2
      ? ok({ dataset_events: shown.map((e) => datasetEvent2(env, e, assetById.get(e.assetId))), total_entries: items.length })
      : ok({ asset_events: shown.map((e) => assetEvent3(env, e, assetById.get(e.assetId), is32(env))), total_entries: items.length })
  })

/** When the DAG's latest run was created: the events after it are queued for its next run. */
const lastRunCreated = (env: S.EnvironmentRecord, dagId: string): string | undefined =>
  env.dagRuns
    .filter((r) => r.dagId === dagId)
    .map((r) => r.queuedAt ?? r.startDate ?? r.runAfter)
    .reduce<string | undefined>((latest, t) => (latest === undefined || (micros(t) ?? 0) > (micros(latest) ?? 0) ? t : latest), undefined)

/** Airflow's queue rows: one per input of the DAG that has an event since its last run, created at the first such event. */
const queuedFor = (env: S.EnvironmentRecord, dagId: string, before: unknown) => {
  const since = micros(lastRunCreated(env, dagId) ?? null)
  return assetsOf(env)
    .filter((a) => a.consumers.includes(dagId))
    .flatMap((a) => {
      const first = eventsOf(env)
        .filter((e) => e.assetId === a.id && (since === undefined || (micros(e.timestamp) ?? 0) > since))
        .sort((x, y) => (micros(x.timestamp) ?? 0) - (micros(y.timestamp) ?? 0))[0]
      return first === undefined ? [] : [{ asset: a, createdAt: first.timestamp }]
    })
    .filter((q) => typeof before !== "string" || (micros(q.createdAt) ?? 0) < (micros(before) ?? 0))
}

export const dagQueuedEvents: Handler = ({ env, params, query }) => {
  const dagId = params["dag_id"] ?? ""
  const queued = queuedFor(env, dagId, query["before"])
  // Airflow 2 and 3.0 answer 404 when nothing is queued; 3.2 an empty list.
  if (queued.length === 0 && !is32(env)) {
    const detail = `Queue event with dag_id: \`${dagId}\` was not found`
    return Either.left(airflowError(env.flavor, 404, { title: "Queue event not found", detail }, detail))
  }
  return Either.right(
    env.flavor === 2
      ? ok({ datasets: queued.map((q) => ({ created_at: q.createdAt, dag_id: dagId, uri: q.asset.uri })), total_entries: queued.length })
      : ok({
          queued_events: queued.map((q) => ({
            dag_id: dagId,
            asset_id: q.asset.id,
            created_at: iso3(q.createdAt),
            ...(is32(env) ? { dag_display_name: dagId } : {})
          })),
          total_entries: queued.length
        })
  )
}

/** The asset routes of Airflow 3 (airflow-3-v2.yaml, with 3.2's filters accepted: 3.0 ignores unknown query parameters). */
export const ASSET_ROUTES_V3: ReadonlyArray<RouteSpec> = [
  {
    method: "GET",
    path: "/assets",
    query: { ...PAGE, name_pattern: "string", uri_pattern: "string", dag_ids: "stringList", only_active: "boolean", order_by: "string" },
    handler: listAssets
  },
  {
    method: "GET",
    path: "/assets/events",
    query: {
      ...PAGE,
      order_by: "string",
      asset_id: "integer",
      source_dag_id: "string",
      source_task_id: "string",
      source_run_id: "string",
      source_map_index: "integer",
      name_pattern: "string",
      ...DATE_RANGES("timestamp"),
      timestamp_gt: "datetime",
      timestamp_lt: "datetime"
    },
    handler: listAssetEvents
  },
  { method: "GET", path: "/assets/{asset_id}", handler: getAsset },
  { method: "GET", path: "/dags/{dag_id}/assets/queuedEvents", query: { before: "datetime" }, handler: dagQueuedEvents }
]
