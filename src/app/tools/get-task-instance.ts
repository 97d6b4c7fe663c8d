import { Effect, Schema } from "effect"
import { TaskInstance } from "../../domain/model.js"
import { TaskInstanceTry } from "../../domain/model-history.js"
import { getTaskInstance } from "../../domain/usecases/task-instances.js"
import { getTaskTries } from "../../domain/usecases/task-tries.js"
import { taskInstanceFields } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"
import { taskIdText, wordText } from "../summary-text.js"

/** get-task-instance: one task instance, and its tries. */
export const getTaskInstanceTool = readTool({
  name: "get-task-instance",
  title: "Get a task instance",
  description:
    "Returns one task instance of a DAG run: state, try number and max tries, operator, dates, duration, host, pool, " +
    "queue; and tries: each try's state, start and end, duration, host and executor, oldest first (Airflow 2.10+ and 3; " +
    "null with tries_note saying why where they cannot be read). For a mapped task pass map_index. Next: get-task-logs.",
  input: Schema.Struct(taskInstanceFields),
  output: Schema.Struct({
    ...TaskInstance.fields,
    tries: Schema.NullOr(Schema.Array(TaskInstanceTry)),
    tries_note: Schema.NullOr(Schema.String)
  }),
  run: (i) =>
    withEnvironment(i.environment_name, (env) =>
      Effect.gen(function* () {
        const mapIndex = i.map_index ?? -1
        const ti = yield* getTaskInstance(env, i.dag_id, i.dag_run_id, i.task_id, mapIndex)
        const history = yield* getTaskTries(env, i.dag_id, i.dag_run_id, i.task_id, mapIndex)
        return { ...ti, tries: history.tries, tries_note: history.note }
      })
    ),
  summarize: (t) =>
    `${taskIdText(t.task_id)}${t.map_index >= 0 ? `[${t.map_index}]` : ""}: ${wordText(t.state, "none")}, try ${t.try_number}${t.max_tries !== null ? ` of ${t.max_tries + 1}` : ""}` +
    `${t.tries === null ? "" : `; ${t.tries.length} ${t.tries.length === 1 ? "try" : "tries"} in its history (tries)`}.`
})
