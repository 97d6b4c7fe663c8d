import { Schema } from "effect"
import { listOrNull, orNull } from "./fields.js"

/**
 * Airflow 3.1+'s human-in-the-loop answers (HITLDetail, HITLDetailCollection, HITLDetailResponse).
 * subject, body and params are written by DAG authors, params_input by whoever answered: they are
 * kept as sent here and masked with every other answer on the way out.
 */

const HitlUser = Schema.Struct({ id: Schema.String, name: Schema.String })

const Params = Schema.optionalWith(Schema.Record({ key: Schema.String, value: Schema.Unknown }), { default: () => ({}) })

/** The task instance a request belongs to: its ids and state are all that is read of it. */
const HitlTaskInstance = Schema.Struct({
  dag_id: Schema.String,
  dag_run_id: Schema.String,
  task_id: Schema.String,
  map_index: Schema.optionalWith(Schema.Number, { default: () => -1 }),
  state: orNull(Schema.String)
})

export const HitlDetailAnswer = Schema.Struct({
  task_instance: HitlTaskInstance,
  subject: Schema.String,
  body: orNull(Schema.String),
  options: Schema.Array(Schema.String),
  defaults: listOrNull(Schema.String),
  multiple: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  params: Params,
  assigned_users: Schema.optionalWith(Schema.Array(HitlUser), { default: () => [] }),
  created_at: Schema.String,
  responded_by_user: orNull(HitlUser),
  responded_at: orNull(Schema.String),
  chosen_options: listOrNull(Schema.String),
  params_input: Params,
  response_received: Schema.optionalWith(Schema.Boolean, { default: () => false })
})
export type HitlDetailAnswer = typeof HitlDetailAnswer.Type

export const HitlDetailListAnswer = Schema.Struct({
  hitl_details: Schema.Array(HitlDetailAnswer),
  total_entries: Schema.optional(Schema.Number)
})

export const HitlResponseAnswer = Schema.Struct({
  responded_by: HitlUser,
  responded_at: Schema.String,
  chosen_options: Schema.Array(Schema.String),
  params_input: Params
})
