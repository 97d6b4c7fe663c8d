import { Either } from "effect"
import { connectionItem2, importError2, variable2 } from "./airflow2-shapes.js"
import { answers32, connection32, variable32 } from "./airflow32-shapes.js"
import { connection3, importError3, variable3 } from "./airflow3-shapes.js"
import { contains, page, paginate, sortBy, timeKey } from "./queries.js"
import { type Handler, ok } from "./rest-types.js"
import type * as S from "./state.js"
import { formatIsoMillis, iso3 } from "./time.js"

/** Import errors, connections, variables, health and version. */
const listOf =
  <A>(
    pick: (env: S.EnvironmentRecord) => ReadonlyArray<A>,
    key: string,
    fields: Readonly<Record<string, (a: A) => string | number | null | undefined>>,
    render: (env: S.EnvironmentRecord, a: A) => unknown,
    defaultOrder: (flavor: S.Flavor) => string,
    pattern?: { readonly param: string; readonly of: (a: A) => string }
  ): Handler =>
  ({ env, query }) =>
    Either.gen(function* () {
      const items = pick(env).filter((a) => pattern === undefined || contains(pattern.of(a), query[pattern.param]))
      const sorted = yield* sortBy(
        env.flavor,
        items,
        query["order_by"] as string | ReadonlyArray<string> | undefined,
        fields,
        defaultOrder(env.flavor)
      )
      const p = yield* page(env.flavor, query["limit"] as number | undefined, query["offset"] as number | undefined)
      return ok({ [key]: paginate(sorted, p).map((a) => render(env, a)), total_entries: items.length })
    })

export const listImportErrors = listOf<S.ImportErrorRecord>(
  (env) => env.importErrors,
  "import_errors",
  {
    id: (e) => e.id,
    import_error_id: (e) => e.id,
    timestamp: (e) => timeKey(e.timestamp),
    filename: (e) => e.relativeFileloc
  },
  (env, e) => (env.flavor === 2 ? importError2(e) : importError3(e)),
  (flavor) => (flavor === 2 ? "import_error_id" : "id")
)

export const listConnections = listOf<S.ConnectionRecord>(
  (env) => env.connections,
  "connections",
  {
    id: (c) => c.id,
    connection_id: (c) => c.connectionId,
    conn_id: (c) => c.connectionId,
    conn_type: (c) => c.connType,
    description: (c) => c.description,
    host: (c) => c.host,
    port: (c) => c.port
  },
  (env, c) => (env.flavor === 2 ? connectionItem2(c) : answers32(env) ? connection32(c) : connection3(c)),
  () => "id",
  { param: "connection_id_pattern", of: (c) => c.connectionId }
)

export const listVariables = listOf<S.VariableRecord>(
  (env) => env.variables,
  "variables",
  { id: (v) => v.id, key: (v) => v.key, description: (v) => v.description },
  (env, v) => (env.flavor === 2 ? variable2(v) : answers32(env) ? variable32(v) : variable3(v)),
  () => "id",
  { param: "variable_key_pattern", of: (v) => v.key }
)

/** Heartbeats a few seconds before the fake clock, printed as each version prints datetimes: every component is healthy. */
export const health: Handler = ({ env, now }) => {
  const beat = (seconds: number) => {
    // Airflow 2 sends latest_heartbeat.isoformat(); Airflow 3's pydantic swaps +00:00 for Z.
    const stored = formatIsoMillis(Date.parse(now) - seconds * 1000)
    return env.flavor === 2 ? stored : iso3(stored)
  }
  return Either.right(
    ok({
      metadatabase: { status: "healthy" },
      scheduler: { status: "healthy", latest_scheduler_heartbeat: beat(3) },
      triggerer: { status: "healthy", latest_triggerer_heartbeat: beat(4) },
      // Only Airflow 3 runs a standalone DAG processor on MWAA; Airflow 2 reports none.
      dag_processor:
        env.flavor === 2
          ? { status: null, latest_dag_processor_heartbeat: null }
          : { status: "healthy", latest_dag_processor_heartbeat: beat(5) }
    })
  )
}

export const version: Handler = ({ env }) =>
  Either.right(ok({ version: String(env.mwaa["AirflowVersion"] ?? (env.flavor === 2 ? "2.10.3" : "3.0.6")), git_version: null }))
