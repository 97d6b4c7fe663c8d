import { Effect } from "effect"
import { AirflowClient } from "../airflow-client.js"
import { type AssetRecord, DagScheduleAnswer, QueuedEventListAnswer } from "../answers/asset-events.js"
import type { Consumer, ConsumerInput } from "../asset-event-model.js"
import { pageOf } from "../model.js"
import { fits } from "../paths.js"
import type { AirflowMajor } from "../routes.js"
import * as Assets from "../routes-assets.js"
import { listDagRuns } from "./dag-runs.js"
import { assetsMatching, type EventsWindow, eventsPage, termOf } from "./asset-events.js"

/**
 * "Why did it not run?" for a data-aware DAG: the assets (Airflow 2: datasets) it is scheduled
 * on, each one's latest event, and which have produced none since the DAG's last run — the
 * inputs it is still waiting on — beside the events Airflow has queued for its next run.
 */

/** Airflow's schedule expression ({"all": [...]}, {"any": [...]}, an asset, an alias) as one line. */
export const conditionText = (x: unknown): string | undefined => {
  if (typeof x === "string") return x
  if (x === null || typeof x !== "object") return undefined
  const o = x as Record<string, unknown>
  for (const [op, word] of [
    ["all", " AND "],
    ["any", " OR "]
  ] as const) {
    const items = o[op]
    if (Array.isArray(items)) {
      const parts = items.map(conditionText).filter((p): p is string => p !== undefined)
      return parts.length === 1 ? parts[0] : `(${parts.join(word)})`
    }
  }
  const inner = (o["asset"] ?? o["alias"]) as Record<string, unknown> | undefined
  if (inner !== undefined && inner !== null && typeof inner === "object") {
    const label = typeof inner["name"] === "string" ? inner["name"] : typeof inner["uri"] === "string" ? inner["uri"] : undefined
    return label === undefined ? undefined : o["alias"] !== undefined ? `alias ${label}` : label
  }
  return typeof o["uri"] === "string" ? o["uri"] : undefined
}

/** A path the configured route can carry: a long one only through the webserver. */
const sendable = (airflow: AirflowClient, path: string) => fits(path) || airflow.longPaths

const scheduleCondition = Effect.fnUntraced(function* (env: string, dagId: string) {
  const airflow = yield* AirflowClient
  const call = Assets.dagDetails(dagId)
  if (!sendable(airflow, call.path)) return null
  const details = yield* airflow.send(env, call, DagScheduleAnswer)
  return conditionText(details.dataset_expression ?? details.asset_expression) ?? null
})

const lastRunOf = Effect.fnUntraced(function* (env: string, dagId: string) {
  // Newest start first (a run not started yet sorts first: PostgreSQL puts NULLs first in descending order).
  const runs = yield* listDagRuns(env, dagId, { limit: 1, offset: 0, order_by: "-start_date" })
  const run = runs.dag_runs[0]
  return run === undefined ? null : { dag_run_id: run.dag_run_id, state: run.state, at: run.start_date ?? run.logical_date }
})

/** Airflow's queued events for the DAG's next run; 404 (Airflow 2, 3.0) means none is queued. */
const queuedOf = Effect.fnUntraced(function* (env: string, v: AirflowMajor, dagId: string, inputs: ReadonlyArray<AssetRecord>) {
  const airflow = yield* AirflowClient
  const call = Assets.dagQueuedEvents(v, dagId)
  if (!sendable(airflow, call.path)) return null
  const answer = yield* airflow.send(env, call, QueuedEventListAnswer).pipe(
    Effect.catchIf(
      (e) => e._tag === "MwaaError" && e.airflowStatus === 404,
      () => Effect.succeed({ datasets: [], queued_events: [] })
    )
  )
  const uriOf = (id: number) => inputs.find((a) => a.id === id)?.uri ?? `${termOf(v)} id ${id}`
  return [
    ...(answer.datasets ?? []).map((q) => ({ asset_uri: q.uri, created_at: q.created_at })),
    ...(answer.queued_events ?? []).map((q) => ({ asset_uri: uriOf(q.asset_id), created_at: q.created_at }))
  ]
})

const after = (timestamp: string, reference: string | null) => reference === null || Date.parse(timestamp) > Date.parse(reference)

export interface ConsumerRequest extends EventsWindow {
  readonly dagId: string
}

/** dag_id mode of list-asset-events: paged over the DAG's inputs, one latest event each. */
export const listEventsOfConsumer = Effect.fnUntraced(function* (env: string, request: ConsumerRequest) {
  const airflow = yield* AirflowClient
  const v = yield* airflow.major(env)
  const { dagId } = request
  // The details come first: an unknown DAG fails here with Airflow's 404, named.
  const condition = yield* scheduleCondition(env, dagId)
  const inputs = (yield* assetsMatching(env, v, { dag_id: dagId })).filter((a) =>
    [...a.consuming_dags, ...a.scheduled_dags].some((d) => d.dag_id === dagId)
  )
  const lastRun = yield* lastRunOf(env, dagId)
  const queued = yield* queuedOf(env, v, dagId, inputs)
  const shown = inputs.slice(request.offset, request.offset + request.limit)
  const latest = yield* Effect.forEach(shown, (a) => eventsPage(env, v, a, { limit: 1, offset: 0, since: request.since }), {
    concurrency: 4
  })
  const rows: ReadonlyArray<ConsumerInput> = shown.map((a, i) => {
    const event = latest[i]?.events[0] ?? null
    return {
      uri: a.uri,
      name: a.name,
      latest_event: event,
      since_last_run: event !== null && after(event.timestamp, lastRun?.at ?? null),
      queued: queued === null ? null : queued.some((q) => q.asset_uri === a.uri)
    }
  })
  const consumer: Consumer = {
    dag_id: dagId,
    schedule_condition: condition,
    last_run: lastRun,
    inputs: rows,
    waiting_on: rows.filter((r) => !r.since_last_run).map((r) => r.uri),
    queued_events: queued
  }
  const events = rows
    .flatMap((r) => (r.latest_event === null ? [] : [r.latest_event]))
    .sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp))
  return {
    term: termOf(v),
    asset: null,
    consumer,
    events,
    since: request.since ?? null,
    ...pageOf(request.offset, request.limit, shown.length, inputs.length)
  }
})
