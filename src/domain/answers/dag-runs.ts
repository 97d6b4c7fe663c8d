import { Effect, ParseResult, Schema } from "effect"
import { DagRun } from "../model.js"
import { orNull, RunIdFields, runIdOf, TotalEntries } from "./fields.js"

/** Airflow's DAG run answers (Airflow 2's DAGRun, Airflow 3's DAGRunResponse) decoded into the one DagRun of model.ts. */

const DagRunRecord = Schema.Struct({
  dag_id: Schema.String,
  ...RunIdFields,
  state: orNull(Schema.String),
  run_type: orNull(Schema.String),
  /** Airflow 2 sends both execution_date and logical_date; older 2.x only execution_date. */
  logical_date: orNull(Schema.String),
  execution_date: orNull(Schema.String),
  start_date: orNull(Schema.String),
  end_date: orNull(Schema.String),
  data_interval_start: orNull(Schema.String),
  data_interval_end: orNull(Schema.String),
  conf: orNull(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  note: orNull(Schema.String)
})

/** One DAG run answer, as the model's DagRun. */
export const DagRunAnswer = Schema.transformOrFail(DagRunRecord, DagRun, {
  strict: true,
  decode: (r, _options, _ast, actual) =>
    Effect.map(runIdOf(r, actual), (dag_run_id) => ({
      dag_id: r.dag_id,
      dag_run_id,
      state: r.state,
      run_type: r.run_type,
      logical_date: r.logical_date ?? r.execution_date,
      start_date: r.start_date,
      end_date: r.end_date,
      data_interval_start: r.data_interval_start,
      data_interval_end: r.data_interval_end,
      conf: r.conf,
      note: r.note
    })),
  encode: (run) => ParseResult.succeed({ ...run, run_id: undefined, execution_date: null })
})

/** A list of runs (GET .../dagRuns, POST /dags/~/dagRuns/list) and Airflow's count of every match. */
export const DagRunListAnswer = Schema.Struct({
  dag_runs: Schema.Array(DagRunAnswer),
  total_entries: TotalEntries
})
