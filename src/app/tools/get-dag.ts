import { Effect, Schema } from "effect"
import { Dag } from "../../domain/model.js"
import { DagVersion } from "../../domain/model-history.js"
import { getDagWithVersion } from "../../domain/usecases/dag-version.js"
import { dag_id, environment_name } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"
import { dagIdText } from "../summary-text.js"

/** get-dag: one DAG, normalized, with its current version on Airflow 3. */
export const getDagTool = readTool({
  name: "get-dag",
  title: "Get a DAG",
  description:
    "Returns one DAG: paused or not, schedule, owners, tags, next logical date, file location and whether its file has " +
    "import errors; on Airflow 3 its current_version (version number, bundle name and version, when it was created; " +
    "null on Airflow 2, current_version_note says why). Then list-dag-runs for its recent runs, or get-dag-source for its code.",
  input: Schema.Struct({ environment_name, dag_id }),
  output: Schema.Struct({
    ...Dag.fields,
    current_version: Schema.NullOr(DagVersion),
    current_version_note: Schema.NullOr(Schema.String)
  }),
  run: (i) =>
    withEnvironment(i.environment_name, (env) =>
      Effect.map(getDagWithVersion(env, i.dag_id), (d) => ({
        ...d.dag,
        current_version: d.current_version,
        current_version_note: d.current_version_note
      }))
    ),
  // A schedule is free text (a cron expression, a timetable's description): only whether there is one.
  summarize: (d) =>
    `${dagIdText(d.dag_id)}: ${d.is_paused === true ? "paused" : "active"}, ${d.schedule === null ? "no schedule" : "scheduled (see schedule)"}` +
    `${d.current_version === null ? "" : `, version ${d.current_version.version_number}`}.`
})
