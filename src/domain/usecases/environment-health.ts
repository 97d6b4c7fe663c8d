import { Clock, Effect, Either } from "effect"
import { AirflowClient } from "../airflow-client.js"
import { EnvironmentCatalog } from "../environment-catalog.js"
import { MwaaError } from "../../ports/MwaaError.js"
import type { UnexpectedAnswer } from "../../ports/UnexpectedAnswer.js"
import { HealthAnswer } from "../answers/health.js"
import type { UnsupportedAirflowVersion } from "../airflow-version.js"
import type { RouteUnfit } from "../route-choice.js"
import { maskThenCut } from "../redaction.js"
import {
  type AirflowHealth,
  type AirflowPart,
  API_DOWN_REASONS,
  assess,
  type FailingDagsPart,
  type MwaaPart,
  PROBED_STATUSES
} from "../health.js"
import type { AirflowMajor } from "../routes.js"
import { health as healthRoute } from "../routes-misc.js"
import { listImportErrors } from "./airflow-objects.js"
import { listDagRuns } from "./dag-runs.js"
import { listDags } from "./dags.js"
import { summarizeEnvironment } from "./environments.js"

/** get-environment-health: MWAA's view and Airflow's in one call; a part that fails is reported, never fatal. */

const MAX_ERROR_CHARS = 300
const HOUR_MILLIS = 3_600_000
/** The window of failed runs when the caller names none: a day, an on-call shift and then some. */
export const DEFAULT_WINDOW_HOURS = 24
/** One page of the batch runs list: Airflow's default maximum_page_limit. */
const FAILED_RUNS_PAGE = 100

/** What can fail one part of the health check: Airflow's answer, its route, or its version, or MWAA's answer's shape. */
export type PartFailure = MwaaError | UnexpectedAnswer | RouteUnfit | UnsupportedAirflowVersion

/** A failure as one short line: the reason and message of an MwaaError, else the error's message. */
export const failureText = (e: PartFailure): string => {
  const message = e.message.length > 0 ? e.message : e._tag
  return maskThenCut(e instanceof MwaaError ? `${e.reason}: ${message}` : message, MAX_ERROR_CHARS)
}

const reasonOf = (e: PartFailure): string | undefined => (e instanceof MwaaError ? e.reason : undefined)

const meaningOf = (start: string, end: string, hours: number, anchor: "scheduler" | "clock") =>
  `DAGs with at least one run that ended in state failed since ${start}: the ${hours} h before ${end} (` +
  (anchor === "scheduler" ? "the scheduler's latest heartbeat, Airflow's own clock" : "this server's clock") +
  `), read from the ${FAILED_RUNS_PAGE} most recently ended failed runs.`

/**
 * Distinct DAGs among failed runs that ended in the last `hours`: one page of the batch runs list,
 * newest end first. The window ends at Airflow's own "now" (the scheduler's heartbeat) when it
 * reported one, so a skewed local clock cannot shift it.
 */
const failingDags = (env: string, health: AirflowHealth | null, hours: number) =>
  Effect.gen(function* () {
    const heartbeat = Date.parse(health?.scheduler?.latest_heartbeat ?? "")
    const anchor = Number.isNaN(heartbeat) ? "clock" : "scheduler"
    const endMillis = Number.isNaN(heartbeat) ? yield* Clock.currentTimeMillis : heartbeat
    const window_start = new Date(endMillis - hours * HOUR_MILLIS).toISOString()
    const window_end = new Date(endMillis).toISOString()
    const meaning = meaningOf(window_start, window_end, hours, anchor)
    const outcome = yield* listDagRuns(env, undefined, {
      limit: FAILED_RUNS_PAGE,
      offset: 0,
      state: ["failed"],
      end_date_gte: window_start,
      order_by: "-end_date"
    }).pipe(Effect.either)
    if (Either.isLeft(outcome)) {
      return {
        count: null,
        dag_ids: [],
        failed_runs: null,
        complete: false,
        window_start,
        window_end,
        meaning,
        error: failureText(outcome.left)
      } satisfies FailingDagsPart
    }
    const page = outcome.right
    const dag_ids = [...new Set(page.dag_runs.map((r) => r.dag_id))].sort()
    return {
      count: dag_ids.length,
      dag_ids,
      failed_runs: page.total_entries,
      complete: page.dag_runs.length >= page.total_entries,
      window_start,
      window_end,
      meaning,
      error: null
    } satisfies FailingDagsPart
  })

