import { Effect } from "effect"
import { MwaaError } from "../../ports/MwaaError.js"
import { AirflowClient } from "../airflow-client.js"
import { TaskInstanceAnswer, TaskInstanceListAnswer } from "../answers/task-instances.js"
import { pageOf, type TaskInstance } from "../model.js"
import { TASK_INSTANCES_BATCH_PATH } from "../paths.js"
import * as Tasks from "../routes-tasks.js"

/** Task instance use cases: list a run's, read one, clear. */

const byTaskOrder = (a: TaskInstance, b: TaskInstance) =>
  a.task_id === b.task_id ? a.map_index - b.map_index : a.task_id < b.task_id ? -1 : 1

/** Every task instance of the run that matches, paged here (Airflow 2's batch form has no paging). */
export const listTaskInstances = Effect.fnUntraced(function* (
  env: string,
  dagId: string,
  runId: string,
  f: Tasks.TaskInstanceFilters & { readonly limit: number; readonly offset: number }
) {
  const airflow = yield* AirflowClient
  const answer = yield* airflow.send(env, Tasks.listTaskInstances(dagId, runId, f), TaskInstanceListAnswer)
  const all = answer.task_instances.filter((ti) => ti.dag_id === dagId && ti.dag_run_id === runId).sort(byTaskOrder)
  const page = all.slice(f.offset, f.offset + f.limit)
  return { task_instances: page, ...pageOf(f.offset, f.limit, page.length, all.length) }
})

export const getTaskInstance = Effect.fnUntraced(function* (env: string, dagId: string, runId: string, taskId: string, mapIndex: number) {
  const airflow = yield* AirflowClient
  const call = Tasks.getTaskInstance(dagId, runId, taskId, mapIndex)
  // The task's own path answers the task instance; the batch list (its path did not fit) a list.
  const candidates =
    call.path === TASK_INSTANCES_BATCH_PATH
      ? (yield* airflow.send(env, call, TaskInstanceListAnswer)).task_instances
      : [yield* airflow.send(env, call, TaskInstanceAnswer)]
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
export const clearTaskInstances = Effect.fnUntraced(function* (env: string, dagId: string, req: Tasks.ClearRequest) {
  const airflow = yield* AirflowClient
  const call = Tasks.clearTaskInstances(dagId, req)
  // A path that cannot be sent is refused before MWAA is asked anything (even the environment's version).
  yield* airflow.admits(call)
  const v = yield* airflow.major(env)
  const answer = yield* airflow.send(env, call, TaskInstanceListAnswer)
  const touched = answer.task_instances.map((ti) => ({
    dag_id: ti.dag_id,
    dag_run_id: ti.dag_run_id,
    task_id: ti.task_id,
    map_index: ti.map_index,
    state: ti.state
  }))
  // Airflow 2 answers references without state: a dry run would read as "already cleared".
  // One batch read gives each task instance's current state.
  if (v === 2 && req.dry_run && touched.length > 0) {
    const runIds = [...new Set(touched.map((t) => t.dag_run_id))]
    const current = yield* airflow.send(
      env,
      {
        method: "POST",
        path: TASK_INSTANCES_BATCH_PATH,
        body: { dag_ids: [dagId], dag_run_ids: runIds, task_ids: [...new Set(touched.map((t) => t.task_id))] }
      },
      TaskInstanceListAnswer
    )
    const states = new Map(current.task_instances.map((ti) => [`${ti.dag_run_id}|${ti.task_id}|${ti.map_index}`, ti.state] as const))
    const withStates = touched.map((t) => ({ ...t, state: states.get(`${t.dag_run_id}|${t.task_id}|${t.map_index}`) ?? t.state }))
    return { dry_run: req.dry_run, only_failed: req.only_failed, task_instances: withStates, count: withStates.length }
  }
  return { dry_run: req.dry_run, only_failed: req.only_failed, task_instances: touched, count: touched.length }
})
