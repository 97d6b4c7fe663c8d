import { Schema } from "effect"
import { getTaskLogs } from "../../domain/usecases/task-logs.js"
import { looseInt, taskInstanceFields } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { logWindowInput, logWindowOutput, windowRequest, windowSummary } from "../log-window-fields.js"
import { withEnvironment } from "../with-environment.js"
import { taskIdText } from "../summary-text.js"

/** get-task-logs: the end of one try's log (or the lines matching a filter), read backwards a page at a time. */
export const getTaskLogsTool = readTool({
  name: "get-task-logs",
  title: "Get a task's log",
  description:
    "Returns the end of one task try's log (default: the latest try; the last 200 lines within 16 KB), from the " +
    "environment's CloudWatch task log group (or Airflow's REST API). error_excerpt holds the exception and traceback " +
    "that explain a failure when they sit further back than the lines shown. filter (text) and level (e.g. error) show " +
    'only matching lines, with context_lines around each; "--" marks skipped lines. truncated: true means older lines ' +
    "exist: pass continuation_token to read further back. lines_from_end numbers lines from the end (1 = the last). " +
    "Earlier tries: try_number. Credentials in the log are masked.",
  input: Schema.Struct({
    ...taskInstanceFields,
    try_number: Schema.optional(looseInt("try_number", 1, 1000).annotations({ description: "Try to read (default: the latest)." })),
    ...logWindowInput("get-task-logs")
  }),
  output: Schema.Struct({
    dag_id: Schema.String,
    dag_run_id: Schema.String,
    task_id: Schema.String,
    map_index: Schema.Number,
    try_number: Schema.Number,
    ...logWindowOutput
  }),
  // The token is the server's own (base64url of a cursor), not the environment's secret.
  serverFields: ["continuation_token"],
  run: (i) =>
    withEnvironment(i.environment_name, (env) =>
      getTaskLogs(env, {
        dag_id: i.dag_id,
        dag_run_id: i.dag_run_id,
        task_id: i.task_id,
        map_index: i.map_index ?? -1,
        try_number: i.try_number,
        ...windowRequest(i)
      })
    ),
  summarize: (o) => `Log of ${taskIdText(o.task_id)} try ${o.try_number} (${o.source}): ${windowSummary(o)}`
})
