import { Either } from "effect"
import { airflowError } from "./airflow-errors.js"
import { asReleased } from "./airflow2-releases.js"
import { dagDetail2 } from "./airflow2-shapes.js"
import { scheduleExpression } from "./asset-shapes.js"
import { answers32, dagDetails32, dagSourceDelta32 } from "./airflow32-shapes.js"
import { dagDetails3 } from "./airflow3-shapes.js"
import { DAGS_FOLDER, dagFileKey } from "./locations.js"
import { dagView, findDag, requireDag } from "./lookups.js"
import { contains, page, paginate, sortBy, timeKey } from "./queries.js"
import { type Handler, ok } from "./rest-types.js"
import type * as S from "./state.js"
import { unsignJson } from "./tokens.js"

/** DAG endpoints: list, get, details, pause/unpause and source code. */
const latestRunState = (env: S.EnvironmentRecord, dagId: string): string | null =>
  env.dagRuns
    .filter((r) => r.dagId === dagId)
    .reduce<S.DagRunRecord | undefined>((latest, r) => (latest === undefined || r.runAfter >= latest.runAfter ? r : latest), undefined)
    ?.state ?? null

const matchesTags = (dag: S.DagRecord, tags: unknown, mode: unknown): boolean => {
  if (!Array.isArray(tags) || tags.length === 0) return true
  return mode === "all" ? tags.every((t) => dag.tags.includes(String(t))) : tags.some((t) => dag.tags.includes(String(t)))
}

export const listDags: Handler = ({ env, query }) =>
  Either.gen(function* () {
    const activeOnly = env.flavor === 2 ? query["only_active"] !== false : query["exclude_stale"] !== false
    const filtered = env.dags.filter(
      (dag) =>
        (!activeOnly || dag.isActive) &&
        (query["paused"] === undefined || dag.isPaused === query["paused"]) &&
        matchesTags(dag, query["tags"], query["tags_match_mode"]) &&
        (!Array.isArray(query["owners"]) || query["owners"].some((o) => dag.owners.includes(String(o)))) &&
        contains(dag.dagId, query["dag_id_pattern"]) &&
        contains(dag.dagId, query["dag_display_name_pattern"]) &&
        (query["last_dag_run_state"] === undefined || latestRunState(env, dag.dagId) === query["last_dag_run_state"])
    )
    const sorted = yield* sortBy(
      env.flavor,
      filtered,
      query["order_by"] as string | ReadonlyArray<string> | undefined,
      {
        dag_id: (d) => d.dagId,
        dag_display_name: (d) => d.dagId,
        is_paused: (d) => d.isPaused,
        last_parsed_time: (d) => timeKey(d.lastParsedTime),
        next_dagrun: (d) => timeKey(d.nextDagrun),
        last_run_state: (d) => latestRunState(env, d.dagId)
      },
      "dag_id"
    )
    const p = yield* page(env.flavor, query["limit"] as number | undefined, query["offset"] as number | undefined)
    return ok({ dags: paginate(sorted, p).map((d) => dagView(env, d)), total_entries: filtered.length })
  })

export const getDag: Handler = ({ env, params }) => Either.map(requireDag(env, params["dag_id"] ?? ""), (dag) => ok(dagView(env, dag)))

export const getDagDetails: Handler = ({ env, params }) =>
  Either.map(requireDag(env, params["dag_id"] ?? ""), (dag) => {
    const expression = scheduleExpression(env, dag.dagId)
    return ok(
      env.flavor === 2
        ? asReleased(env, "dagDetail", { ...dagDetail2(dag), dataset_expression: expression })
        : { ...(answers32(env) ? dagDetails32(env, dag) : dagDetails3(dag)), asset_expression: expression }
    )
  })

/** update_mask is a comma-separated list in Airflow 2 (style form, explode false). */
const maskOf = (mask: unknown): ReadonlyArray<string> | undefined =>
  Array.isArray(mask)
    ? mask
        .flatMap((m) => String(m).split(","))
        .map((m) => m.trim())
        .filter((m) => m !== "")
    : undefined

export const patchDag: Handler = ({ env, params, query, body }) =>
  Either.gen(function* () {
    const mask = maskOf(query["update_mask"])
    if (mask !== undefined && (mask.length !== 1 || mask[0] !== "is_paused")) {
      const detail = "Only `is_paused` field can be updated through the REST API"
      return yield* Either.left(airflowError(env.flavor, 400, { detail }, detail))
    }
    const dag = yield* requireDag(env, params["dag_id"] ?? "")
    const updated: S.DagRecord = { ...dag, isPaused: body["is_paused"] === true }
    const next = { ...env, dags: env.dags.map((d) => (d.dagId === dag.dagId ? updated : d)) }
    return ok(dagView(env, updated), next)
  })

const readSource = (env: S.EnvironmentRecord, relativeFileloc: string): string | undefined =>
  env.dagFiles.get(dagFileKey(relativeFileloc, String(env.mwaa["DagS3Path"] ?? "dags")))

/** Airflow 2 reads the source by file_token, a signed fileloc; a forged token is a 404. */
export const dagSource2: Handler = ({ env, params }) => {
  const fileloc = unsignJson(params["file_token"] ?? "")
  const prefix = `${DAGS_FOLDER}/`
  const content = typeof fileloc === "string" && fileloc.startsWith(prefix) ? readSource(env, fileloc.slice(prefix.length)) : undefined
  return content === undefined
    ? Either.left(airflowError(2, 404, { title: "Dag source not found", detail: null }, null))
    : Either.right(ok({ content }))
}

/** Airflow 3 reads the source by dag_id (and optional version_number). */
export const dagSource3: Handler = ({ env, params, query }) => {
  const dagId = params["dag_id"] ?? ""
  const version = query["version_number"] as number | undefined
  const dag = findDag(env, dagId)
  const content = dag === undefined || (version !== undefined && version !== 1) ? undefined : readSource(env, dag.relativeFileloc)
  return content === undefined
    ? Either.left(
        airflowError(3, 404, { detail: null }, `The source code of the DAG ${dagId}, version_number ${version ?? "None"} was not found`)
      )
    : Either.right(ok({ content, dag_id: dagId, version_number: 1, ...(dag !== undefined && answers32(env) ? dagSourceDelta32(dag) : {}) }))
}
