import { Either, Schema } from "effect"
import type { HitlDetailAnswer } from "./answers/approvals.js"

/**
 * Human-in-the-loop requests (Airflow 3.1+ "approvals"): a deferred task waiting for someone to
 * choose among its options. The model the tools return, and the checks made before an answer is
 * sent: Airflow's API takes any option it is given, and the task only fails later, when it resumes.
 */

const Person = Schema.Struct({ id: Schema.String, name: Schema.String })

export const Approval = Schema.Struct({
  dag_id: Schema.String,
  dag_run_id: Schema.String,
  task_id: Schema.String,
  map_index: Schema.Number,
  task_state: Schema.NullOr(Schema.String),
  subject: Schema.String,
  body: Schema.NullOr(Schema.String),
  options: Schema.Array(Schema.String),
  defaults: Schema.NullOr(Schema.Array(Schema.String)),
  multiple: Schema.Boolean.annotations({ description: "Whether several options may be chosen." }),
  params: Schema.Record({ key: Schema.String, value: Schema.Unknown }),
  assignees: Schema.Array(Person).annotations({ description: "Who may answer; empty: anyone who may edit the DAG." }),
  created_at: Schema.String,
  waited_seconds: Schema.NullOr(Schema.Number).annotations({ description: "How long it has waited (or waited) for an answer." }),
  answered: Schema.Boolean,
  responded_by: Schema.NullOr(Person),
  responded_at: Schema.NullOr(Schema.String),
  chosen_options: Schema.NullOr(Schema.Array(Schema.String)),
  params_input: Schema.Record({ key: Schema.String, value: Schema.Unknown })
})
export type Approval = typeof Approval.Type

/** Seconds from `from` to `to` (an answer, else now); null when Airflow's time cannot be read. */
const secondsBetween = (from: string, to: number): number | null => {
  const start = Date.parse(from)
  return Number.isNaN(start) ? null : Math.max(0, Math.round((to - start) / 1000))
}

export const approvalOf = (a: HitlDetailAnswer, nowMillis: number): Approval => {
  const answeredAt = a.responded_at === null ? Number.NaN : Date.parse(a.responded_at)
  return {
    dag_id: a.task_instance.dag_id,
    dag_run_id: a.task_instance.dag_run_id,
    task_id: a.task_instance.task_id,
    map_index: a.task_instance.map_index,
    task_state: a.task_instance.state,
    subject: a.subject,
    body: a.body,
    options: a.options,
    defaults: a.defaults,
    multiple: a.multiple,
    params: a.params,
    assignees: a.assigned_users,
    created_at: a.created_at,
    waited_seconds: secondsBetween(a.created_at, Number.isNaN(answeredAt) ? nowMillis : answeredAt),
    answered: a.response_received || a.responded_at !== null,
    responded_by: a.responded_by_user,
    responded_at: a.responded_at,
    chosen_options: a.chosen_options,
    params_input: a.params_input
  }
}

/** Which request: the ids an answer is addressed to. */
export interface ApprovalKey {
  readonly dagId: string
  readonly runId: string
  readonly taskId: string
  readonly mapIndex: number
}

/**
 * An answer that is not sent: the request is not there, was answered already (by whom, when), or
 * the choice is not one the request allows. The app words each reason.
 */
export class ApprovalRefused extends Schema.TaggedError<ApprovalRefused>("mwaa-mcp/ApprovalRefused")("ApprovalRefused", {
  reason: Schema.Literal("NotFound", "AlreadyAnswered", "UnknownOptions", "OneOptionOnly"),
  dagId: Schema.String,
  runId: Schema.String,
  taskId: Schema.String,
  mapIndex: Schema.Number,
  respondedBy: Schema.optional(Schema.String),
  respondedAt: Schema.optional(Schema.String),
  chosenBefore: Schema.optional(Schema.Array(Schema.String)),
  /** The options asked for that the request does not offer. */
  unknown: Schema.optional(Schema.Array(Schema.String)),
  options: Schema.optional(Schema.Array(Schema.String))
}) {
  override get message(): string {
    return `The answer to the request of task ${this.taskId} (run ${this.runId}, DAG ${this.dagId}) was not sent: ${this.reason}.`
  }
}

const keyFields = (k: ApprovalKey) => ({ dagId: k.dagId, runId: k.runId, taskId: k.taskId, mapIndex: k.mapIndex })

export const approvalNotFound = (key: ApprovalKey) => new ApprovalRefused({ reason: "NotFound", ...keyFields(key) })

/** The request may be answered with `chosen`: still waiting, and a choice among its options (one, unless multiple). */
export const checkAnswer = (key: ApprovalKey, request: Approval, chosen: ReadonlyArray<string>): Either.Either<void, ApprovalRefused> => {
  if (request.answered) {
    return Either.left(
      new ApprovalRefused({
        reason: "AlreadyAnswered",
        ...keyFields(key),
        respondedBy: request.responded_by === null ? "(unknown)" : personText(request.responded_by),
        respondedAt: request.responded_at ?? "(unknown)",
        chosenBefore: request.chosen_options ?? []
      })
    )
  }
  const unknown = chosen.filter((c) => !request.options.includes(c))
  if (unknown.length > 0) {
    return Either.left(new ApprovalRefused({ reason: "UnknownOptions", ...keyFields(key), unknown, options: request.options }))
  }
  if (!request.multiple && new Set(chosen).size > 1) {
    return Either.left(new ApprovalRefused({ reason: "OneOptionOnly", ...keyFields(key), options: request.options }))
  }
  return Either.void
}

/** "Maria Lopez (maria.lopez)", or the name alone when it is the id. */
export const personText = (p: { readonly id: string; readonly name: string }): string => (p.id === p.name ? p.name : `${p.name} (${p.id})`)
