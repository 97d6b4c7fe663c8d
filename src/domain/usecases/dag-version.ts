import { Effect, Either } from "effect"
import { AirflowClient } from "../airflow-client.js"
import { DagDetailsAnswer } from "../answers/history.js"
import { dagOf } from "../answers/dags.js"
import type { DagVersion } from "../model-history.js"
import { MAX_PATH_LENGTH } from "../paths.js"
import * as History from "../routes-history.js"
import { getDag } from "./dags.js"

/**
 * A DAG with its current version, for get-dag. Airflow 3's DAG details carry the latest version,
 * so on Airflow 3 the one call is the details instead of the DAG; Airflow 2 has no versions.
 */
export const getDagWithVersion = Effect.fnUntraced(function* (env: string, dagId: string) {
  const airflow = yield* AirflowClient
  const v = yield* airflow.major(env)
  const without = (note: string) =>
    Effect.map(getDag(env, dagId), (dag) => ({ dag, current_version: null as DagVersion | null, current_version_note: note }))
  if (v === 2) return yield* without("Airflow 2 does not version DAGs (Airflow 3 does).")
  const call = History.dagDetails(dagId)
  if (Either.isLeft(yield* Effect.either(airflow.admits(call)))) {
    return yield* without(
      `The DAG details' Airflow path is ${call.path.length} characters, over InvokeRestApi's ${MAX_PATH_LENGTH}, ` +
        "and the webserver route is switched off: the version is not read."
    )
  }
  const details = yield* airflow.send(env, call, DagDetailsAnswer)
  return {
    dag: dagOf(details),
    current_version: details.latest_dag_version,
    current_version_note: details.latest_dag_version === null ? "Airflow has recorded no version of this DAG yet." : null
  }
})
