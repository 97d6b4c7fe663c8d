import { Effect, Option } from "effect"
import { AppConfig } from "../../ports/AppConfig.js"
import { AirflowClient } from "../airflow-client.js"
import { totalOf } from "../answers/fields.js"
import { ConnectionListAnswer, connectionMembers, ImportErrorListAnswer, VariableListAnswer } from "../answers/objects.js"
import { type Connection, pageOf, type Variable } from "../model.js"
import { maskSecretsInText, redactConnection, redactVariable } from "../redaction.js"
import * as Misc from "../routes-misc.js"

/** Import errors, connections and variables: lists whose secrets are removed here, whatever Airflow sent. */

interface PageRequest {
  readonly limit: number
  readonly offset: number
}

export const listImportErrors = Effect.fnUntraced(function* (env: string, page: PageRequest) {
  const airflow = yield* AirflowClient
  const answer = yield* airflow.send(env, Misc.listImportErrors(page), ImportErrorListAnswer)
  const errors = answer.import_errors.map((e) => ({
    ...e,
    stack_trace: e.stack_trace === null ? null : maskSecretsInText(e.stack_trace).text
  }))
  return { import_errors: errors, ...pageOf(page.offset, page.limit, errors.length, totalOf(answer, errors)) }
})

export const listConnections = Effect.fnUntraced(function* (env: string, page: PageRequest) {
  const airflow = yield* AirflowClient
  const answer = yield* airflow.send(env, Misc.listConnections(page), ConnectionListAnswer)
  const connections: ReadonlyArray<Connection> = answer.connections.map((record) => {
    const c = redactConnection(connectionMembers(record))
    return {
      connection_id: record.connection_id,
      conn_type: c.conn_type ?? null,
      description: c.description ?? null,
      host: c.host ?? null,
      login: c.login ?? null,
      schema: c.schema ?? null,
      port: c.port ?? null,
      // Airflow 2's list leaves both fields out: unknown, not "none".
      has_password: c.has_password === true ? true : Option.isSome(record.password) ? false : null,
      has_extra: c.has_extra === true ? true : Option.isSome(record.extra) ? false : null
    }
  })
  return { connections, ...pageOf(page.offset, page.limit, connections.length, totalOf(answer, connections)) }
})

export const listVariables = Effect.fnUntraced(function* (env: string, page: PageRequest) {
  const airflow = yield* AirflowClient
  const config = yield* AppConfig
  const answer = yield* airflow.send(env, Misc.listVariables(page), VariableListAnswer)
  const variables: ReadonlyArray<Variable> = answer.variables.map((r) => redactVariable(r, config.extraSensitiveNames))
  return { variables, ...pageOf(page.offset, page.limit, variables.length, totalOf(answer, variables)) }
})
