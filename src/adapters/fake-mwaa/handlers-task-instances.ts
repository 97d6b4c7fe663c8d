import { Either } from "effect"
import { routeNotFound, unprocessable } from "./airflow-errors.js"
import { durationSeconds } from "./airflow2-shapes.js"
import { cursorFields } from "./airflow32-shapes.js"
import { taskInstanceMatches32 } from "./filters-32.js"
import { findRun, requireDag, requireRun, requireTaskInstance, taskInstanceView } from "./lookups.js"
import { PAGE_BODY, contains, inRange, type ListRequest, sortedPage, timeKey, within } from "./queries.js"
import { tildeOnly } from "./handlers-runs.js"
import { type Handler, ok } from "./rest-types.js"
import type * as S from "./state.js"

/** Task instance reads: one TI, the TIs of a run ("~" for any DAG or run), and the batch list. */
type TI = S.TaskInstanceRecord

/** "none" (and Airflow 3's "no_status") select task instances without a state. */
const states = (list: unknown): unknown => (Array.isArray(list) ? list.map((s) => (s === "none" || s === "no_status" ? null : s)) : list)

const matches = (env: S.EnvironmentRecord, ti: TI, f: Readonly<Record<string, unknown>>): boolean => {
  const run = findRun(env, ti.dagId, ti.runId)
  const duration = durationSeconds(ti.startDate, ti.endDate)
  const durationOk =
    (typeof f["duration_gte"] !== "number" || (duration !== null && duration >= f["duration_gte"])) &&
    (typeof f["duration_lte"] !== "number" || (duration !== null && duration <= f["duration_lte"]))
  return (
    durationOk &&
    taskInstanceMatches32(env, ti, f) &&
    within(ti.state, states(f["state"])) &&
    within(ti.pool, f["pool"]) &&
    within(ti.queue, f["queue"]) &&
    inRange(ti.startDate, f["start_date_gte"], f["start_date_lte"]) &&
    inRange(ti.endDate, f["end_date_gte"], f["end_date_lte"]) &&
    inRange(run?.logicalDate ?? null, f["execution_date_gte"] ?? f["logical_date_gte"], f["execution_date_lte"] ?? f["logical_date_lte"]) &&
    inRange(run?.runAfter ?? null, f["run_after_gte"], f["run_after_lte"]) &&
    (typeof f["task_id"] !== "string" || ti.taskId === f["task_id"]) &&
    contains(ti.taskId, f["task_display_name_pattern"])
  )
}

const TI_FIELDS = (env: S.EnvironmentRecord) => {
  const logical = (t: TI) => timeKey(findRun(env, t.dagId, t.runId)?.logicalDate ?? null)
  return {
    id: (t: TI) => t.id,
    state: (t: TI) => t.state,
    duration: (t: TI) => durationSeconds(t.startDate, t.endDate),
    start_date: (t: TI) => timeKey(t.startDate),
    end_date: (t: TI) => timeKey(t.endDate),
    map_index: (t: TI) => t.mapIndex,
    try_number: (t: TI) => t.tryNumber,
    task_id: (t: TI) => t.taskId,
    dag_id: (t: TI) => t.dagId,
    run_id: (t: TI) => t.runId,
    operator: (t: TI) => t.operator,
    pool: (t: TI) => t.pool,
    queue: (t: TI) => t.queue,
    priority_weight: (t: TI) => t.priorityWeight,
    ...(env.flavor === 2
      ? { execution_date: logical }
      : { logical_date: logical, run_after: (t: TI) => timeKey(findRun(env, t.dagId, t.runId)?.runAfter ?? null) })
  }
}

const listed = (env: S.EnvironmentRecord, tis: ReadonlyArray<TI>, defaultOrder: string, request: ListRequest) =>
  Either.map(sortedPage(env.flavor, tis, TI_FIELDS(env), defaultOrder, request), (shown) =>
    ok({ task_instances: shown.map((t) => taskInstanceView(env, t)), total_entries: tis.length, ...cursorFields(env) })
  )

export const listTaskInstances: Handler = ({ env, params, query }) =>
  Either.gen(function* () {
    const dagId = params["dag_id"] ?? ""
    const runId = params["dag_run_id"] ?? ""
    if (env.flavor === 3 && dagId !== "~") yield* requireDag(env, dagId)
    if (env.flavor === 3 && dagId !== "~" && runId !== "~") yield* requireRun(env, dagId, runId)
    const tis = env.taskInstances.filter(
      (t) => (dagId === "~" || t.dagId === dagId) && (runId === "~" || t.runId === runId) && matches(env, t, query)
    )
    return yield* listed(env, tis, "map_index", { orderBy: query["order_by"], limit: query["limit"], offset: query["offset"] })
  })

export const listTaskInstancesBatch: Handler = ({ env, params, body }) =>
  Either.gen(function* () {
    if (env.flavor === 3) {
      yield* tildeOnly("dag_id", params["dag_id"])
      yield* tildeOnly("dag_run_id", params["dag_run_id"])
    }
    const tis = env.taskInstances.filter(
      (t) =>
        within(t.dagId, body["dag_ids"]) &&
        within(t.runId, body["dag_run_ids"]) &&
        within(t.taskId, body["task_ids"]) &&
        matches(env, t, body)
    )
    return yield* listed(env, tis, "id", {
      orderBy: body["order_by"],
      limit: body["page_limit"],
      offset: body["page_offset"],
      pageNames: PAGE_BODY
    })
  })

export const getTaskInstance: Handler = ({ env, params }) => {
  const mapText = params["map_index"]
  if (mapText !== undefined && !/^-?\d+$/.test(mapText)) {
    // Airflow 2's route takes an int converter (no match: 404); FastAPI answers 422.
    const msg = "Input should be a valid integer, unable to parse string as an integer"
    return Either.left(
      env.flavor === 2 ? routeNotFound(2) : unprocessable([{ type: "int_parsing", loc: ["path", "map_index"], msg, input: mapText }])
    )
  }
  const mapIndex = mapText === undefined ? -1 : Number(mapText)
  return Either.map(requireTaskInstance(env, params["dag_id"] ?? "", params["dag_run_id"] ?? "", params["task_id"] ?? "", mapIndex), (ti) =>
    ok(taskInstanceView(env, ti))
  )
}
