import { Clock, Effect } from "effect"
import type { MwaaError } from "../../ports/MwaaError.js"
import { AirflowClient } from "../airflow-client.js"
import { HitlDetailAnswer, HitlDetailListAnswer, HitlResponseAnswer } from "../answers/approvals.js"
import { totalOf } from "../answers/fields.js"
import { type Approval, type ApprovalKey, type ApprovalRefused, approvalNotFound, approvalOf, checkAnswer } from "../approvals.js"
import { pageOf } from "../model.js"
import * as Routes from "../routes-approvals.js"

/** Human-in-the-loop requests came in Airflow 3.1: before it, nothing is sent. */
const HUMAN_IN_THE_LOOP = { major: 3, minor: 1 } as const
const CAPABILITY = "human-in-the-loop requests"

/** Pages read when the "~" list stands in for a path that cannot be sent; the ids are matched here. */
const SCAN_PAGE = 100
const SCAN_PAGES = 10

export interface ApprovalQuery {
  readonly dagId?: string | undefined
  readonly runId?: string | undefined
  /** "waiting" (the default), "answered" or "all". */
  readonly status: "waiting" | "answered" | "all"
  readonly limit: number
  readonly offset: number
}

const received = (status: ApprovalQuery["status"]) => (status === "all" ? undefined : status === "answered")

/** Every request the "~" list holds for these filters, up to SCAN_PAGES pages, matched to the DAG and run exactly. */
const scan = Effect.fnUntraced(function* (
  env: string,
  dagId: string | undefined,
  runId: string | undefined,
  f: Omit<Routes.ApprovalFilters, "limit" | "offset">
) {
  const airflow = yield* AirflowClient
  const now = yield* Clock.currentTimeMillis
  const found: Array<Approval> = []
  for (let page = 0; page < SCAN_PAGES; page++) {
    const { call } = Routes.listApprovals(dagId, runId, { ...f, limit: SCAN_PAGE, offset: page * SCAN_PAGE }, false)
    const answer = yield* airflow.send(env, call, HitlDetailListAnswer)
    for (const a of answer.hitl_details) {
      const approval = approvalOf(a, now)
      if ((dagId === undefined || approval.dag_id === dagId) && (runId === undefined || approval.dag_run_id === runId)) found.push(approval)
    }
    if (answer.hitl_details.length < SCAN_PAGE || (page + 1) * SCAN_PAGE >= totalOf(answer, answer.hitl_details)) break
  }
  return found
})

/** The requests of the environment, a DAG or a run, oldest first, one page of them. */
export const listPendingApprovals = Effect.fnUntraced(function* (env: string, q: ApprovalQuery) {
  const airflow = yield* AirflowClient
  yield* airflow.requires(env, HUMAN_IN_THE_LOOP, CAPABILITY)
  const filters = { response_received: received(q.status), limit: q.limit, offset: q.offset }
  const plan = Routes.listApprovals(q.dagId, q.runId, filters, airflow.longPaths)
  if (!plan.exact) {
    const all = yield* scan(env, q.dagId, q.runId, { response_received: filters.response_received })
    const shown = all.slice(q.offset, q.offset + q.limit)
    return { approvals: shown, ...pageOf(q.offset, q.limit, shown.length, all.length) }
  }
  const now = yield* Clock.currentTimeMillis
  const answer = yield* airflow.send(env, plan.call, HitlDetailListAnswer)
  const approvals = answer.hitl_details.map((a) => approvalOf(a, now))
  return { approvals, ...pageOf(q.offset, q.limit, approvals.length, totalOf(answer, approvals)) }
})

const notFoundAs =
  (key: ApprovalKey) =>
  (e: MwaaError): Effect.Effect<never, MwaaError | ApprovalRefused> =>
    e.airflowStatus === 404 ? Effect.fail(approvalNotFound(key)) : Effect.fail(e)

/** One request as it stands, by its own path (the caller checked it can be sent). */
const readApproval = Effect.fnUntraced(function* (env: string, key: ApprovalKey) {
  const airflow = yield* AirflowClient
  const now = yield* Clock.currentTimeMillis
  const call = Routes.getApproval(key.dagId, key.runId, key.taskId, key.mapIndex)
  const answer = yield* airflow.send(env, call, HitlDetailAnswer).pipe(Effect.catchTag("MwaaError", notFoundAs(key)))
  return approvalOf(answer, now)
})

export interface ApprovalResponse {
  readonly chosen_options: ReadonlyArray<string>
  readonly params_input?: Readonly<Record<string, unknown>> | undefined
}

/**
 * The request an answer is for, as it stands, once the answer is known to be sendable: its path
 * can be sent (checked before anything is read), it still waits, and the choice is among its options.
 * The confirmation question shows it; the answer then re-reads it.
 */
export const approvalToAnswer = Effect.fnUntraced(function* (env: string, key: ApprovalKey, response: ApprovalResponse) {
  const airflow = yield* AirflowClient
  yield* airflow.requires(env, HUMAN_IN_THE_LOOP, CAPABILITY)
  const call = Routes.answerApproval(key.dagId, key.runId, key.taskId, key.mapIndex, response)
  yield* airflow.admits(call)
  const request = yield* readApproval(env, key)
  yield* checkAnswer(key, request, response.chosen_options)
  return { request, call }
})

/**
 * Answers one request: it is read first (and shown back), refused here when answered already or
 * when the choice is not among its options, then sent. A 409 means someone answered in between.
 */
export const respondToApproval = Effect.fnUntraced(function* (env: string, key: ApprovalKey, response: ApprovalResponse) {
  const airflow = yield* AirflowClient
  const { request, call } = yield* approvalToAnswer(env, key, response)
  const answered = yield* airflow
    .send(env, call, HitlResponseAnswer)
    .pipe(
      Effect.catchTag("MwaaError", (e) =>
        e.airflowStatus === 409
          ? Effect.flatMap(readApproval(env, key), (now) => Effect.zipRight(checkAnswer(key, now, response.chosen_options), Effect.fail(e)))
          : notFoundAs(key)(e)
      )
    )
  return { request, response: answered }
})
