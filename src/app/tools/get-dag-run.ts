import { Schema } from "effect"
import { DagRun } from "../../domain/model.js"
import { getDagRun } from "../../domain/usecases/dag-runs.js"
import { dag_id, dag_run_id, environment_name } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"
import { dagIdText, runIdText, timestampText, wordText } from "../summary-text.js"

/** get-dag-run: one run, found even when its own path is too long for MWAA. */
export const getDagRunTool = readTool({
  name: "get-dag-run",
  title: "Get a DAG run",
  description:
    "Returns one DAG run: state, run type, logical/start/end dates, data interval, conf and note. " +
    "Next: list-task-instances for its tasks.",
  input: Schema.Struct({ environment_name, dag_id, dag_run_id }),
  output: DagRun,
  run: (i) => withEnvironment(i.environment_name, (env) => getDagRun(env, i.dag_id, i.dag_run_id)),
  summarize: (r) =>
    `${dagIdText(r.dag_id)} run ${runIdText(r.dag_run_id)}: ${wordText(r.state, "unknown")} ` +
    `(started ${timestampText(r.start_date, "not yet")}, ended ${timestampText(r.end_date, "not yet")}).`
})
