import { pathOf } from "./paths.js"
import type { RestCall } from "./routes.js"

/**
 * Routes for history: a task instance's tries and a DAG's details (Airflow 3's carry its latest
 * version). Both paths carry their ids whole, with no batch form: a path over 64 characters goes
 * through the webserver, or is not sent (the caller says why).
 */

/** GET …/taskInstances/{task_id}/tries, or …/{task_id}/{map_index}/tries for a mapped task (Airflow 2.10+ and 3). */
export const taskTries = (dagId: string, runId: string, taskId: string, mapIndex: number): RestCall => {
  const task = ["dags", dagId, "dagRuns", runId, "taskInstances", taskId]
  return { method: "GET", path: mapIndex >= 0 ? pathOf(...task, String(mapIndex), "tries") : pathOf(...task, "tries") }
}

/** GET /dags/{dag_id}/details. */
export const dagDetails = (dagId: string): RestCall => ({ method: "GET", path: pathOf("dags", dagId, "details") })
