import { Option, Schema } from "effect"
import { ImportError } from "../model.js"
import { orNull } from "./fields.js"

/**
 * Airflow's import error, connection and variable answers. Import errors decode into the model
 * as they are; connections and variables keep their wire shape here, because their secrets are
 * removed by the use case (redaction.ts), never by a Schema.
 */

/** An import error: the model's fields on both versions (Airflow 3 adds bundle_name, not kept), null where absent. */
const ImportErrorRecord = Schema.Struct({
  import_error_id: orNull(Schema.Number),
  filename: orNull(Schema.String),
  timestamp: orNull(Schema.String),
  stack_trace: orNull(Schema.String)
})

export const ImportErrorAnswer = Schema.transform(ImportErrorRecord, ImportError, { strict: true, decode: (r) => r, encode: (e) => e })

export const ImportErrorListAnswer = Schema.Struct({
  import_errors: Schema.Array(ImportErrorAnswer),
  total_entries: Schema.optional(Schema.Number)
})

/**
 * A connection as Airflow sends it. password and extra are read only to say whether they are set
 * (Option.none when Airflow left the field out, as Airflow 2's list does): their values never go further.
 */
export const ConnectionRecord = Schema.Struct({
  connection_id: Schema.String,
  conn_type: orNull(Schema.String),
  description: orNull(Schema.String),
  host: orNull(Schema.String),
  login: orNull(Schema.String),
  schema: orNull(Schema.String),
  port: orNull(Schema.Number),
  password: Schema.optionalWith(Schema.Unknown, { as: "Option" }),
  extra: Schema.optionalWith(Schema.Unknown, { as: "Option" })
})
export type ConnectionRecord = typeof ConnectionRecord.Type

export const ConnectionListAnswer = Schema.Struct({
  connections: Schema.Array(ConnectionRecord),
  total_entries: Schema.optional(Schema.Number)
})

/** A connection record's members as the allow-list redaction reads them (absent password and extra left out). */
export const connectionMembers = (c: ConnectionRecord): Readonly<Record<string, unknown>> => ({
  connection_id: c.connection_id,
  conn_type: c.conn_type,
  description: c.description,
  host: c.host,
  login: c.login,
  schema: c.schema,
  port: c.port,
  ...Option.match(c.password, { onNone: () => ({}), onSome: (password) => ({ password }) }),
  ...Option.match(c.extra, { onNone: () => ({}), onSome: (extra) => ({ extra }) })
})

/** A variable: Airflow 2 and 3 send its value as a string, kept as whatever was sent until it is masked by key. */
export const VariableRecord = Schema.Struct({
  key: Schema.String,
  value: Schema.optional(Schema.Unknown),
  description: orNull(Schema.String)
})

export const VariableListAnswer = Schema.Struct({
  variables: Schema.Array(VariableRecord),
  total_entries: Schema.optional(Schema.Number)
})
