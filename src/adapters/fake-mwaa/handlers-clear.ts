import { Either } from "effect"
import { airflowError, problem } from "./airflow-errors.js"
import { taskInstanceReference2 } from "./airflow2-shapes.js"
import { cursorFields } from "./airflow32-shapes.js"
import { findDag, findRun, taskInstanceView } from "./lookups.js"
import { inRange } from "./queries.js"
import { type Handler, ok } from "./rest-types.js"
import type * as S from "./state.js"
import { micros } from "./time.js"

/**
 * POST /dags/{dag_id}/clearTaskInstances. dry_run (default true) only lists what would be
 * cleared. A real clear sets the task instances to no state (running ones to "restarting")
 * and, when reset_dag_runs is set (default false in Airflow 2, true in Airflow 3), queues
 * their DAG runs again.
 */
type Body = Readonly<Record<string, unknown>>

/** The given tasks plus, on request, everything up- or downstream of them (transitively). */
const expandTasks = (dag: S.DagRecord, taskIds: ReadonlyArray<string>, upstream: boolean, downstream: boolean) => {
  const selected = new Set(taskIds)
  const walk = (next: (taskId: string) => ReadonlyArray<string>) => {
    const queue = [...taskIds]
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      for (const other of next(id)) {
        if (selected.has(other)) continue
        selected.add(other)
        queue.push(other)
      }
    }
  }
  if (upstream) walk((id) => dag.tasks.find((t) => t.taskId === id)?.upstream ?? [])
  if (downstream) walk((id) => dag.tasks.filter((t) => t.upstream.includes(id)).map((t) => t.taskId))
  return selected
}

const validate2 = (body: Body): string | undefined => {
  const onlyFailed = body["only_failed"] !== false
  if (onlyFailed && body["only_running"] === true) return "only_failed and only_running both are set to True"
  const start = micros((body["start_date"] as string | undefined) ?? null)
  const end = micros((body["end_date"] as string | undefined) ?? null)
  if (start !== undefined && end !== undefined && start > end) return "end_date is sooner than start_date"
  if (typeof body["dag_run_id"] === "string" && (start !== undefined || end !== undefined))
    return "Exactly one of dag_run_id or (start_date and end_date) must be provided"
  return undefined
}

export const clearTaskInstances: Handler = ({ env, params, body, now }) =>
  Either.gen(function* () {
    const dagId = params["dag_id"] ?? ""
    if (env.flavor === 2) {
      const invalid = validate2(body)
      if (invalid !== undefined) return yield* Either.left(problem(400, undefined, `{'_schema': ['${invalid}']}`))
      if (Array.isArray(body["task_ids"]) && body["task_ids"].length === 0)
        return yield* Either.left(problem(400, undefined, "{'task_ids': ['Shorter than minimum length 1.']}"))
    }
    const dag = findDag(env, dagId)
    if (dag === undefined) {
      return yield* Either.left(
        airflowError(env.flavor, 404, { title: `Dag id ${dagId} not found`, detail: null }, `DAG ${dagId} not found`)
      )
    }
    const past = body["include_past"] === true
    const future = body["include_future"] === true
    let start = (body["start_date"] as string | null | undefined) ?? undefined
    let end = (body["end_date"] as string | null | undefined) ?? undefined
    let runId: string | undefined
    if (typeof body["dag_run_id"] === "string") {
      const run = findRun(env, dagId, body["dag_run_id"])
      if (run === undefined) {
        const message = `Dag Run id ${body["dag_run_id"]} not found in dag ${dagId}`
        return yield* Either.left(airflowError(env.flavor, 404, { title: message, detail: null }, message))
      }
      if (env.flavor === 3 && (past || future) && run.logicalDate === null) {
        const message = "Cannot use include_past or include_future with no logical_date(e.g. manually or asset-triggered)."
        return yield* Either.left(airflowError(3, 400, { detail: message }, message))
      }
      if (past || future) {
        start = past ? undefined : (run.logicalDate ?? undefined)
        end = future ? undefined : (run.logicalDate ?? undefined)
      } else runId = run.runId
    } else {
      if (past) start = undefined
      if (future) end = undefined
    }
    const taskIds = Array.isArray(body["task_ids"])
      ? expandTasks(dag, body["task_ids"].map(String), body["include_upstream"] === true, body["include_downstream"] === true)
      : undefined
    const onlyFailed = body["only_failed"] !== false
    const onlyRunning = body["only_running"] === true
    const selected = env.taskInstances.filter(
      (t) =>
        t.dagId === dagId &&
        (runId === undefined ? inRange(findRun(env, dagId, t.runId)?.logicalDate ?? null, start, end) : t.runId === runId) &&
        (taskIds === undefined || taskIds.has(t.taskId)) &&
        (!onlyFailed || t.state === "failed" || t.state === "upstream_failed") &&
        (!onlyRunning || t.state === "running")
    )
    // 3.2's prevent_running_task: a clear that would touch a running task is refused (409) instead.
    if (body["prevent_running_task"] === true && selected.some((t) => t.state === "running")) {
      const running = selected.filter((t) => t.state === "running").map((t) => t.taskId)
      return yield* Either.left(airflowError(3, 409, { detail: null }, `Task instances are running: ${running.join(", ")}`))
    }
    const dryRun = body["dry_run"] !== false
    const resetRuns = body["reset_dag_runs"] === true || (env.flavor === 3 && body["reset_dag_runs"] !== false)
    const next = dryRun ? env : applyClear(env, dag, selected, resetRuns, now)
    if (env.flavor === 2) {
      return ok(
        { task_instances: selected.map((t) => taskInstanceReference2(t, findRun(env, t.dagId, t.runId))) },
        dryRun ? undefined : next
      )
    }
    const after = selected.map((t) => next.taskInstances.find((n) => n.id === t.id) ?? t)
    return ok(
      { task_instances: after.map((t) => taskInstanceView(next, t)), total_entries: after.length, ...cursorFields(env) },
      dryRun ? undefined : next
    )
  })

const applyClear = (
  env: S.EnvironmentRecord,
  dag: S.DagRecord,
  selected: ReadonlyArray<S.TaskInstanceRecord>,
  resetRuns: boolean,
  now: string
): S.EnvironmentRecord => {
  const ids = new Set(selected.map((t) => t.id))
  const runIds = new Set(selected.map((t) => t.runId))
  const retries = (taskId: string) => dag.tasks.find((t) => t.taskId === taskId)?.retries ?? 0
  return {
    ...env,
    taskInstances: env.taskInstances.map((t) =>
      ids.has(t.id)
        ? {
            ...t,
            state: t.state === "running" ? "restarting" : null,
            maxTries: Math.max(t.maxTries, t.tryNumber + retries(t.taskId))
          }
        : t
    ),
    dagRuns: resetRuns
      ? env.dagRuns.map((r) =>
          r.dagId === dag.dagId && runIds.has(r.runId)
            ? { ...r, state: "queued", startDate: null, lastSchedulingDecision: null, queuedAt: now }
            : r
        )
      : env.dagRuns
  }
}
