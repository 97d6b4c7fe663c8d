import { Effect, ParseResult, Schema } from "effect"
import { TaskInstance } from "../model.js"
import { orNull, RunIdFields, runIdOf, TotalEntries } from "./fields.js"

/**
 * Airflow's task instance answers (Airflow 2's TaskInstance and the TaskInstanceReference a clear
 * answers, Airflow 3's TaskInstanceResponse) decoded into the one TaskInstance of model.ts.
 */

const TaskInstanceRecord = Schema.Struct({
  dag_id: Schema.String,
  ...RunIdFields,
  task_id: Schema.String,
  /** -1 for a task that is not mapped; absent from Airflow 2's references. */
  map_index: orNull(Schema.Number),
  state: orNull(Schema.String),
  try_number: orNull(Schema.Number),
  max_tries: orNull(Schema.Number),
  /** Airflow 3 adds operator_name beside operator. */
  operator: orNull(Schema.String),
  operator_name: orNull(Schema.String),
  logical_date: orNull(Schema.String),
  execution_date: orNull(Schema.String),
  start_date: orNull(Schema.String),
  end_date: orNull(Schema.String),
  duration: orNull(Schema.Number),
  hostname: orNull(Schema.String),
  pool: orNull(Schema.String),
  queue: orNull(Schema.String)
})

/** One task instance answer, as the model's TaskInstance. */
export const TaskInstanceAnswer = Schema.transformOrFail(TaskInstanceRecord, TaskInstance, {
  strict: true,
  decode: (r, _options, _ast, actual) =>
    Effect.map(runIdOf(r, actual), (dag_run_id) => ({
      dag_id: r.dag_id,
      dag_run_id,
      task_id: r.task_id,
      map_index: r.map_index ?? -1,
      state: r.state,
      try_number: r.try_number ?? 0,
      max_tries: r.max_tries,
      operator: r.operator ?? r.operator_name,
      logical_date: r.logical_date ?? r.execution_date,
      start_date: r.start_date,
      end_date: r.end_date,
      duration: r.duration,
      hostname: r.hostname,
      pool: r.pool,
      queue: r.queue
    })),
  encode: (ti) => ParseResult.succeed({ ...ti, run_id: undefined, operator_name: null, execution_date: null })
})

/** A list of task instances (the batch list, a clear's answer) and, where Airflow sends it, the count. */
export const TaskInstanceListAnswer = Schema.Struct({
  task_instances: Schema.Array(TaskInstanceAnswer),
  total_entries: TotalEntries
})