const countOf = <E, R>(effect: Effect.Effect<{ readonly total_entries: number }, E, R>) =>
  effect.pipe(
    Effect.map((page) => page.total_entries),
    Effect.either
  )

/** Airflow's side, probed only once the environment is in a status where it runs. */
const probeAirflow = (env: string, v: AirflowMajor, hours: number) =>
  Effect.gen(function* () {
    const airflow = yield* AirflowClient
    const health = yield* airflow.send(env, healthRoute(v), HealthAnswer).pipe(Effect.either)
    const [importErrors, paused, active, failing] = yield* Effect.all(
      [
        countOf(listImportErrors(env, { limit: 1, offset: 0 })),
        countOf(listDags(env, { limit: 1, offset: 0, paused: true })),
        countOf(listDags(env, { limit: 1, offset: 0, paused: false })),
        failingDags(env, Either.getOrNull(health), hours)
      ],
      { concurrency: "unbounded" }
    )
    const errorOf = <A, E>(e: Either.Either<A, E>): ReadonlyArray<E> => (Either.isLeft(e) ? [e.left] : [])
    const failures = [...errorOf(health), ...errorOf(importErrors), ...errorOf(paused), ...errorOf(active)]
    const dagsError = [paused, active].flatMap((e) => (Either.isLeft(e) ? [failureText(e.left)] : []))
    const allFailed = failures.length === 4 && failing.error !== null
    const part: AirflowPart = {
      available: !allFailed,
      unavailable_reason: allFailed && failures[0] !== undefined ? failureText(failures[0]) : null,
      health: Either.match(health, {
        onLeft: (e) => ({ metadatabase: null, scheduler: null, triggerer: null, dag_processor: null, error: failureText(e) }),
        onRight: (h) => ({ ...h, error: null })
      }),
      import_errors: { count: Either.getOrNull(importErrors), error: Either.isLeft(importErrors) ? failureText(importErrors.left) : null },
      dags: {
        paused: Either.getOrNull(paused),
        active: Either.getOrNull(active),
        error: dagsError.length > 0 ? dagsError.join("; ") : null
      },
      failing_dags: failing
    }
    const apiDown = Either.isLeft(health) && API_DOWN_REASONS.includes(reasonOf(health.left) ?? "")
    return { part, apiDown }
  })

const notProbed = (reason: string): AirflowPart => ({
  available: false,
  unavailable_reason: reason,
  health: null,
  import_errors: null,
  dags: null,
  failing_dags: null
})

export const environmentHealth = Effect.fnUntraced(function* (env: string, windowHours: number = DEFAULT_WINDOW_HOURS) {
  const catalog = yield* EnvironmentCatalog
  const airflow = yield* AirflowClient
  // Fresh: the status is the point of the call.
  const summary = summarizeEnvironment(yield* catalog.fresh(env), [])
  const mwaa: MwaaPart = {
    status: summary.status,
    airflow_version: summary.airflow_version,
    created_at: summary.created_at,
    last_update: summary.last_update
  }
  const probed = PROBED_STATUSES.includes(summary.status ?? "")
    ? yield* airflow.major(env).pipe(
        Effect.matchEffect({
          onFailure: (e) => Effect.succeed({ part: notProbed(failureText(e)), apiDown: false }),
          onSuccess: (v) => probeAirflow(env, v, windowHours)
        })
      )
    : {
        part: notProbed(
          `MWAA status is ${summary.status ?? "unknown"}: Airflow's API is probed only when the environment is AVAILABLE (or UPDATE_FAILED, restored and running).`
        ),
        apiDown: false
      }
  const { verdict, findings } = assess(mwaa, probed.part, probed.apiDown)
  return { environment_name: env, verdict, findings, mwaa, airflow: probed.part }
})
