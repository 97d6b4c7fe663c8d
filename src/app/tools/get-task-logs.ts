import { Schema } from "effect"
import { getTaskLogs } from "../../domain/usecases/task-logs.js"
import { dag_id, dag_run_id, environment_name, looseInt, map_index, task_id } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"

/** get-task-logs: the end of one try's log, from CloudWatch (or REST when its path fits). */
export const getTaskLogsTool = readTool({
  name: "get-task-logs",
  title: "Get a task's log",
  description:
    "Returns the last lines of one task try's log (default: the latest try, last 200 lines), from the environment's " +
    "CloudWatch task log group. The exception and traceback that explain a failure are normally in the last lines. " +
    "Earlier tries: pass try_number. Credentials in the log are masked (masked: true). truncated: true means older " +
    "lines exist; raise tail_lines to see more.",
  input: Schema.Struct({
    environment_name,
    dag_id,
    dag_run_id,
    task_id,
    map_index,
    try_number: Schema.optional(looseInt("try_number", 1, 1000).annotations({ description: "Try to read (default: the latest)." })),
    tail_lines: Schema.optional(looseInt("tail_lines", 1, 5000).annotations({ description: "Lines from the end (default 200)." }))
  }),
  output: Schema.Struct({
    dag_id: Schema.String,
    dag_run_id: Schema.String,
    task_id: Schema.String,
    map_index: Schema.Number,
    try_number: Schema.Number,
    source: Schema.Literal("cloudwatch", "rest"),
    log_stream: Schema.NullOr(Schema.String),
    lines: Schema.Array(Schema.String),
    truncated: Schema.Boolean,
    masked: Schema.Boolean
  }),
  run: (i) =>
    withEnvironment(i.environment_name, (env) =>
      getTaskLogs(env, {
        dag_id: i.dag_id,
        dag_run_id: i.dag_run_id,
        task_id: i.task_id,
        map_index: i.map_index ?? -1,
        try_number: i.try_number,
        tail_lines: i.tail_lines ?? 200
      })
    ),
  summarize: (o) => `Log of ${o.task_id} try ${o.try_number} (${o.source}): last ${o.lines.length} line(s)${o.truncated ? ", earlier lines exist" : ""}.`
})
