import { Schema } from "effect"
import { TaskInstance } from "../../domain/model.js"
import { getTaskInstance } from "../../domain/usecases/task-instances.js"
import { dag_id, dag_run_id, environment_name, map_index, task_id } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"
import { taskIdText, wordText } from "../summary-text.js"

/** get-task-instance: one task instance. */
export const getTaskInstanceTool = readTool({
  name: "get-task-instance",
  title: "Get a task instance",
  description:
    "Returns one task instance of a DAG run: state, try number and max tries, operator, dates, duration, host, pool, " +
    "queue. For a mapped task pass map_index. Next: get-task-logs.",
  input: Schema.Struct({ environment_name, dag_id, dag_run_id, task_id, map_index }),
  output: TaskInstance,
  run: (i) => withEnvironment(i.environment_name, (env) => getTaskInstance(env, i.dag_id, i.dag_run_id, i.task_id, i.map_index ?? -1)),
  summarize: (t) =>
    `${taskIdText(t.task_id)}${t.map_index >= 0 ? `[${t.map_index}]` : ""}: ${wordText(t.state, "none")}, try ${t.try_number}${t.max_tries !== null ? ` of ${t.max_tries + 1}` : ""}.`
})
