import type * as S from "./state.js"
import { findEnvironment, replaceEnvironment } from "./state.js"
import { formatIsoMillis } from "./time.js"

/**
 * What Airflow's scheduler does on its own and the REST API cannot: move a run from one state to
 * the next. Tests drive it (a run that finishes while a tool waits for it). Dates follow Airflow:
 * start_date is set when the run first leaves "queued", end_date when it reaches success or
 * failed, and cleared if it is queued or running again.
 */
export const setDagRunState = (
  state: S.FakeState,
  environmentName: string,
  dagId: string,
  runId: string,
  runState: "queued" | "running" | "success" | "failed"
): S.FakeState | undefined => {
  const env = findEnvironment(state, environmentName)
  const run = env?.dagRuns.find((r) => r.dagId === dagId && r.runId === runId)
  if (env === undefined || run === undefined) return undefined
  const now = formatIsoMillis(state.nowMillis)
  const terminal = runState === "success" || runState === "failed"
  const updated: S.DagRunRecord = {
    ...run,
    state: runState,
    startDate: runState === "queued" ? run.startDate : (run.startDate ?? now),
    endDate: terminal ? now : null,
    lastSchedulingDecision: now
  }
  const next = { ...env, dagRuns: env.dagRuns.map((r) => (r === run ? updated : r)) }
  return replaceEnvironment(state, next)
}
