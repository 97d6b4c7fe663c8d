import { Schema } from "effect"
import { Approval } from "../../domain/approvals.js"
import { DagId, DagRunId } from "../../domain/ids.js"
import { Page } from "../../domain/model.js"
import { listPendingApprovals } from "../../domain/usecases/approvals.js"
import { environment_name, limit, offset } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"

/** "1 h 29 min", "3 d 2 h", "40 s": how long a request has waited, for the summary. */
export const waitedText = (seconds: number): string => {
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours} h ${minutes % 60} min`
  return `${Math.floor(hours / 24)} d ${hours % 24} h`
}

const Input = Schema.Struct({
  environment_name,
  dag_id: Schema.optional(DagId.annotations({ description: "Only this DAG's requests; omit for the whole environment." })),
  dag_run_id: Schema.optional(DagRunId.annotations({ description: "Only this run's requests (needs dag_id)." })),
  status: Schema.optional(
    Schema.Literal("waiting", "answered", "all").annotations({
      description: "waiting (default): requests still waiting for an answer; answered: those answered; all: both."
    })
  ),
  limit: limit(25, 100),
  offset
}).pipe(
  Schema.filter((i) => i.dag_run_id === undefined || i.dag_id !== undefined, {
    message: () => "dag_run_id needs dag_id: give the run's DAG too"
  })
)

/** list-pending-approvals: human-in-the-loop requests waiting for someone to answer (Airflow 3.1+). */
export const listPendingApprovalsTool = readTool({
  name: "list-pending-approvals",
  title: "List approvals waiting for a human",
  description:
    "Lists Airflow's human-in-the-loop requests (Airflow 3.1+: approval, choice and entry operators) still waiting for an " +
    "answer, oldest first: each with its subject, body, options, defaults, whether several options may be chosen (multiple), " +
    "params, who may answer (assignees; empty: anyone who may edit the DAG), its DAG, run and task ids, and how long it has " +
    "waited (waited_seconds). Across the environment, or one DAG (dag_id) or run (dag_run_id). status=answered lists " +
    "answered ones, with who answered and when. Paged: pass next_offset as offset. Next: respond-to-approval.",
  input: Input,
  output: Schema.Struct({ approvals: Schema.Array(Approval), ...Page }),
  run: (i) =>
    withEnvironment(i.environment_name, (env) =>
      listPendingApprovals(env, {
        dagId: i.dag_id,
        runId: i.dag_run_id,
        status: i.status ?? "waiting",
        limit: i.limit ?? 25,
        offset: i.offset ?? 0
      })
    ),
  summarize: (o) => {
    const waiting = o.approvals.filter((a) => !a.answered)
    const longest = Math.max(...waiting.map((a) => a.waited_seconds ?? 0), 0)
    return (
      `${o.approvals.length} of ${o.total_entries} request(s), ${waiting.length} waiting for an answer` +
      (waiting.length > 0 ? ` (the oldest for ${waitedText(longest)})` : "") +
      (o.next_offset !== null ? `; more with offset=${o.next_offset}.` : ".")
    )
  }
})
