import { Either } from "effect"
import { type AirflowFailure, httpException, unprocessable } from "./airflow-errors.js"
import { findTaskInstance, requireTaskInstance, taskInstanceView } from "./lookups.js"
import { inRange, type SortFields, sortedPage, timeKey, within } from "./queries.js"
import type { BodySpec } from "./request-body.js"
import { DATE_RANGES, PAGE } from "./request-query.js"
import { type Handler, ok, type RouteSpec } from "./rest-types.js"
import type * as S from "./state.js"
import { iso3 } from "./time.js"

/**
 * Human-in-the-loop details (Airflow 3.1+, routes/public/hitl.py): the list of a run's requests
 * ("~" for every DAG or run), one task instance's request, and its answer (PATCH). Airflow checks
 * the answer's shape (UpdateHITLDetailPayload: chosen_options, at least one; params_input) and
 * who answers (assigned_users, when set), not whether the options are the request's: the
 * operator does that when the task resumes. A request is answered once: a second answer is a 409.
 */

/**
 * The user the fake's REST API acts as: on MWAA the caller's IAM principal becomes an Airflow user.
 * Airflow records it as responded_by.
 */
export const FAKE_API_USER = { id: "mwaa-rest-api", name: "mwaa-rest-api" } as const

type Hitl = S.HitlRecord

const tiOf = (env: S.EnvironmentRecord, h: Hitl) => findTaskInstance(env, h.dagId, h.runId, h.taskId, h.mapIndex)

/**
 * The task instance as 3.2 renders it: 3.2 added dag_display_name to TaskInstanceResponse and to
 * its DagVersionResponse (the version matrix renders every task instance so; here it is ensured).
 */
const taskInstance32 = (env: S.EnvironmentRecord, ti: S.TaskInstanceRecord) => {
  const view = taskInstanceView(env, ti) as Record<string, unknown>
  const version = view["dag_version"] as Record<string, unknown> | null | undefined
  return {
    ...view,
    dag_display_name: view["dag_display_name"] ?? ti.dagId,
    ...(version === null || version === undefined ? {} : { dag_version: { dag_display_name: ti.dagId, ...version } })
  }
}

export const hitlView = (env: S.EnvironmentRecord, h: Hitl) => {
  const ti = tiOf(env, h)
  return {
    task_instance: ti === undefined ? null : taskInstance32(env, ti),
    options: h.options,
    subject: h.subject,
    body: h.body,
    defaults: h.defaults,
    multiple: h.multiple,
    params: h.params,
    assigned_users: h.assignedUsers,
    created_at: iso3(h.createdAt),
    responded_by_user: h.respondedBy,
    responded_at: iso3(h.respondedAt),
    chosen_options: h.chosenOptions,
    params_input: h.paramsInput,
    response_received: h.respondedAt !== null
  }
}

