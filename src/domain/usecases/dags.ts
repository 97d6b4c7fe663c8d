import { Effect, Option } from "effect"
import { MwaaError } from "../../ports/MwaaError.js"
import { DagFiles } from "../../ports/DagFiles.js"
import { AirflowClient } from "../airflow-client.js"
import { EnvironmentCatalog } from "../environment-catalog.js"
import { pageOf } from "../model.js"
import { asArray, asRecord, normalizeDag } from "../normalize.js"
import { maskSecretsInText } from "../redaction.js"
import type { AirflowMajor } from "../routes.js"
import * as Routes from "../routes.js"
import { dagFileS3Location } from "../routes-misc.js"

/** DAG use cases: list, read, read the source file, pause and unpause. */

export const listDags = Effect.fnUntraced(function* (env: string, q: Routes.ListDagsQuery) {
  const airflow = yield* AirflowClient
  const v = yield* airflow.major(env)
  const response = yield* airflow.send(env, Routes.listDags(v, q))
  const body = asRecord(response.body)
  const dags = asArray(body["dags"]).map(normalizeDag)
  const total = typeof body["total_entries"] === "number" ? body["total_entries"] : dags.length
  return { dags, ...pageOf(q.offset, q.limit, dags.length, total) }
})

/** The DAG record as Airflow sent it: file_token and fileloc are needed to find its source. */
// Untraced: on every call, under the tool's span; a span costs about 20 µs a call (see bench/README.md).
export const fetchDagRaw = Effect.fnUntraced(function* (env: string, v: AirflowMajor, dagId: string) {
  const airflow = yield* AirflowClient
  // A long id's direct path through the webserver beats the dag_id_pattern list, which may miss it (see Routes.getDag).
  const route = Routes.getDag(v, dagId, airflow.longPaths)
  const response = yield* airflow.send(env, route.call)
  if (route.exactMatchIn === undefined) return asRecord(response.body)
  // dag_id_pattern matches substrings: keep only the DAG whose id is exactly the one asked for.
  const match = asArray(asRecord(response.body)["dags"])
    .map(asRecord)
    .find((d) => d["dag_id"] === dagId)
  if (match !== undefined) return match
  return yield* new MwaaError({ reason: "NotFound", operation: "GET /dags", message: `DAG ${dagId} was not found in environment ${env}.` })
})

export const getDag = Effect.fnUntraced(function* (env: string, dagId: string) {
  const airflow = yield* AirflowClient
  const v = yield* airflow.major(env)
  return normalizeDag(yield* fetchDagRaw(env, v, dagId))
})

export const setDagPaused = Effect.fnUntraced(function* (env: string, dagId: string, isPaused: boolean) {
  const airflow = yield* AirflowClient
  // The path is the same on both versions: refuse one that cannot be sent before asking MWAA anything.
  yield* airflow.admits(Routes.setDagPaused(2, dagId, isPaused))
  const v = yield* airflow.major(env)
  const call = Routes.setDagPaused(v, dagId, isPaused)
  const response = yield* airflow.send(env, call)
  return normalizeDag(response.body)
})

/**
 * The DAG's Python file. Over REST when the path fits; else from the environment's S3 bucket,
 * which MWAA syncs into the dags folder (Airflow 2's file_token alone is usually ~100 characters).
 */
export const getDagSource = Effect.fnUntraced(function* (env: string, dagId: string) {
  const airflow = yield* AirflowClient
  const v = yield* airflow.major(env)
  const dag = yield* fetchDagRaw(env, v, dagId)
  const fileloc = typeof dag["fileloc"] === "string" ? dag["fileloc"] : null
  const token = typeof dag["file_token"] === "string" ? dag["file_token"] : null
  const rest = Routes.dagSourceRest(v, dagId, token)
  const fromRest = Option.isSome(rest)
    ? Option.some(yield* airflow.send(env, rest.value).pipe(Effect.map((r) => sourceText(r.body))))
    : Option.none<string>()
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

const sourceText = (body: unknown): string => (typeof body === "string" ? body : String(asRecord(body)["content"] ?? ""))

const fromS3 = Effect.fnUntraced(function* (env: string, dagId: string, fileloc: string | null) {
  const catalog = yield* EnvironmentCatalog
  const dagFiles = yield* DagFiles
  const environment = yield* catalog.describe(env)
  const location = dagFileS3Location(environment.SourceBucketArn, environment.DagS3Path, fileloc)
  if (Option.isNone(location)) {
    return yield* new MwaaError({
      reason: "NotFound",
      operation: "GetObject",
      message: `The source of DAG ${dagId} cannot be located: its file (${fileloc ?? "unknown"}) is not under the environment's S3 DAG folder.`
    })
  }
  return yield* dagFiles.read(location.value.bucketArn, location.value.key)
})
