import { Schema } from "effect"
import { orNull, RunIdFields } from "./fields.js"

/**
 * Airflow's XCom answers: Airflow 2's XComCollectionItem (no run id: the list is asked for one run)
 * and Airflow 3's XComResponse (run_id, and on 3.1+ display names); one entry adds its value, which
 * stays unknown here until the use case masks it.
 */
const XcomEntryFields = {
  key: Schema.String,
  map_index: orNull(Schema.Number),
  timestamp: orNull(Schema.String),
  dag_id: orNull(Schema.String),
  task_id: orNull(Schema.String),
  ...RunIdFields
}

export const XcomEntryRecord = Schema.Struct(XcomEntryFields)
export type XcomEntryRecord = typeof XcomEntryRecord.Type

export const XcomListAnswer = Schema.Struct({
  xcom_entries: Schema.Array(XcomEntryRecord),
  total_entries: Schema.optional(Schema.Number)
})

export const XcomValueAnswer = Schema.Struct({ ...XcomEntryFields, value: Schema.optional(Schema.Unknown) })
