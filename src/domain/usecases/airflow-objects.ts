import { Effect } from "effect"
import { AppConfig } from "../../ports/AppConfig.js"
import { AirflowClient } from "../airflow-client.js"
import { type Connection, pageOf, type Variable } from "../model.js"
import { asArray, asRecord, normalizeImportError } from "../normalize.js"
import { maskSecretsInText, redactConnection, redactVariable } from "../redaction.js"
import * as Misc from "../routes-misc.js"

/** Import errors, connections and variables: lists whose secrets are removed here, whatever Airflow sent. */

interface PageRequest {
  readonly limit: number
  readonly offset: number
}

const totalOf = (body: Readonly<Record<string, unknown>>, fallback: number) =>
  typeof body["total_entries"] === "number" ? body["total_entries"] : fallback

export const listImportErrors = Effect.fnUntraced(function* (env: string, page: PageRequest) {
  const airflow = yield* AirflowClient
  const v = yield* airflow.major(env)
  const body = asRecord((yield* airflow.send(env, Misc.listImportErrors(v, page))).body)
  const errors = asArray(body["import_errors"]).map((raw) => {
    const e = normalizeImportError(raw)
    return { ...e, stack_trace: e.stack_trace === null ? null : maskSecretsInText(e.stack_trace).text }
  })
  return { import_errors: errors, ...pageOf(page.offset, page.limit, errors.length, totalOf(body, errors.length)) }
})

export const listConnections = Effect.fnUntraced(function* (env: string, page: PageRequest) {
  const airflow = yield* AirflowClient
  const v = yield* airflow.major(env)
  const body = asRecord((yield* airflow.send(env, Misc.listConnections(v, page))).body)
  const connections: ReadonlyArray<Connection> = asArray(body["connections"]).map((item) => {
    const raw = asRecord(item)
    const c = redactConnection(raw)
    return {
      connection_id: c.connection_id ?? "",
      conn_type: c.conn_type ?? null,
      description: c.description ?? null,
      host: c.host ?? null,
      login: c.login ?? null,
      schema: c.schema ?? null,
      port: c.port ?? null,
      // Airflow 2's list leaves both fields out: unknown, not "none".
      has_password: c.has_password === true ? true : "password" in raw ? false : null,
      has_extra: c.has_extra === true ? true : "extra" in raw ? false : null
    }
  })
  return { connections, ...pageOf(page.offset, page.limit, connections.length, totalOf(body, connections.length)) }
})

export const listVariables = Effect.fnUntraced(function* (env: string, page: PageRequest) {
  const airflow = yield* AirflowClient
  const config = yield* AppConfig
  const v = yield* airflow.major(env)
  const body = asRecord((yield* airflow.send(env, Misc.listVariables(v, page))).body)
  const variables: ReadonlyArray<Variable> = asArray(body["variables"]).map((raw) => {
    const r = asRecord(raw)
    return redactVariable(
      {
        key: typeof r["key"] === "string" ? r["key"] : "",
        value: r["value"],
        description: typeof r["description"] === "string" ? r["description"] : null
      },
      config.extraSensitiveNames
    )
  })
  return { variables, ...pageOf(page.offset, page.limit, variables.length, totalOf(body, variables.length)) }
})
