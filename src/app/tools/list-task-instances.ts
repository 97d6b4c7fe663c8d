import { Effect, Schema } from "effect"
import { TaskId } from "../../domain/ids.js"
import { Page, TaskInstance } from "../../domain/model.js"
import { listTaskInstances } from "../../domain/usecases/task-instances.js"
import { dag_id, dag_run_id, environment_name, limit, offset, states, TASK_STATES } from "../fields.js"
import { compactable, compactRecord, full } from "../compact.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"
import { wordText } from "../summary-text.js"

const COMPACT = ["task_id", "map_index", "state", "try_number", "operator", "start_date", "end_date", "duration"] as const

/** list-task-instances: a run's task instances through the batch endpoint. */
export const listTaskInstancesTool = readTool({
  name: "list-task-instances",
  title: "List a DAG run's task instances",
  description:
    "Lists the task instances of one DAG run: task id, map index, state, try number, operator, dates, duration (full: true adds max tries, host, pool, queue). " +
    'Filter with state (e.g. ["failed", "upstream_failed"]) or task_ids. Paged: pass next_offset as offset. ' +
    "Next: get-task-logs for a failed task (its latest try by default).",
  input: Schema.Struct({
    environment_name,
    dag_id,
    dag_run_id,
    state: states("state", TASK_STATES),
    task_ids: Schema.optional(Schema.Array(TaskId).annotations({ description: "Only these tasks." })),
    limit: limit(100, 500),
    offset,
    full
  }),
  output: Schema.Struct({
    dag_id: Schema.String,
    dag_run_id: Schema.String,
    task_instances: Schema.Array(compactable(TaskInstance, COMPACT)),
    ...Page
  }),
  run: (i) =>
    withEnvironment(i.environment_name, (env) =>
      listTaskInstances(env, i.dag_id, i.dag_run_id, {
        state: i.state,
        task_ids: i.task_ids,
        limit: i.limit ?? 100,
        offset: i.offset ?? 0
      }).pipe(
        Effect.map((page) => ({
          dag_id: i.dag_id,
          dag_run_id: i.dag_run_id,
          ...page,
          task_instances: page.task_instances.map((ti) => compactRecord(ti, COMPACT, i.full))
        }))
      )
    ),
  summarize: (o) => {
    const byState = new Map<string, number>()
    for (const ti of o.task_instances) {
      const state = wordText(ti.state, "none")
      byState.set(state, (byState.get(state) ?? 0) + 1)
    }
    return (
      `${o.task_instances.length} of ${o.total_entries} task instance(s): ` +
      [...byState].map(([s, n]) => `${n} ${s}`).join(", ") +
      (o.next_offset !== null ? `; more with offset=${o.next_offset}.` : ".")
    )
  }
})
