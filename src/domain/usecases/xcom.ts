import { Effect } from "effect"
import { AppConfig } from "../../ports/AppConfig.js"
import { AirflowClient } from "../airflow-client.js"
import { isAtLeast } from "../airflow-version.js"
import { type XcomEntryRecord, XcomListAnswer, XcomValueAnswer } from "../answers/xcom.js"
import { pageOf } from "../model.js"
import { maskXcomValue } from "../redaction-xcom.js"
import * as Xcom from "../routes-xcom.js"
import { getTaskInstance } from "./task-instances.js"

/**
 * The XCom entries of one task instance: their keys always, their values (masked) on request.
 * An empty list is read twice over: a task instance that pushed nothing is a normal empty answer,
 * one that does not exist is NotFound naming it.
 */

export interface XcomRequest extends Xcom.XcomTaskInstance {
  /** One key only; undefined for every key. */
  readonly key: string | undefined
  readonly includeValues: boolean
  readonly limit: number
  readonly offset: number
}

export interface XcomEntry {
  readonly key: string
  readonly map_index: number
  readonly timestamp: string | null
  /** Present when values were asked for: masked, JSON text parsed. */
  readonly value?: unknown
  /** Present when values were asked for: whether anything in the value was masked. */
  readonly masked?: boolean
}

/** The most `~` pages read before the direct path is taken instead: 5,000 look-alike entries. */
const MAX_PATTERN_PAGES = 50

/** Whether Airflow's entry belongs to this task instance (the `~` list holds others that look alike). */
const isOf = (t: Xcom.XcomTaskInstance, key: string | undefined) => (e: XcomEntryRecord) =>
  e.dag_id === t.dagId &&
  (e.dag_run_id ?? e.run_id) === t.runId &&
  e.task_id === t.taskId &&
  (e.map_index ?? -1) === t.mapIndex &&
  (key === undefined || e.key === key)

interface EntriesPage {
  readonly entries: ReadonlyArray<XcomEntryRecord>
  readonly total: number
}

/** One page of the task instance's own list (Airflow pages it). */
const readDirect = Effect.fnUntraced(function* (env: string, req: XcomRequest) {
  const airflow = yield* AirflowClient
  const answer = yield* airflow.send(env, Xcom.xcomListCall(req, Xcom.directXcomList(req), req.key, req), XcomListAnswer)
  // Airflow 2's entries name no run: the path did. One of another task or map index would be Airflow's bug: left out.
  const entries = answer.xcom_entries.filter(
    (e) => (e.task_id === null || e.task_id === req.taskId) && (e.map_index ?? -1) === req.mapIndex
  )
  return { entries, total: answer.total_entries ?? req.offset + entries.length } satisfies EntriesPage
})

/**
 * The `~` list holds every entry whose ids contain these: read it all, keep the exact ones, then
 * page here. Undefined when more look alike than MAX_PATTERN_PAGES pages hold.
 */
const readPattern = Effect.fnUntraced(function* (env: string, req: XcomRequest, plan: Xcom.XcomListPlan) {
  const airflow = yield* AirflowClient
  const exact: Array<XcomEntryRecord> = []
  for (let pageIndex = 0; pageIndex < MAX_PATTERN_PAGES; pageIndex++) {
    const offset = pageIndex * Xcom.XCOM_PATTERN_PAGE
    const call = Xcom.xcomListCall(req, plan, req.key, { limit: Xcom.XCOM_PATTERN_PAGE, offset })
    const answer = yield* airflow.send(env, call, XcomListAnswer)
    exact.push(...answer.xcom_entries.filter(isOf(req, req.key)))
    const total = answer.total_entries ?? offset + answer.xcom_entries.length
    if (answer.xcom_entries.length === 0 || offset + answer.xcom_entries.length >= total) {
      const page: EntriesPage = { entries: exact.slice(req.offset, req.offset + req.limit), total: exact.length }
      return page
    }
  }
  return undefined
})

const readPage = (env: string, req: XcomRequest, plan: Xcom.XcomListPlan) =>
  plan.kind === "direct"
    ? readDirect(env, req)
    : Effect.flatMap(readPattern(env, req, plan), (page) => (page === undefined ? readDirect(env, req) : Effect.succeed(page)))

export const getXcom = Effect.fnUntraced(function* (env: string, req: XcomRequest) {
  const airflow = yield* AirflowClient
  const config = yield* AppConfig
  const release = yield* airflow.release(env)
  const plan = Xcom.planXcomList(req, { patterns: isAtLeast(release, { major: 3, minor: 1 }), webserverOnly: airflow.webserverOnly })
  const { entries, total } = yield* readPage(env, req, plan)
  // Nothing listed: a task instance that pushed nothing, or one that does not exist (NotFound names it).
  if (total === 0) yield* getTaskInstance(env, req.dagId, req.runId, req.taskId, req.mapIndex)
  const stringifyParameter = release.major === 3 || isAtLeast(release, { major: 2, minor: 10 })
  const shown: ReadonlyArray<XcomEntry> = req.includeValues
    ? yield* Effect.forEach(
        entries,
        (e) =>
          Effect.map(airflow.send(env, Xcom.xcomEntryCall(req, e.key, stringifyParameter), XcomValueAnswer), (answer) => {
            const masked = maskXcomValue(e.key, answer.value ?? null, config.extraSensitiveNames)
            return { key: e.key, map_index: e.map_index ?? -1, timestamp: e.timestamp, value: masked.value, masked: masked.masked }
          }),
        // A few at a time: the per-environment rate limit paces them anyway.
        { concurrency: 4 }
      )
    : entries.map((e) => ({ key: e.key, map_index: e.map_index ?? -1, timestamp: e.timestamp }))
  return {
    dag_id: req.dagId,
    dag_run_id: req.runId,
    task_id: req.taskId,
    map_index: req.mapIndex,
    key: req.key ?? null,
    values_included: req.includeValues,
    xcom_entries: shown,
    ...pageOf(req.offset, req.limit, shown.length, total)
  }
})
