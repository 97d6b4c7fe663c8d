import { Option } from "effect"
import { fits, pathOf, TASK_INSTANCES_BATCH_PATH } from "./paths.js"
import type { TaskTry } from "../ports/TaskLogs.js"
import { compact, type RestCall } from "./routes.js"

/**
 * Routes for task instances, clearing and logs. "/dags/{dag}/dagRuns/{run}/taskInstances"
 * alone is 37 characters plus the ids, so the batch endpoint
 * POST /dags/~/dagRuns/~/taskInstances/list (ids in the body) is the usual road.
 */

export interface TaskInstanceFilters {
  readonly state?: ReadonlyArray<string> | undefined
  readonly task_ids?: ReadonlyArray<string> | undefined
}

/**
 * Every task instance of one run matching the filters. Airflow 2's batch form has no paging
 * (it answers every match), so the caller pages what comes back; with Airflow 3 too, since
 * one run's task instances are bounded by the DAG's size.
 */
export const listTaskInstances = (dagId: string, runId: string, f: TaskInstanceFilters): RestCall => ({
  method: "POST",
  path: TASK_INSTANCES_BATCH_PATH,
  body: compact({
    dag_ids: [dagId],
    dag_run_ids: [runId],
    task_ids: f.task_ids && f.task_ids.length > 0 ? f.task_ids : undefined,
    state: f.state && f.state.length > 0 ? f.state : undefined
  })
})

/** One task instance: its own path when it fits, else the batch list narrowed to the task (then matched by map_index). */
export const getTaskInstance = (dagId: string, runId: string, taskId: string, mapIndex: number): RestCall => {
  const segments = ["dags", dagId, "dagRuns", runId, "taskInstances", taskId]
  const direct = mapIndex >= 0 ? pathOf(...segments, String(mapIndex)) : pathOf(...segments)
  return fits(direct) ? { method: "GET", path: direct } : listTaskInstances(dagId, runId, { task_ids: [taskId] })
}

export interface ClearRequest {
  readonly dag_run_id?: string | undefined
  readonly task_ids?: ReadonlyArray<string> | undefined
  readonly dry_run: boolean
  readonly only_failed: boolean
  readonly only_running: boolean
  readonly include_upstream: boolean
  readonly include_downstream: boolean
  readonly reset_dag_runs: boolean
}

/**
 * POST /dags/{id}/clearTaskInstances: the only clearing endpoint. Over 39 characters of DAG id
 * its path passes InvokeRestApi's 64, and it goes through the webserver.
 */
export const clearTaskInstances = (dagId: string, req: ClearRequest): RestCall => {
  const path = pathOf("dags", dagId, "clearTaskInstances")
  // Both versions accept exactly these keys; Airflow 3 would reject any other with 422.
  return {
    method: "POST",
    path,
    body: compact({
      dry_run: req.dry_run,
      only_failed: req.only_failed,
      only_running: req.only_running,
      include_upstream: req.include_upstream,
      include_downstream: req.include_downstream,
      reset_dag_runs: req.reset_dag_runs,
      dag_run_id: req.dag_run_id,
      task_ids: req.task_ids && req.task_ids.length > 0 ? req.task_ids : undefined
    })
  }
}

export type { TaskTry } from "../ports/TaskLogs.js"

/**
 * The REST log endpoint for one try, when its path fits (rarely: it carries all three ids) or
 * long paths can be sent (the webserver route): Airflow has no batch form of it.
 */
export const taskLogRest = (t: TaskTry, continuationToken?: string, longPaths = false): Option.Option<RestCall> => {
  const path = pathOf("dags", t.dag_id, "dagRuns", t.dag_run_id, "taskInstances", t.task_id, "logs", String(t.try_number))
  if (!fits(path) && !longPaths) return Option.none()
  return Option.some({
    method: "GET",
    path,
    query: compact({
      full_content: true,
      map_index: t.map_index >= 0 ? t.map_index : undefined,
      token: continuationToken
    })
  })
}
