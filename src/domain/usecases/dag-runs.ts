import { Effect, Option, type Schema } from "effect"
import { MwaaError } from "../../ports/MwaaError.js"
import { AirflowClient } from "../airflow-client.js"
import { DagRunAnswer, DagRunListAnswer } from "../answers/dag-runs.js"
import { totalOf } from "../answers/fields.js"
import { type DagRun, pageOf } from "../model.js"
import type { AirflowMajor } from "../routes.js"
import * as Runs from "../routes-runs.js"

/** DAG run use cases: list, read one (with or without its own path), trigger. */

/**
 * How run answers are decoded: as the model's DagRun, or as a DagRun with more of the answer
 * (diagnose-dag-run reads Airflow 3's dag_versions from the same calls).
 */
export interface RunAnswers<R extends DagRun, I1, I2> {
  readonly one: Schema.Schema<R, I1>
  readonly list: Schema.Schema<{ readonly dag_runs: ReadonlyArray<R>; readonly total_entries?: number | undefined }, I2>
}

const PLAIN_RUNS = { one: DagRunAnswer, list: DagRunListAnswer }

export const listDagRunsAs = <R extends DagRun, I1, I2>(answers: RunAnswers<R, I1, I2>) =>
  Effect.fnUntraced(function* (env: string, dagId: string | undefined, f: Runs.DagRunFilters) {
    const airflow = yield* AirflowClient
    const v = yield* airflow.major(env)
    const answer = yield* airflow.send(env, Runs.listDagRuns(v, dagId, f), answers.list)
    const runs = answer.dag_runs
    return { dag_runs: runs, ...pageOf(f.offset, f.limit, runs.length, totalOf(answer, runs)) }
  })

export const listDagRuns = listDagRunsAs(PLAIN_RUNS)

const LOOKUP_PAGE = 100
/** Pages scanned for a run whose id carries no date, newest first: 1,000 runs. */
const LOOKUP_MAX_PAGES = 10

const lookupPage = <R extends DagRun, I1, I2>(
  answers: RunAnswers<R, I1, I2>,
  env: string,
  v: AirflowMajor,
  dagId: string,
  runId: string,
  offset: number,
  byDate: boolean
) =>
  Effect.gen(function* () {
    const airflow = yield* AirflowClient
    const call = Runs.dagRunLookup(v, dagId, byDate ? runId : "", { limit: LOOKUP_PAGE, offset })
    const runs = (yield* airflow.send(env, call, answers.list)).dag_runs
    return { found: Option.fromNullable(runs.find((r) => r.dag_run_id === runId)), more: runs.length === LOOKUP_PAGE }
  })

/**
 * One run. Its own path (/dags/{id}/dagRuns/{run}) fits 64 characters only for short ids, so
 * otherwise it is found in the batch runs list first narrowed to the logical date its id
 * carries: one InvokeRestApi call, exact. Failing that (an id with no date, or a run whose date
 * differs from its name), the direct path through the webserver when long paths can be sent —
 * one exact call, where paging the DAG's runs newest first costs up to 10 calls and misses a
 * run older than 1,000 — and the paging only when the webserver route is off.
 */
export const getDagRunAs = <R extends DagRun, I1, I2>(answers: RunAnswers<R, I1, I2>) =>
  Effect.fnUntraced(function* (env: string, dagId: string, runId: string) {
    const airflow = yield* AirflowClient
    const v = yield* airflow.major(env)
    const direct = Runs.getDagRunDirect(dagId, runId)
    if (Option.isSome(direct)) return yield* airflow.send(env, direct.value, answers.one)
    if (Option.isSome(Runs.logicalDateInRunId(runId)) && !airflow.webserverOnly) {
      const narrowed = yield* lookupPage(answers, env, v, dagId, runId, 0, true)
      if (Option.isSome(narrowed.found)) return narrowed.found.value
    }
    const notFound = (operation: string) =>
      new MwaaError({ reason: "NotFound", operation, message: `DAG run ${runId} of DAG ${dagId} was not found in environment ${env}.` })
    if (airflow.longPaths) {
      const call = Runs.getDagRunPath(dagId, runId)
      return yield* airflow.send(env, call, answers.one).pipe(
        Effect.catchIf(
          (e) => e._tag === "MwaaError" && e.airflowStatus === 404,
          () => Effect.fail(notFound(`${call.method} ${call.path}`))
        )
      )
    }
    for (let page = 0; page < LOOKUP_MAX_PAGES; page++) {
      const scanned = yield* lookupPage(answers, env, v, dagId, runId, page * LOOKUP_PAGE, false)
      if (Option.isSome(scanned.found)) return scanned.found.value
      if (!scanned.more) break
    }
    return yield* notFound("POST /dags/~/dagRuns/list")
  })

export const getDagRun = getDagRunAs(PLAIN_RUNS)

export const triggerDagRun = Effect.fnUntraced(function* (env: string, dagId: string, input: Runs.TriggerInput) {
  const airflow = yield* AirflowClient
  // The path is the same on both versions: refuse one that cannot be sent before asking MWAA anything.
  yield* airflow.admits(Runs.triggerDagRun(2, dagId, input))
  const v = yield* airflow.major(env)
  const call = Runs.triggerDagRun(v, dagId, input)
  return yield* airflow.send(env, call, DagRunAnswer).pipe(
    // A retried trigger that meets 409 met the run its own first attempt created (the
    // answer was lost, the run was not): report that run instead of a conflict.
    Effect.catchIf(
      (e) => e._tag === "MwaaError" && e.airflowStatus === 409 && (e.attempts ?? 1) > 1,
      () => getDagRun(env, dagId, input.dag_run_id)
    )
  )
})
