import { Either } from "effect"
import { airflowError, routeNotFound, unprocessable } from "./airflow-errors.js"
import { durationSeconds, whereItRuns } from "./airflow2-shapes.js"
import { DAG_BUNDLE, dagVersionView, versionOfRun } from "./dag-versions.js"
import { findDag, findRun, requireDag, requireTaskInstance } from "./lookups.js"
import { sortedPage } from "./queries.js"
import { type Handler, ok } from "./rest-types.js"
import type * as S from "./state.js"
import { iso3 } from "./time.js"

/**
 * A task instance's tries (Airflow 2.10's TaskInstanceHistorySchema in a TaskInstanceCollection,
 * Airflow 3's TaskInstanceHistoryCollectionResponse) and Airflow 3's DAG versions
 * (DAGVersionCollectionResponse, DagVersionResponse).
 */

/**
 * Each try of the task instance, oldest first, as Airflow answers them: the history rows of the
 * earlier tries, then the task instance itself as the latest (a seed's `tries` may list it too).
 */
const triesOf = (ti: S.TaskInstanceRecord): ReadonlyArray<S.TryRecord> => {
  const seeded = ti.tries.find((t) => t.tryNumber === ti.tryNumber)
  return [
    ...ti.tries.filter((t) => t.tryNumber < ti.tryNumber).sort((a, b) => a.tryNumber - b.tryNumber),
    {
      tryNumber: ti.tryNumber,
      state: ti.state,
      startDate: ti.startDate,
      endDate: ti.endDate,
      hostname: seeded !== undefined && seeded.hostname !== "" ? seeded.hostname : ti.hostname
    }
  ]
}

const tryView = (env: S.EnvironmentRecord, ti: S.TaskInstanceRecord, t: S.TryRecord) => {
  const common = {
    task_id: ti.taskId,
    task_display_name: ti.taskId,
    dag_id: ti.dagId,
    dag_run_id: ti.runId,
    map_index: ti.mapIndex,
    try_number: t.tryNumber,
    max_tries: ti.maxTries,
    state: t.state,
    duration: durationSeconds(t.startDate, t.endDate),
    ...whereItRuns({ ...ti, hostname: t.hostname }),
    pid: ti.pid,
    executor: null,
    executor_config: "{}"
  }
  if (env.flavor === 2) return { ...common, start_date: t.startDate, end_date: t.endDate, queued_when: ti.queuedWhen }
  const dag = findDag(env, ti.dagId)
  const run = findRun(env, ti.dagId, ti.runId)
  return {
    ...common,
    dag_display_name: ti.dagId,
    operator_name: ti.operator,
    start_date: iso3(t.startDate),
    end_date: iso3(t.endDate),
    queued_when: iso3(ti.queuedWhen),
    scheduled_when: iso3(ti.queuedWhen),
    dag_version: dag === undefined || run === undefined ? null : dagVersionView(dag, versionOfRun(dag, run))
  }
}

/** GET …/taskInstances/{task_id}/tries and …/{task_id}/{map_index}/tries (Airflow 3 also takes ?map_index=). */
export const getTaskTries: Handler = ({ env, params, query }) => {
  const mapText = params["map_index"]
  if (mapText !== undefined && !/^-?\d+$/.test(mapText)) {
    const msg = "Input should be a valid integer, unable to parse string as an integer"
    return Either.left(
      env.flavor === 2 ? routeNotFound(2) : unprocessable([{ type: "int_parsing", loc: ["path", "map_index"], msg, input: mapText }])
    )
  }
  const fromQuery = typeof query["map_index"] === "number" ? query["map_index"] : -1
  const mapIndex = mapText === undefined ? fromQuery : Number(mapText)
  return Either.gen(function* () {
    const ti = yield* requireTaskInstance(env, params["dag_id"] ?? "", params["dag_run_id"] ?? "", params["task_id"] ?? "", mapIndex)
    const tries = triesOf(ti)
    const shown =
      env.flavor === 2
        ? yield* sortedPage(2, tries, { try_number: (t) => t.tryNumber, start_date: (t) => t.startDate }, "try_number", {
            orderBy: query["order_by"],
            limit: query["limit"],
            offset: query["offset"]
          })
        : tries
    return ok({ task_instances: shown.map((t) => tryView(env, ti, t)), total_entries: tries.length })
  })
}

export const listDagVersions: Handler = ({ env, params, query }) =>
  Either.gen(function* () {
    const dag = yield* requireDag(env, params["dag_id"] ?? "")
    const versions = dag.versions.filter(
      (v) =>
        (typeof query["version_number"] !== "number" || v.versionNumber === query["version_number"]) &&
        (typeof query["bundle_name"] !== "string" || query["bundle_name"] === DAG_BUNDLE)
    )
    const shown = yield* sortedPage(
      3,
      versions,
      {
        id: (v) => v.versionNumber,
        version_number: (v) => v.versionNumber,
        bundle_name: () => DAG_BUNDLE,
        bundle_version: (v) => v.bundleVersion
      },
      "id",
      {
        orderBy: Array.isArray(query["order_by"]) ? query["order_by"][0] : query["order_by"],
        limit: query["limit"],
        offset: query["offset"]
      }
    )
    return ok({ dag_versions: shown.map((v) => dagVersionView(dag, v)), total_entries: versions.length })
  })

export const getDagVersion: Handler = ({ env, params }) =>
  Either.gen(function* () {
    const dagId = params["dag_id"] ?? ""
    const dag = yield* requireDag(env, dagId)
    const wanted = params["version_number"] ?? ""
    if (!/^-?\d+$/.test(wanted)) {
      const msg = "Input should be a valid integer, unable to parse string as an integer"
      return yield* Either.left(unprocessable([{ type: "int_parsing", loc: ["path", "version_number"], msg, input: wanted }]))
    }
    const version = dag.versions.find((v) => v.versionNumber === Number(wanted))
    if (version === undefined) {
      return yield* Either.left(
        airflowError(3, 404, { detail: null }, `The DagVersion with dag_id: \`${dagId}\` and version_number: \`${wanted}\` was not found`)
      )
    }
    return ok(dagVersionView(dag, version))
  })
