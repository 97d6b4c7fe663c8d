import { Effect, Option } from "effect"
import { MwaaError } from "../../ports/MwaaError.js"
import { DagFiles } from "../../ports/DagFiles.js"
import { AirflowClient } from "../airflow-client.js"
import { EnvironmentCatalog } from "../environment-catalog.js"
import { DagAnswer, DagListAnswer, DagRecord, DagSourceAnswer, dagOf } from "../answers/dags.js"
import { totalOf } from "../answers/fields.js"
import { pageOf } from "../model.js"
import { maskSecretsInText } from "../redaction.js"
import * as Routes from "../routes.js"
import { dagFileS3Location } from "../routes-misc.js"

/** DAG use cases: list, read, read the source file, pause and unpause. */

export const listDags = Effect.fnUntraced(function* (env: string, q: Routes.ListDagsQuery) {
  const airflow = yield* AirflowClient
  const answer = yield* airflow.send(env, Routes.listDags(q), DagListAnswer)
  const dags = answer.dags.map(dagOf)
  return { dags, ...pageOf(q.offset, q.limit, dags.length, totalOf(answer, dags)) }
})

/** The DAG's record, decoded: file_token and fileloc are needed to find its source. */
// Untraced: on every call, under the tool's span; a span costs about 20 µs a call (see bench/README.md).
export const fetchDagRecord = Effect.fnUntraced(function* (env: string, dagId: string) {
  const airflow = yield* AirflowClient
  // A long id's direct path through the webserver beats the dag_id_pattern list, which may miss it (see Routes.getDag).
  const route = Routes.getDag(dagId, airflow.longPaths)
  if (route.exactMatchIn === undefined) return yield* airflow.send(env, route.call, DagRecord)
  // dag_id_pattern matches substrings: keep only the DAG whose id is exactly the one asked for.
  const match = (yield* airflow.send(env, route.call, DagListAnswer)).dags.find((d) => d.dag_id === dagId)
  if (match !== undefined) return match
  return yield* new MwaaError({ reason: "NotFound", operation: "GET /dags", message: `DAG ${dagId} was not found in environment ${env}.` })
})

export const getDag = Effect.fnUntraced(function* (env: string, dagId: string) {
  return dagOf(yield* fetchDagRecord(env, dagId))
})

export const setDagPaused = Effect.fnUntraced(function* (env: string, dagId: string, isPaused: boolean) {
  const airflow = yield* AirflowClient
  const call = Routes.setDagPaused(dagId, isPaused)
  // A path that cannot be sent is refused before MWAA is asked anything (even the environment's version).
  yield* airflow.admits(call)
  return yield* airflow.send(env, call, DagAnswer)
})

/**
 * The DAG's Python file. Over REST when the path fits; else from the environment's S3 bucket,
 * which MWAA syncs into the dags folder (Airflow 2's file_token alone is usually ~100 characters).
 */
export const getDagSource = Effect.fnUntraced(function* (env: string, dagId: string) {
  const airflow = yield* AirflowClient
  const v = yield* airflow.major(env)
  const dag = yield* fetchDagRecord(env, dagId)
  const fileloc = dag.fileloc
  const rest = Routes.dagSourceRest(v, dagId, dag.file_token)
  const fromRest = Option.isSome(rest) ? Option.some(yield* airflow.send(env, rest.value, DagSourceAnswer)) : Option.none<string>()
  const content = Option.isSome(fromRest) ? fromRest.value : yield* fromS3(env, dagId, fileloc)
  const masked = maskSecretsInText(content)
  return {
    dag_id: dagId,
    fileloc,
    source: Option.isSome(fromRest) ? ("rest" as const) : ("s3" as const),
    content: masked.text,
    masked: masked.masked
  }
})

const fromS3 = Effect.fnUntraced(function* (env: string, dagId: string, fileloc: string | null) {
  const catalog = yield* EnvironmentCatalog
  const dagFiles = yield* DagFiles
  const environment = yield* catalog.describe(env)
  const location = dagFileS3Location(environment.source_bucket_arn ?? undefined, environment.dag_s3_path ?? undefined, fileloc)
  if (Option.isNone(location)) {
    return yield* new MwaaError({
      reason: "NotFound",
      operation: "GetObject",
      message: `The source of DAG ${dagId} cannot be located: its file (${fileloc ?? "unknown"}) is not under the environment's S3 DAG folder.`
    })
  }
  return yield* dagFiles.read(location.value.bucketArn, location.value.key)
})
