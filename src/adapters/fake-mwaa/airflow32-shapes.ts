import { durationSeconds } from "./airflow2-shapes.js"
import { connection3, dag3, dagDetails3, dagRun3, taskInstance3, variable3 } from "./airflow3-shapes.js"
import type * as S from "./state.js"
import { servesSince } from "./state.js"

/**
 * What Airflow 3.2 (served for 3.1 too) and 3.3 answer beyond 3.0, member by member, from
 * airflow-3.2-v2.yaml and airflow-3.3-v2.yaml (test/fixtures/airflow/PROVENANCE.md): each builds on
 * the 3.0 shape of airflow3-shapes.ts, so a member 3.0 already sends is written once.
 */

/** Whether the environment answers in 3.2's terms (3.1 is served as 3.2: no 3.1 document is kept). */
export const answers32 = (env: S.EnvironmentRecord): boolean => env.flavor === 3 && servesSince(env, [3, 1])

/** 3.2 names the DAG beside its id almost everywhere (dag_display_name, required). */
const named = (dag: S.DagRecord | undefined, dagId: string) => ({ dag_display_name: dag?.dagId ?? dagId })

/** A cron schedule is periodic; a DAG without one (None, assets) is not. */
const periodic = (dag: S.DagRecord) => dag.schedule !== null

const tags32 = (dag: S.DagRecord) => dag.tags.map((name) => ({ name, dag_id: dag.dagId, dag_display_name: dag.dagId }))

/** DAGResponse: 3.2 adds timetable_partitioned (required), allowed_run_types and last_parse_duration; 3.3 adds two more. */
const dagDelta = (env: S.EnvironmentRecord, dag: S.DagRecord) => ({
  tags: tags32(dag),
  timetable_partitioned: false,
  allowed_run_types: null,
  last_parse_duration: null,
  // apache/airflow#64644: timetable_periodic and is_backfillable (every run type is allowed here).
  ...(servesSince(env, [3, 3]) ? { timetable_periodic: periodic(dag), is_backfillable: periodic(dag) } : {})
})

export const dag32 = (env: S.EnvironmentRecord, dag: S.DagRecord) => ({ ...dag3(dag), ...dagDelta(env, dag) })

export const dagDetails32 = (env: S.EnvironmentRecord, dag: S.DagRecord) => ({
  ...dagDetails3(dag),
  ...dagDelta(env, dag),
  active_runs_count: env.dagRuns.filter((r) => r.dagId === dag.dagId && r.state === "running").length,
  default_args: null,
  is_favorite: false
})

/**
 * DAGRunResponse: 3.2 adds dag_display_name (required), duration, partition_key and who triggered it.
 * Its dag_versions (3.0's member, the version the run used: dag-versions.ts) already name the DAG as 3.2 asks.
 */
export const dagRun32 = (run: S.DagRunRecord, dag: S.DagRecord | undefined) => ({
  ...dagRun3(run, dag),
  ...named(dag, run.dagId),
  duration: durationSeconds(run.startDate, run.endDate),
  partition_key: null,
  // A scheduler-made run has no user; the fake's users are MWAA's mapped "admin".
  triggering_user_name: run.runType === "manual" ? "admin" : null
})

/** TaskInstanceResponse: 3.2 adds dag_display_name (required) and operator_name, and id is a uuid (format). */
export const taskInstance32 = (ti: S.TaskInstanceRecord, run: S.DagRunRecord | undefined, dag: S.DagRecord | undefined) => ({
  ...taskInstance3(ti, run, dag),
  ...named(dag, ti.dagId),
  operator_name: ti.operator
})

/** 3.2 adds multi-team ownership; MWAA runs one team, so none. */
export const connection32 = (c: S.ConnectionRecord) => ({ ...connection3(c), team_name: null })

export const variable32 = (v: S.VariableRecord) => ({ ...variable3(v), team_name: null })

/** DAGSourceResponse: 3.2 adds dag_display_name (required). */
export const dagSourceDelta32 = (dag: S.DagRecord) => named(dag, dag.dagId)

/**
 * 3.3's run and task instance collections page by cursor too (apache/airflow#64845, #65604): with
 * offset paging, as asked here, total_entries stays and both cursors are null.
 */
export const cursorFields = (env: S.EnvironmentRecord) =>
  answers32(env) && servesSince(env, [3, 3]) ? { next_cursor: null, previous_cursor: null } : {}