/** Airflow's search parameter: an ILIKE '%term%' per "|"-separated term, with % and _ as wildcards. */
const like = (value: string, pattern: unknown): boolean => {
  if (typeof pattern !== "string") return true
  return pattern.split("|").some((term) => {
    const body = term
      .trim()
      .split("")
      .map((c) => (c === "%" ? ".*" : c === "_" ? "." : c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      .join("")
    return new RegExp(`^.*${body}.*$`, "is").test(value)
  })
}

const matches = (env: S.EnvironmentRecord, h: Hitl, q: Readonly<Record<string, unknown>>): boolean => {
  const ti = tiOf(env, h)
  const answered = h.respondedAt !== null
  const gt = typeof q["created_at_gt"] === "string" ? (timeKey(q["created_at_gt"]) ?? 0) : undefined
  const lt = typeof q["created_at_lt"] === "string" ? (timeKey(q["created_at_lt"]) ?? 0) : undefined
  const created = timeKey(h.createdAt) ?? 0
  return (
    like(h.dagId, q["dag_id_pattern"]) &&
    (typeof q["task_id"] !== "string" || h.taskId === q["task_id"]) &&
    like(h.taskId, q["task_id_pattern"]) &&
    (typeof q["map_index"] !== "number" || h.mapIndex === q["map_index"]) &&
    within(ti?.state ?? null, q["state"]) &&
    (typeof q["response_received"] !== "boolean" || answered === q["response_received"]) &&
    within(h.respondedBy?.id, q["responded_by_user_id"]) &&
    within(h.respondedBy?.name, q["responded_by_user_name"]) &&
    like(h.subject, q["subject_search"]) &&
    (q["body_search"] === undefined || like(h.body ?? "", q["body_search"])) &&
    inRange(h.createdAt, q["created_at_gte"], q["created_at_lte"]) &&
    (gt === undefined || created > gt) &&
    (lt === undefined || created < lt)
  )
}

const FIELDS = (env: S.EnvironmentRecord): SortFields<Hitl> => ({
  ti_id: (h) => tiOf(env, h)?.id,
  subject: (h) => h.subject,
  responded_at: (h) => timeKey(h.respondedAt),
  created_at: (h) => timeKey(h.createdAt),
  responded_by_user_id: (h) => h.respondedBy?.id,
  responded_by_user_name: (h) => h.respondedBy?.name,
  dag_id: (h) => h.dagId,
  run_id: (h) => h.runId,
  task_display_name: (h) => h.taskId,
  run_after: (h) => timeKey(env.dagRuns.find((r) => r.dagId === h.dagId && r.runId === h.runId)?.runAfter ?? null),
  rendered_map_index: () => null,
  task_instance_operator: (h) => tiOf(env, h)?.operator,
  task_instance_state: (h) => tiOf(env, h)?.state
})

export const listHitlDetails: Handler = ({ env, params, query }) => {
  const dagId = params["dag_id"] ?? "~"
  const runId = params["dag_run_id"] ?? "~"
  // No 404 for an unknown DAG or run: the ids only narrow the query, as in hitl.py.
  const found = env.hitlDetails.filter(
    (h) => (dagId === "~" || h.dagId === dagId) && (runId === "~" || h.runId === runId) && matches(env, h, query)
  )
  return Either.map(
    sortedPage(env.flavor, found, FIELDS(env), "ti_id", { orderBy: query["order_by"], limit: query["limit"], offset: query["offset"] }),
    (shown) => ok({ hitl_details: shown.map((h) => hitlView(env, h)), total_entries: found.length })
  )
}

const mapIndexOf = (text: string | undefined): Either.Either<number, AirflowFailure> =>
  text !== undefined && /^-?\d+$/.test(text)
    ? Either.right(Number(text))
    : Either.left(
        unprocessable([
          {
            type: "int_parsing",
            loc: ["path", "map_index"],
            msg: "Input should be a valid integer, unable to parse string as an integer",
            input: text ?? ""
          }
        ])
      )

/** The task instance and its request, or hitl.py's two 404s. */
const requireHitl = (env: S.EnvironmentRecord, params: Readonly<Record<string, string>>) =>
  Either.gen(function* () {
    const mapIndex = yield* mapIndexOf(params["map_index"])
    const ti = yield* requireTaskInstance(env, params["dag_id"] ?? "", params["dag_run_id"] ?? "", params["task_id"] ?? "", mapIndex)
    const hitl = env.hitlDetails.find(
      (h) => h.dagId === ti.dagId && h.runId === ti.runId && h.taskId === ti.taskId && h.mapIndex === mapIndex
    )
    const tiId = (taskInstanceView(env, ti) as { readonly id: string }).id
    if (hitl === undefined) {
      return yield* Either.left(httpException(404, `Human-in-the-loop detail does not exist for Task Instance with id ${tiId}`))
    }
    return { ti, hitl, tiId }
  })

export const getHitlDetail: Handler = ({ env, params }) => Either.map(requireHitl(env, params), ({ hitl }) => ok(hitlView(env, hitl)))

export const updateHitlDetail: Handler = ({ env, params, body, now }) =>
  Either.gen(function* () {
    const chosen = (body["chosen_options"] ?? []) as ReadonlyArray<string>
    if (chosen.length === 0) {
      const msg = "List should have at least 1 item after validation, not 0"
      const ctx = { field_type: "List", min_length: 1, actual_length: 0 }
      return yield* Either.left(unprocessable([{ type: "too_short", loc: ["body", "chosen_options"], msg, input: chosen, ctx }]))
    }
    const { ti, hitl, tiId } = yield* requireHitl(env, params)
    if (hitl.respondedAt !== null) {
      const detail = `Human-in-the-loop detail has already been updated for Task Instance with id ${tiId} and is not allowed to write again.`
      return yield* Either.left(httpException(409, detail))
    }
    if (hitl.assignedUsers.length > 0 && !hitl.assignedUsers.some((u) => u.id === FAKE_API_USER.id && u.name === FAKE_API_USER.name)) {
      return yield* Either.left(httpException(403, `User=${FAKE_API_USER.name} (id=${FAKE_API_USER.id}) is not a respondent for the task.`))
    }
    const paramsInput = (body["params_input"] ?? {}) as Readonly<Record<string, unknown>>
    const answered: Hitl = { ...hitl, respondedBy: FAKE_API_USER, respondedAt: now, chosenOptions: chosen, paramsInput }
    // The triggerer sees the answer and hands the task back to the scheduler: it leaves `deferred`.
    const resumed: S.TaskInstanceRecord = ti.state === "deferred" ? { ...ti, state: "scheduled" } : ti
    const next: S.EnvironmentRecord = {
      ...env,
      hitlDetails: env.hitlDetails.map((h) => (h === hitl ? answered : h)),
      taskInstances: env.taskInstances.map((t) => (t === ti ? resumed : t))
    }
    return ok({ responded_by: FAKE_API_USER, responded_at: iso3(now), chosen_options: chosen, params_input: paramsInput }, next)
  })

const TI = "/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances"

/** Human-in-the-loop requests: Airflow 3.1 and later (3.2's paths: the map index always in the path). */
const HITL_SINCE = [3, 1] as const

const HITL_LIST_QUERY = {
  ...PAGE,
  order_by: "string",
  dag_id_pattern: "string",
  task_id: "string",
  task_id_pattern: "string",
  map_index: "integer",
  state: "stringList",
  response_received: "boolean",
  responded_by_user_id: "stringList",
  responded_by_user_name: "stringList",
  subject_search: "string",
  body_search: "string",
  ...DATE_RANGES("created_at"),
  created_at_gt: "datetime",
  created_at_lt: "datetime"
} as const

const HITL_ANSWER: BodySpec = {
  chosen_options: { kind: "stringList", required: true },
  params_input: { kind: "object" }
}

/** The routes, from airflow-3.2-v2.yaml (ROUTES_V3 holds them). */
export const HITL_ROUTES_V3: ReadonlyArray<RouteSpec> = [
  {
    method: "GET",
    path: "/dags/{dag_id}/dagRuns/{dag_run_id}/hitlDetails",
    query: HITL_LIST_QUERY,
    since: HITL_SINCE,
    handler: listHitlDetails
  },
  { method: "GET", path: `${TI}/{task_id}/{map_index}/hitlDetails`, since: HITL_SINCE, handler: getHitlDetail },
  { method: "PATCH", path: `${TI}/{task_id}/{map_index}/hitlDetails`, body: HITL_ANSWER, since: HITL_SINCE, handler: updateHitlDetail }
]
