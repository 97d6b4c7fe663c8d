import { Either } from "effect"
import { airflowError, connexionError } from "./airflow-errors.js"
import { findDag, findRun } from "./lookups.js"
import { pyStrRepr } from "./python-repr.js"
import { page, paginate } from "./queries.js"
import { DATE_RANGES, PAGE, type QuerySpec } from "./request-query.js"
import { type Handler, ok, type RouteSpec } from "./rest-types.js"
import { type EnvironmentRecord, servesSince, type XcomRecord } from "./state.js"
import { iso3, micros } from "./time.js"

/**
 * XCom reads, from the specs: the entries of a task instance ("~" for any DAG, run or task: the
 * values left out), and one entry with its value. Airflow 3.1+ adds SQL LIKE pattern filters to the
 * list; Airflow 2.10 added `stringify` to the entry (default true: the value as Python's str()),
 * Airflow 3 keeps it (default false: the value as stored).
 */

/** Python's str() of a JSON value, as marshmallow's fields.String dumps it (Airflow 2's stringify). */
export const pyStr = (value: unknown, nested = false): string => {
  if (value === null || value === undefined) return "None"
  if (value === true) return "True"
  if (value === false) return "False"
  // JSON does not tell 2.0 from 2: both print as Python prints an int.
  if (typeof value === "number") return String(value)
  if (typeof value === "string") return nested ? pyStrRepr(value) : value
  if (Array.isArray(value)) return `[${value.map((v) => pyStr(v, true)).join(", ")}]`
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${pyStrRepr(k)}: ${pyStr(v, true)}`)
    .join(", ")}}`
}

/**
 * Airflow 3.1+'s search parameter: "a | b" is either part; each is ILIKE '%part%' with `%` and `_`
 * as wildcards and a backslash escaping the next character (PostgreSQL's default escape).
 */
export const likeAny = (value: string, pattern: unknown): boolean => {
  if (typeof pattern !== "string") return true
  const parts = pattern
    .split("|")
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
  if (parts.length === 0) return true
  return parts.some((part) => {
    let source = ""
    for (let i = 0; i < part.length; i++) {
      const c = part[i] as string
      if (c === "\\" && i + 1 < part.length) source += escapeRegExp(part[++i] as string)
      else if (c === "%") source += "[\\s\\S]*"
      else if (c === "_") source += "[\\s\\S]"
      else source += escapeRegExp(c)
    }
    return new RegExp(source, "iu").test(value)
  })
}

const escapeRegExp = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")

const logicalDateOf = (env: EnvironmentRecord, x: XcomRecord) => findRun(env, x.dagId, x.runId)?.logicalDate ?? null

/** An entry as each version's list shows it (no value). */
const entryView = (env: EnvironmentRecord, x: XcomRecord) => {
  if (env.flavor === 2) {
    return {
      dag_id: x.dagId,
      execution_date: logicalDateOf(env, x),
      key: x.key,
      map_index: x.mapIndex,
      task_id: x.taskId,
      timestamp: x.timestamp
    }
  }
  const base = {
    key: x.key,
    timestamp: iso3(x.timestamp),
    logical_date: iso3(logicalDateOf(env, x)),
    map_index: x.mapIndex,
    task_id: x.taskId,
    dag_id: x.dagId,
    run_id: x.runId
  }
  if (!servesSince(env, [3, 1])) return base
  const run = findRun(env, x.dagId, x.runId)
  return {
    ...base,
    dag_display_name: findDag(env, x.dagId)?.dagId ?? x.dagId,
    task_display_name: x.taskId,
    run_after: iso3(run?.runAfter ?? x.timestamp)
  }
}

const inDateRange = (value: string | null, f: Readonly<Record<string, unknown>>, name: string): boolean => {
  const v = micros(value)
  const bound = (suffix: string) => (typeof f[`${name}_${suffix}`] === "string" ? micros(f[`${name}_${suffix}`] as string) : undefined)
  const [gte, gt, lte, lt] = ["gte", "gt", "lte", "lt"].map(bound)
  if (gte === undefined && gt === undefined && lte === undefined && lt === undefined) return true
  if (v === undefined) return false
  return (gte === undefined || v >= gte) && (gt === undefined || v > gt) && (lte === undefined || v <= lte) && (lt === undefined || v < lt)
}

