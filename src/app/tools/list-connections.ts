import { Schema } from "effect"
import { Connection, Page } from "../../domain/model.js"
import { listConnections } from "../../domain/usecases/airflow-objects.js"
import { environment_name, limit, offset } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"

/** list-connections: Airflow connections, never with their password or extra. */
export const listConnectionsTool = readTool({
  name: "list-connections",
  title: "List Airflow connections",
  description:
    "Lists Airflow connections stored in the environment's metadata database: id, type, host, login, schema, port. " +
    "Passwords and extras are never returned (has_password / has_extra say whether one is set). Connections kept in " +
    "Secrets Manager are not listed. Paged: pass next_offset as offset.",
  input: Schema.Struct({ environment_name, limit: limit(50, 200), offset }),
  output: Schema.Struct({ connections: Schema.Array(Connection), ...Page }),
  run: (i) => withEnvironment(i.environment_name, (env) => listConnections(env, { limit: i.limit ?? 50, offset: i.offset ?? 0 })),
  // Connection ids are the environment's names: counted, never listed here (summary-text.ts).
  summarize: (o) => `${o.connections.length} of ${o.total_entries} connection(s).`
})
