import { Schema } from "effect"
import { ImportError, Page } from "../../domain/model.js"
import { listImportErrors } from "../../domain/usecases/airflow-objects.js"
import { environment_name, limit, offset } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"

/** get-import-errors: DAG files Airflow failed to parse. */
export const getImportErrorsTool = readTool({
  name: "get-import-errors",
  title: "Get DAG import errors",
  description:
    "Lists DAG files that Airflow failed to parse, with the Python stack trace of each. A DAG missing from list-dags, " +
    "or a DAG with has_import_errors, is explained here. Paged: pass next_offset as offset.",
  input: Schema.Struct({ environment_name, limit: limit(25, 100), offset }),
  output: Schema.Struct({ import_errors: Schema.Array(ImportError), ...Page }),
  run: (i) => withEnvironment(i.environment_name, (env) => listImportErrors(env, { limit: i.limit ?? 25, offset: i.offset ?? 0 })),
  summarize: (o) =>
    o.total_entries === 0
      ? "No import errors."
      : // File names are Airflow's paths: counted here, named in the answer below.
        `${o.total_entries} import error(s), ${o.import_errors.length} in this answer.`
})