export const listXcomEntries: Handler = ({ env, params, query }) =>
  Either.gen(function* () {
    const dagId = params["dag_id"] ?? ""
    const runId = params["dag_run_id"] ?? ""
    const taskId = params["task_id"] ?? ""
    const limit = query["limit"] as number | undefined
    const p = yield* page(env.flavor, limit, query["offset"] as number | undefined)
    const entries = env.xcoms.filter((x) => {
      const run = findRun(env, x.dagId, x.runId)
      // The list joins DagRun: an entry of a run that no longer exists is not listed.
      if (run === undefined) return false
      return (
        (dagId === "~" || x.dagId === dagId) &&
        (runId === "~" || x.runId === runId) &&
        (taskId === "~" || x.taskId === taskId) &&
        (typeof query["map_index"] !== "number" || x.mapIndex === query["map_index"]) &&
        (typeof query["map_index_filter"] !== "number" || x.mapIndex === query["map_index_filter"]) &&
        (typeof query["xcom_key"] !== "string" || x.key === query["xcom_key"]) &&
        likeAny(x.key, query["xcom_key_pattern"]) &&
        likeAny(x.dagId, query["dag_display_name_pattern"]) &&
        likeAny(x.runId, query["run_id_pattern"]) &&
        likeAny(x.taskId, query["task_id_pattern"]) &&
        inDateRange(run.logicalDate, query, "logical_date") &&
        inDateRange(run.runAfter, query, "run_after")
      )
    })
    // Airflow orders by the run's logical date, then task, DAG and key (map index last).
    const sorted = [...entries].sort((a, b) => {
      const ka = [micros(logicalDateOf(env, a)) ?? 0, a.taskId, a.dagId, a.key, a.mapIndex] as const
      const kb = [micros(logicalDateOf(env, b)) ?? 0, b.taskId, b.dagId, b.key, b.mapIndex] as const
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return (ka[i] as number | string) < (kb[i] as number | string) ? -1 : 1
      return 0
    })
    return ok({ xcom_entries: paginate(sorted, p).map((x) => entryView(env, x)), total_entries: sorted.length })
  })

export const getXcomEntry: Handler = ({ env, params, query }) =>
  Either.gen(function* () {
    // `stringify` came in 2.10: connexion's strict validation refuses it on older releases.
    if (env.flavor === 2 && query["stringify"] !== undefined && !servesSince(env, [2, 10])) {
      return yield* Either.left(connexionError(400, "Extra query parameter(s) stringify not in spec"))
    }
    const mapIndex = typeof query["map_index"] === "number" ? query["map_index"] : -1
    const key = params["xcom_key"] ?? ""
    const found = env.xcoms.find(
      (x) =>
        x.dagId === params["dag_id"] &&
        x.runId === params["dag_run_id"] &&
        x.taskId === params["task_id"] &&
        x.key === key &&
        x.mapIndex === mapIndex &&
        findRun(env, x.dagId, x.runId) !== undefined
    )
    if (found === undefined) {
      return yield* Either.left(
        airflowError(env.flavor, 404, { title: "XCom entry not found", detail: null }, `XCom entry with key: \`${key}\` not found`)
      )
    }
    // Airflow 2.10+ stringifies unless told not to; before 2.10 it always did. Airflow 3 does only when asked.
    const stringify = env.flavor === 2 ? query["stringify"] !== false : query["stringify"] === true
    const value = stringify ? pyStr(found.value) : found.value
    return ok({ ...entryView(env, found), value })
  })

const LIST_QUERY_2: QuerySpec = { ...PAGE, map_index: "integer", xcom_key: "string" }
const ENTRY_QUERY_2: QuerySpec = { map_index: "integer", deserialize: "boolean", stringify: "boolean" }
const LIST_QUERY_3: QuerySpec = { ...PAGE, map_index: "integer", xcom_key: "string" }
const LIST_QUERY_31: QuerySpec = {
  ...LIST_QUERY_3,
  xcom_key_pattern: "string",
  dag_display_name_pattern: "string",
  run_id_pattern: "string",
  task_id_pattern: "string",
  map_index_filter: "integer",
  ...DATE_RANGES("logical_date", "run_after"),
  logical_date_gt: "datetime",
  logical_date_lt: "datetime",
  run_after_gt: "datetime",
  run_after_lt: "datetime"
}
const ENTRY_QUERY_3: QuerySpec = { map_index: "integer", deserialize: "boolean", stringify: "boolean" }

const XCOM = "/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/xcomEntries"

/** Airflow 2's XCom routes (airflow-2-v1.yaml). They come before `{task_id}/{map_index}`, which matches their paths too. */
export const XCOM_ROUTES_V2: ReadonlyArray<RouteSpec> = [
  { method: "GET", path: XCOM, query: LIST_QUERY_2, handler: listXcomEntries },
  { method: "GET", path: `${XCOM}/{xcom_key}`, query: ENTRY_QUERY_2, handler: getXcomEntry }
]

/** Airflow 3's (airflow-3-v2.yaml; 3.1+ the list's pattern filters, airflow-3.2-v2.yaml). */
export const XCOM_ROUTES_V3: ReadonlyArray<RouteSpec> = [
  { method: "GET", path: XCOM, query: LIST_QUERY_31, since: [3, 1], handler: listXcomEntries },
  { method: "GET", path: XCOM, query: LIST_QUERY_3, handler: listXcomEntries },
  { method: "GET", path: `${XCOM}/{xcom_key}`, query: ENTRY_QUERY_3, handler: getXcomEntry }
]
