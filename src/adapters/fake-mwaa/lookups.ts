import { Either } from "effect"
import { type AirflowFailure, airflowError } from "./airflow-errors.js"
import { asReleased } from "./airflow2-releases.js"
import { dag2, dagRun2, taskInstance2 } from "./airflow2-shapes.js"
import { answers32, dag32, dagRun32, taskInstance32 } from "./airflow32-shapes.js"
import { dag3, dagRun3, taskInstance3 } from "./airflow3-shapes.js"
import type * as S from "./state.js"

/** Finding records in an environment, and each version's 404 when they are missing. */
export const findDag = (env: S.EnvironmentRecord, dagId: string) => env.dags.find((d) => d.dagId === dagId)

export const findRun = (env: S.EnvironmentRecord, dagId: string, runId: string) =>
  env.dagRuns.find((r) => r.dagId === dagId && r.runId === runId)

export const findTaskInstance = (env: S.EnvironmentRecord, dagId: string, runId: string, taskId: string, mapIndex = -1) =>
  env.taskInstances.find((t) => t.dagId === dagId && t.runId === runId && t.taskId === taskId && t.mapIndex === mapIndex)

export const requireDag = (env: S.EnvironmentRecord, dagId: string): Either.Either<S.DagRecord, AirflowFailure> => {
  const dag = findDag(env, dagId)
  return dag !== undefined
    ? Either.right(dag)
    : Either.left(
        airflowError(
          env.flavor,
          404,
          { title: "DAG not found", detail: `The DAG with dag_id: ${dagId} was not found` },
          `Dag with id ${dagId} was not found`
        )
      )
}

export const requireRun = (env: S.EnvironmentRecord, dagId: string, runId: string): Either.Either<S.DagRunRecord, AirflowFailure> => {
  const run = findRun(env, dagId, runId)
  return run !== undefined
    ? Either.right(run)
    : Either.left(
        airflowError(
          env.flavor,
          404,
          { title: "DAGRun not found", detail: `DAGRun with DAG ID: '${dagId}' and DagRun ID: '${runId}' not found` },
          `The DagRun with dag_id: \`${dagId}\` and run_id: \`${runId}\` was not found`
        )
      )
}

export const requireTaskInstance = (
  env: S.EnvironmentRecord,
  dagId: string,
  runId: string,
  taskId: string,
  mapIndex = -1
): Either.Either<S.TaskInstanceRecord, AirflowFailure> => {
  const ti = findTaskInstance(env, dagId, runId, taskId, mapIndex)
  if (ti !== undefined) return Either.right(ti)
  const mapped = mapIndex === -1 && env.taskInstances.some((t) => t.dagId === dagId && t.runId === runId && t.taskId === taskId)
  const v3 = mapped
    ? "Task instance is mapped, add the map_index value to the URL"
    : `The Task Instance with dag_id: \`${dagId}\`, run_id: \`${runId}\`, task_id: \`${taskId}\` and map_index: \`${mapIndex}\` was not found`
  return Either.left(airflowError(env.flavor, 404, { title: "Task instance not found", detail: null }, v3))
}

/** Each version's rendering of the stored records: Airflow 2, 3.0, or 3.2 and later (airflow32-shapes.ts). */
export const dagView = (env: S.EnvironmentRecord, dag: S.DagRecord) =>
  env.flavor === 2 ? asReleased(env, "dag", dag2(dag)) : answers32(env) ? dag32(env, dag) : dag3(dag)

export const runView = (env: S.EnvironmentRecord, run: S.DagRunRecord) =>
  env.flavor === 2 ? dagRun2(run) : (answers32(env) ? dagRun32 : dagRun3)(run, findDag(env, run.dagId))

export const taskInstanceView = (env: S.EnvironmentRecord, ti: S.TaskInstanceRecord) =>
  env.flavor === 2
    ? asReleased(env, "taskInstance", taskInstance2(ti, findRun(env, ti.dagId, ti.runId)))
    : (answers32(env) ? taskInstance32 : taskInstance3)(ti, findRun(env, ti.dagId, ti.runId), findDag(env, ti.dagId))
