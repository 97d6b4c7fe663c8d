import { Either } from "effect"
import { type AirflowFailure, unprocessable } from "./airflow-errors.js"
import { cursorFields } from "./airflow32-shapes.js"
import { runMatches32 } from "./filters-32.js"
import { runView, requireDag, requireRun } from "./lookups.js"
import { PAGE_BODY, inRange, type ListRequest, sortedPage, timeKey, within } from "./queries.js"
import { type Handler, ok } from "./rest-types.js"
import type * as S from "./state.js"

/** DAG run reads: one run, the runs of a DAG (or of all DAGs with "~"), and the batch list. */
const RUN_FIELDS_2 = {
  id: (r: S.DagRunRecord) => r.id,
  state: (r: S.DagRunRecord) => r.state,
  dag_id: (r: S.DagRunRecord) => r.dagId,
  execution_date: (r: S.DagRunRecord) => timeKey(r.logicalDate),
  dag_run_id: (r: S.DagRunRecord) => r.runId,
  start_date: (r: S.DagRunRecord) => timeKey(r.startDate),
  end_date: (r: S.DagRunRecord) => timeKey(r.endDate),
  // No updated_at is stored: the last scheduling decision is the last time a run changes on its own.
  updated_at: (r: S.DagRunRecord) => timeKey(r.lastSchedulingDecision),
  external_trigger: (r: S.DagRunRecord) => r.externalTrigger,
  conf: (r: S.DagRunRecord) => JSON.stringify(r.conf)
}

const RUN_FIELDS_3 = {
  id: RUN_FIELDS_2.id,
  state: RUN_FIELDS_2.state,
  dag_id: RUN_FIELDS_2.dag_id,
  run_id: RUN_FIELDS_2.dag_run_id,
  dag_run_id: RUN_FIELDS_2.dag_run_id,
  logical_date: RUN_FIELDS_2.execution_date,
  run_after: (r: S.DagRunRecord) => timeKey(r.runAfter),
  start_date: RUN_FIELDS_2.start_date,
  end_date: RUN_FIELDS_2.end_date,
  updated_at: RUN_FIELDS_2.updated_at,
  conf: RUN_FIELDS_2.conf,
  duration: (r: S.DagRunRecord) => {
    const s = timeKey(r.startDate)
    const e = timeKey(r.endDate)
    return s === undefined || e === undefined ? undefined : e - s
  }
}

/** Filters named as each version names them: execution_date_* in 2, logical_date_* and run_after_* in 3. */
const matches = (env: S.EnvironmentRecord, run: S.DagRunRecord, f: Readonly<Record<string, unknown>>, states: unknown): boolean =>
  within(run.state, states) &&
  runMatches32(env, run, f) &&
  inRange(run.startDate, f["start_date_gte"], f["start_date_lte"]) &&
  inRange(run.endDate, f["end_date_gte"], f["end_date_lte"]) &&
  (env.flavor === 2
    ? inRange(run.logicalDate, f["execution_date_gte"], f["execution_date_lte"])
    : inRange(run.logicalDate, f["logical_date_gte"], f["logical_date_lte"]) &&
      inRange(run.runAfter, f["run_after_gte"], f["run_after_lte"]) &&
      within(run.runType, f["run_type"]))

const listed = (env: S.EnvironmentRecord, runs: ReadonlyArray<S.DagRunRecord>, request: ListRequest) =>
  Either.map(sortedPage(env.flavor, runs, env.flavor === 2 ? RUN_FIELDS_2 : RUN_FIELDS_3, "id", request), (shown) =>
    ok({ dag_runs: shown.map((r) => runView(env, r)), total_entries: runs.length, ...cursorFields(env) })
  )

export const listRuns: Handler = ({ env, params, query }) =>
  Either.gen(function* () {
    const dagId = params["dag_id"] ?? ""
    // Airflow 2 filters by whatever dag_id it is given; Airflow 3 checks that the DAG exists.
    if (dagId !== "~" && env.flavor === 3) yield* requireDag(env, dagId)
    const runs = env.dagRuns.filter((r) => (dagId === "~" || r.dagId === dagId) && matches(env, r, query, query["state"]))
    return yield* listed(env, runs, { orderBy: query["order_by"], limit: query["limit"], offset: query["offset"] })
  })

/** Airflow 3.0 declares this path parameter as Literal["~"]. */
export const tildeOnly = (name: string, value: string | undefined): Either.Either<void, AirflowFailure> =>
  value === "~"
    ? Either.void
    : Either.left(
        unprocessable([{ type: "literal_error", loc: ["path", name], msg: "Input should be '~'", input: value, ctx: { expected: "'~'" } }])
      )

export const listRunsBatch: Handler = ({ env, params, body }) =>
  Either.gen(function* () {
    if (env.flavor === 3) yield* tildeOnly("dag_id", params["dag_id"])
    const runs = env.dagRuns.filter((r) => within(r.dagId, body["dag_ids"]) && matches(env, r, body, body["states"]))
    return yield* listed(env, runs, {
      orderBy: body["order_by"],
      limit: body["page_limit"],
      offset: body["page_offset"],
      pageNames: PAGE_BODY
    })
  })

export const getRun: Handler = ({ env, params }) =>
  Either.map(requireRun(env, params["dag_id"] ?? "", params["dag_run_id"] ?? ""), (run) => ok(runView(env, run)))
