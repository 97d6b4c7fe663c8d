import { Schema } from "effect"
import { Dag } from "../../domain/model.js"
import { getDag } from "../../domain/usecases/dags.js"
import { dag_id, environment_name } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"
import { dagIdText } from "../summary-text.js"

/** get-dag: one DAG, normalized. */
export const getDagTool = readTool({
  name: "get-dag",
  title: "Get a DAG",
  description:
    "Returns one DAG: paused or not, schedule, owners, tags, next logical date, file location and whether its file has " +
    "import errors. Then list-dag-runs for its recent runs, or get-dag-source for its code.",
  input: Schema.Struct({ environment_name, dag_id }),
  output: Dag,
  run: (i) => withEnvironment(i.environment_name, (env) => getDag(env, i.dag_id)),
  // A schedule is free text (a cron expression, a timetable's description): only whether there is one.
  summarize: (d) =>
    `${dagIdText(d.dag_id)}: ${d.is_paused === true ? "paused" : "active"}, ${d.schedule === null ? "no schedule" : "scheduled (see schedule)"}.`
})
