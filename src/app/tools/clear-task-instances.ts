import { Schema } from "effect"
import { clearTaskInstancesRequest } from "../../domain/clear-defaults.js"
import { TaskId } from "../../domain/ids.js"
import { clearTaskInstances } from "../../domain/usecases/task-instances.js"
import { dag_id, dag_run_id, environment_name, looseBoolean } from "../fields.js"
import { writeTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"
import { clearTaskInstancesQuestion } from "./confirmation-questions.js"

const flag = (name: string, description: string) => Schema.optional(looseBoolean(name).annotations({ description }))

/** clear-task-instances: POST /dags/{id}/clearTaskInstances, a dry run of failed tasks unless told otherwise (write). */
export const clearTaskInstancesTool = writeTool({
  name: "clear-task-instances",
  title: "Clear (re-run) task instances",
  description:
    "Clears task instances so the scheduler runs them again. SAFE BY DEFAULT: dry_run=true (only reports what would be " +
    "cleared) and only_failed=true. Show the dry-run result to the user, then call again with dry_run=false to do it. " +
    "Narrow with dag_run_id and task_ids. Where the client can ask the user, the server asks them before clearing " +
    "(dry_run=false), showing what will run again. Requires --allow-write.",
  destructive: true,
  input: Schema.Struct({
    environment_name,
    dag_id,
    dag_run_id: Schema.optional(dag_run_id),
    task_ids: Schema.optional(Schema.Array(TaskId).annotations({ description: "Only these tasks (default: all matching)." })),
    dry_run: flag("dry_run", "Default true: report what would be cleared without clearing. false clears."),
    only_failed: flag("only_failed", "Default true: only failed and upstream_failed tasks."),
    only_running: flag("only_running", "Only running tasks (default false)."),
    include_upstream: flag("include_upstream", "Also clear upstream tasks (default false)."),
    include_downstream: flag("include_downstream", "Also clear downstream tasks (default false)."),
    reset_dag_runs: flag("reset_dag_runs", "Set the runs back to queued so they run again (default true).")
  }),
  output: Schema.Struct({
    dry_run: Schema.Boolean,
    only_failed: Schema.Boolean,
    count: Schema.Number,
    task_instances: Schema.Array(
      Schema.Struct({
        dag_id: Schema.String,
        dag_run_id: Schema.String,
        task_id: Schema.String,
        map_index: Schema.Number,
        state: Schema.NullOr(Schema.String)
      })
    )
  }),
  confirmationQuestion: ({ environment_name: explicit, ...input }) =>
    clearTaskInstancesQuestion(explicit, input.dag_id, clearTaskInstancesRequest(input)),
  run: ({ environment_name: explicit, ...input }) =>
    withEnvironment(explicit, (env) => clearTaskInstances(env, input.dag_id, clearTaskInstancesRequest(input))),
  summarize: (o) =>
    o.dry_run
      ? `Dry run: ${o.count} task instance(s) would be cleared. Call again with dry_run=false to clear them.`
      : `Cleared ${o.count} task instance(s).`
})
