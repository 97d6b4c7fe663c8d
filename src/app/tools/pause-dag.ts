import { Schema } from "effect"
import { Dag } from "../../domain/model.js"
import { setDagPaused } from "../../domain/usecases/dags.js"
import { dag_id, environment_name } from "../fields.js"
import { writeTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"
import { dagIdText } from "../summary-text.js"

const pauseTool = (paused: boolean) =>
  writeTool({
    name: paused ? "pause-dag" : "unpause-dag",
    title: paused ? "Pause a DAG" : "Unpause a DAG",
    description: paused
      ? "Pauses a DAG: the scheduler stops creating new runs (running tasks finish). Idempotent. Requires --allow-write."
      : "Unpauses a DAG: the scheduler resumes creating runs, possibly catching up missed intervals if catchup is on. Idempotent. Requires --allow-write.",
    destructive: false,
    idempotent: true,
    input: Schema.Struct({ environment_name, dag_id }),
    output: Dag,
    run: (i) => withEnvironment(i.environment_name, (env) => setDagPaused(env, i.dag_id, paused)),
    summarize: (d) => `${dagIdText(d.dag_id)} is now ${d.is_paused === true ? "paused" : "unpaused"}.`
  })

/** pause-dag: PATCH /dags/{id} {is_paused: true} (write). */
export const pauseDagTool = pauseTool(true)
/** unpause-dag: PATCH /dags/{id} {is_paused: false} (write). */
export const unpauseDagTool = pauseTool(false)
