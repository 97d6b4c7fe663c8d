import { Effect, Schema } from "effect"
import { DagId } from "../../domain/ids.js"
import { DagRun, Page } from "../../domain/model.js"
import { listDagRuns } from "../../domain/usecases/dag-runs.js"
import { DAG_RUN_STATES, dateTime, environment_name, limit, offset, states } from "../fields.js"
import { compactable, compactRecord, full } from "../compact.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"

const COMPACT = ["dag_id", "dag_run_id", "state", "run_type", "logical_date", "start_date", "end_date"] as const

/** list-dag-runs: a DAG's runs (or every DAG's), newest first. */
export const listDagRunsTool = readTool({
  name: "list-dag-runs",
  title: "List DAG runs",
  description:
    "Lists DAG runs, newest logical date first: run id, state, run type, logical/start/end dates (full: true adds data intervals, conf and note). Omit dag_id to " +
    "list runs across all DAGs (e.g. state=failed to find what broke overnight). Filter by state and date ranges. " +
    "Paged: pass next_offset as offset. Next: list-task-instances with a failed run's dag_run_id.",
  input: Schema.Struct({
    environment_name,
    dag_id: Schema.optional(DagId.annotations({ description: "DAG id; omit for runs of every DAG." })),
    state: states("state", DAG_RUN_STATES),
    logical_date_gte: dateTime("logical_date_gte"),
    logical_date_lte: dateTime("logical_date_lte"),
    start_date_gte: dateTime("start_date_gte"),
    start_date_lte: dateTime("start_date_lte"),
    end_date_gte: dateTime("end_date_gte"),
    end_date_lte: dateTime("end_date_lte"),
    order_by: Schema.optional(
      Schema.Literal("logical_date", "-logical_date", "start_date", "-start_date", "end_date", "-end_date").annotations({
        description: "Sort field, '-' for descending (default -logical_date)."
      })
    ),
    limit: limit(25, 100),
    offset,
    full
  }),
  output: Schema.Struct({ dag_runs: Schema.Array(compactable(DagRun, COMPACT)), ...Page }),
  run: ({ environment_name: explicit, dag_id, limit: l, offset: o, full: wantFull, ...filters }) =>
    withEnvironment(explicit, (env) =>
      listDagRuns(env, dag_id, { ...filters, limit: l ?? 25, offset: o ?? 0 }).pipe(
        Effect.map((page) => ({ ...page, dag_runs: page.dag_runs.map((r) => compactRecord(r, COMPACT, wantFull)) }))
      )
    ),
  summarize: (o) => {
    const failed = o.dag_runs.filter((r) => r.state === "failed").length
    return (
      `${o.dag_runs.length} of ${o.total_entries} run(s)${failed > 0 ? `, ${failed} failed` : ""}` +
      (o.next_offset !== null ? `; more with offset=${o.next_offset}.` : ".")
    )
  }
})
