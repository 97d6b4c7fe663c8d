import { durationSeconds } from "./airflow2-shapes.js"
import { answers32 } from "./airflow32-shapes.js"
import { findRun } from "./lookups.js"
import type { BodySpec } from "./request-body.js"
import type { QuerySpec } from "./request-query.js"
import type * as S from "./state.js"
import { micros } from "./time.js"

/**
 * The filters Airflow 3.1 added to the run and task instance lists (apache/airflow#54302 "Add Greater
 * Than and Less Than range filters to DagRuns and Task Instance list"; airflow-3.2-v2.yaml): strict
 * bounds `x_gt` / `x_lt` beside the inclusive `x_gte` / `x_lte`, durations for runs, and a run's conf
 * holding a text. Accepted from 3.1 on only: the 3.0 batch bodies refuse them (extra="forbid") and its
 * GET lists ignore them, as FastAPI ignores unknown query parameters.
 */
const strict = (names: ReadonlyArray<string>) => names.flatMap((n) => [`${n}_gt`, `${n}_lt`])

const RUN_DATES = ["logical_date", "run_after", "start_date", "end_date"]
const TI_DATES = ["run_after", "logical_date", "start_date", "end_date"]

export const RUNS_BATCH_32: BodySpec = {
  ...Object.fromEntries(strict(RUN_DATES).map((n) => [n, { kind: "datetime" }])),
  duration_gte: { kind: "number" },
  duration_lte: { kind: "number" },
  duration_gt: { kind: "number" },
  duration_lt: { kind: "number" },
  conf_contains: { kind: "string" }
}

export const TIS_BATCH_32: BodySpec = {
  ...Object.fromEntries(strict(TI_DATES).map((n) => [n, { kind: "datetime" }])),
  duration_gt: { kind: "number" },
  duration_lt: { kind: "number" }
}

export const RUNS_QUERY_32: QuerySpec = {
  ...Object.fromEntries(strict([...RUN_DATES, "updated_at"]).map((n) => [n, "datetime" as const])),
  duration_gte: "number",
  duration_lte: "number",
  duration_gt: "number",
  duration_lt: "number",
  conf_contains: "string"
}

export const TIS_QUERY_32: QuerySpec = {
  ...Object.fromEntries(strict(TI_DATES).map((n) => [n, "datetime" as const])),
  duration_gt: "number",
  duration_lt: "number"
}

/** A strict range; a missing value (SQL NULL) never satisfies a bound. */
const between = (value: string | number | null | undefined, gt: unknown, lt: unknown): boolean => {
  if (gt === undefined && lt === undefined) return true
  const v = typeof value === "number" ? value : micros(value ?? null)
  if (v === undefined || v === null) return false
  const bound = (b: unknown) => (typeof b === "number" ? b : typeof b === "string" ? micros(b) : undefined)
  const low = bound(gt)
  const high = bound(lt)
  return (low === undefined || v > low) && (high === undefined || v < high)
}

const inclusive = (value: number | null, gte: unknown, lte: unknown): boolean =>
  (typeof gte !== "number" || (value !== null && value >= gte)) && (typeof lte !== "number" || (value !== null && value <= lte))

/** No updated_at is stored: the last scheduling decision is the last time a run changes on its own. */
export const runMatches32 = (env: S.EnvironmentRecord, run: S.DagRunRecord, f: Readonly<Record<string, unknown>>): boolean => {
  if (!answers32(env)) return true
  const duration = durationSeconds(run.startDate, run.endDate)
  return (
    between(run.logicalDate, f["logical_date_gt"], f["logical_date_lt"]) &&
    between(run.runAfter, f["run_after_gt"], f["run_after_lt"]) &&
    between(run.startDate, f["start_date_gt"], f["start_date_lt"]) &&
    between(run.endDate, f["end_date_gt"], f["end_date_lt"]) &&
    between(run.lastSchedulingDecision, f["updated_at_gt"], f["updated_at_lt"]) &&
    between(duration, f["duration_gt"], f["duration_lt"]) &&
    inclusive(duration, f["duration_gte"], f["duration_lte"]) &&
    (typeof f["conf_contains"] !== "string" || JSON.stringify(run.conf).includes(f["conf_contains"]))
  )
}

export const taskInstanceMatches32 = (env: S.EnvironmentRecord, ti: S.TaskInstanceRecord, f: Readonly<Record<string, unknown>>) => {
  if (!answers32(env)) return true
  const run = findRun(env, ti.dagId, ti.runId)
  return (
    between(run?.logicalDate, f["logical_date_gt"], f["logical_date_lt"]) &&
    between(run?.runAfter, f["run_after_gt"], f["run_after_lt"]) &&
    between(ti.startDate, f["start_date_gt"], f["start_date_lt"]) &&
    between(ti.endDate, f["end_date_gt"], f["end_date_lt"]) &&
    between(durationSeconds(ti.startDate, ti.endDate), f["duration_gt"], f["duration_lt"])
  )
}
