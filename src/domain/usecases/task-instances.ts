import { Effect, Either } from "effect"
import { MwaaError } from "../../ports/MwaaError.js"
import { AirflowClient } from "../airflow-client.js"
import { pageOf, type TaskInstance } from "../model.js"
import { asArray, asRecord, normalizeTaskInstance } from "../normalize.js"
import * as Tasks from "../routes-tasks.js"

/** Task instance use cases: list a run's, read one, clear. */

const byTaskOrder = (a: TaskInstance, b: TaskInstance) =>
  a.task_id === b.task_id ? a.map_index - b.map_index : a.task_id < b.task_id ? -1 : 1

/** Every task instance of the run that matches, paged here (Airflow 2's batch form has no paging). */
export const listTaskInstances = Effect.fn("TaskInstances.list")(function* (
  env: string,
  dagId: string,
  runId: string,
  f: Tasks.TaskInstanceFilters & { readonly limit: number; readonly offset: number }
) {
  const airflow = yield* AirflowClient
  const v = yield* airflow.major(env)
  const response = yield* airflow.send(env, Tasks.listTaskInstances(v, dagId, runId, f))
  const all = asArray(asRecord(response.body)["task_instances"])
    .map(normalizeTaskInstance)
    .filter((ti) => ti.dag_id === dagId && ti.dag_run_id === runId)
    .sort(byTaskOrder)
  const page = all.slice(f.offset, f.offset + f.limit)
  return { task_instances: page, ...pageOf(f.offset, f.limit, page.length, all.length) }
})

export const getTaskInstance = Effect.fn("TaskInstances.get")(function* (
  env: string,
  dagId: string,
  runId: string,
  taskId: string,
  mapIndex: number
) {
  const airflow = yield* AirflowClient
  const v = yield* airflow.major(env)
  const call = Tasks.getTaskInstance(v, dagId, runId, taskId, mapIndex)
  const body = asRecord((yield* airflow.send(env, call)).body)
  const candidates = "task_instances" in body ? asArray(body["task_instances"]).map(normalizeTaskInstance) : [normalizeTaskInstance(body)]
  const match = candidates.find(
    (ti) => ti.dag_id === dagId && ti.dag_run_id === runId && ti.task_id === taskId && ti.map_index === mapIndex
  )
  if (match !== undefined) return match
  return yield* new MwaaError({
    reason: "NotFound",
    operation: `${call.method} ${call.path}`,
    message:
      `Task instance ${taskId}${mapIndex >= 0 ? `[${mapIndex}]` : ""} of run ${runId} of DAG ${dagId} was not found in environment ${env}.` +
      (candidates.some((ti) => ti.task_id === taskId) ? " The task is mapped: pass its map_index." : "")
  })
})

/** What a clear did (or, in a dry run, would do): the task instances it touches. */
export const clearTaskInstances = Effect.fn("TaskInstances.clear")(function* (env: string, dagId: string, req: Tasks.ClearRequest) {
  const airflow = yield* AirflowClient
  const v = yield* airflow.major(env)
  const call = yield* Either.match(Tasks.clearTaskInstances(v, dagId, req), {
    onLeft: (e) => Effect.fail(e),
    onRight: (c) => Effect.succeed(c)
  })
  const response = yield* airflow.send(env, call)
  // Airflow 2 answers TaskInstanceReference (no state), Airflow 3 full task instances.
  const touched = asArray(asRecord(response.body)["task_instances"]).map((raw) => {
    const ti = normalizeTaskInstance(raw)
    return { dag_id: ti.dag_id, dag_run_id: ti.dag_run_id, task_id: ti.task_id, map_index: ti.map_index, state: ti.state }
  })
  return { dry_run: req.dry_run, only_failed: req.only_failed, task_instances: touched, count: touched.length }
})
