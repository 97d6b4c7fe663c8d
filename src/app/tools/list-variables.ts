import { Schema } from "effect"
import { Page, Variable } from "../../domain/model.js"
import { listVariables } from "../../domain/usecases/airflow-objects.js"
import { environment_name, limit, offset } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"

/** list-variables: Airflow variables, sensitive values masked. */
export const listVariablesTool = readTool({
  name: "list-variables",
  title: "List Airflow variables",
  description:
    "Lists Airflow variables with their values, except that values whose key looks sensitive (password, secret, token, " +
    'api_key, credential, …) are replaced by "***" (masked: true). Variables kept in Secrets Manager are not listed. ' +
    "Paged: pass next_offset as offset.",
  input: Schema.Struct({ environment_name, limit: limit(50, 200), offset }),
  output: Schema.Struct({ variables: Schema.Array(Variable), ...Page }),
  run: (i) => withEnvironment(i.environment_name, (env) => listVariables(env, { limit: i.limit ?? 50, offset: i.offset ?? 0 })),
  summarize: (o) => `${o.variables.length} of ${o.total_entries} variable(s), ${o.variables.filter((v) => v.masked).length} masked.`
})
