import { Effect } from "effect"
import { AppConfig } from "../../ports/AppConfig.js"
import { MwaaError } from "../../ports/MwaaError.js"
import { AirflowClient } from "../airflow-client.js"
import { type AssetRecord, type AssetEventRecord, AssetEventListAnswer, AssetListAnswer } from "../answers/asset-events.js"
import type { AssetEvent, AssetRef } from "../asset-event-model.js"
import { pageOf } from "../model.js"
import type { AirflowMajor } from "../routes.js"
import * as Assets from "../routes-assets.js"
import { sanitizeDeep } from "../sanitize.js"

/**
 * Asset (Airflow 2: dataset) events, one shape for both versions: an asset found by uri or name,
 * its events newest first, within a time window. Extras are masked here, deeply, as variables'
 * values are: an event's extra is whatever the producing task chose to attach.
 */

export const termOf = (v: AirflowMajor) => (v === 2 ? ("dataset" as const) : ("asset" as const))

/** Assets scanned for an exact match: the pattern filters are substrings, so a few pages at most. */
const ASSET_PAGE = 100
const ASSET_MAX_PAGES = 5

/** Every asset a filtered list holds, up to ASSET_MAX_PAGES pages. */
export const assetsMatching = Effect.fnUntraced(function* (
  env: string,
  v: AirflowMajor,
  q: Omit<Assets.AssetListQuery, "limit" | "offset">
) {
  const airflow = yield* AirflowClient
  const found: Array<AssetRecord> = []
  for (let page = 0; page < ASSET_MAX_PAGES; page++) {
    const answer = yield* airflow.send(env, Assets.listAssets(v, { ...q, limit: ASSET_PAGE, offset: page * ASSET_PAGE }), AssetListAnswer)
    const items = answer.datasets ?? answer.assets ?? []
    found.push(...items)
    if (items.length < ASSET_PAGE || found.length >= (answer.total_entries ?? 0)) break
  }
  return found
})

/** The asset whose uri (or, on Airflow 3, name) is exactly `asset`. */
export const resolveAsset = Effect.fnUntraced(function* (env: string, v: AirflowMajor, asset: string) {
  const byUri = (yield* assetsMatching(env, v, { uri_pattern: asset })).find((a) => a.uri === asset)
  if (byUri !== undefined) return byUri
  const byName = v === 2 ? undefined : (yield* assetsMatching(env, v, { name_pattern: asset })).find((a) => a.name === asset)
  if (byName !== undefined) return byName
  const term = termOf(v)
  return yield* new MwaaError({
    reason: "NotFound",
    operation: v === 2 ? "GET /datasets" : "GET /assets",
    message: `No ${term} whose uri${v === 2 ? "" : " or name"} is exactly "${asset}" in environment ${env}.`
  })
})

export const assetRefOf = (a: AssetRecord): AssetRef => ({ uri: a.uri, name: a.name })

/** One event in the answer's shape, its extra masked by key name at any depth. */
export const eventOf = (e: AssetEventRecord, asset: AssetRecord, extraSensitiveNames: ReadonlyArray<string>): AssetEvent => {
  const extra = sanitizeDeep(e.extra, extraSensitiveNames)
  return {
    asset_uri: e.uri ?? e.dataset_uri ?? asset.uri,
    asset_name: e.name ?? asset.name,
    timestamp: e.timestamp,
    source_dag_id: e.source_dag_id,
    source_task_id: e.source_task_id,
    source_run_id: e.source_run_id,
    source_map_index: e.source_map_index,
    extra: extra.value,
    extra_masked: extra.masked,
    created_dagruns: e.created_dagruns.length
  }
}

const millis = (iso: string) => Date.parse(iso)

/**
 * One page of an asset's events, newest first, from `since` on. Airflow 3 filters by time; Airflow
 * 2 cannot, so its page is cut here at the first older event, and nothing older can follow it.
 */
export const eventsPage = Effect.fnUntraced(function* (
  env: string,
  v: AirflowMajor,
  asset: AssetRecord,
  q: Omit<Assets.AssetEventQuery, "assetId">
) {
  const airflow = yield* AirflowClient
  const config = yield* AppConfig
  const answer = yield* airflow.send(env, Assets.listAssetEvents(v, { ...q, assetId: asset.id }), AssetEventListAnswer)
  const sent = answer.dataset_events ?? answer.asset_events ?? []
  const since = q.since === undefined ? undefined : millis(q.since)
  const kept = since === undefined ? sent : sent.filter((e) => !(millis(e.timestamp) < since))
  const cut = kept.length < sent.length
  const total = cut ? q.offset + kept.length : (answer.total_entries ?? q.offset + kept.length)
  return {
    events: kept.map((e) => eventOf(e, asset, config.extraSensitiveNames)),
    ...pageOf(q.offset, q.limit, kept.length, total)
  }
})

/** The window and page of list-asset-events, in either mode. */
export interface EventsWindow {
  readonly since?: string | undefined
  readonly limit: number
  readonly offset: number
}

export interface AssetEventsRequest extends EventsWindow {
  readonly asset: string
}

/** An asset's recent events (asset mode of list-asset-events). */
export const listEventsOfAsset = Effect.fnUntraced(function* (env: string, request: AssetEventsRequest) {
  const airflow = yield* AirflowClient
  const v = yield* airflow.major(env)
  const asset = yield* resolveAsset(env, v, request.asset)
  const page = yield* eventsPage(env, v, asset, { limit: request.limit, offset: request.offset, since: request.since })
  return { term: termOf(v), asset: assetRefOf(asset), consumer: null, since: request.since ?? null, ...page }
})
