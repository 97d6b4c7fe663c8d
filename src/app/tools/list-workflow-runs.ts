import { Effect, Schema } from "effect"
import { listWorkflowRuns, MAX_RUN_PAGES, RUN_PAGE_SIZE } from "../../domain/usecases/workflow-runs.js"
import { WorkflowRunAnswer } from "../../domain/workflow-model.js"
import { compactable, compactRecord, full } from "../compact.js"
import { DAG_RUN_STATES, dateTime, states } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { withWorkflow } from "../with-workflow.js"
import { workflow } from "../workflow-fields.js"
import { max_results, next_token, version } from "../workflow-read-fields.js"

const COMPACT = ["run_id", "state", "status", "run_type", "workflow_version", "start_date", "end_date"] as const

/** WorkflowRunStatus in the service's model: a filter may name them where Airflow's states say less (TIMEOUT, STOPPED). */
const SERVICE_RUN_STATUSES = ["STARTING", "QUEUED", "RUNNING", "SUCCESS", "FAILED", "TIMEOUT", "STOPPING", "STOPPED"] as const

const SCANNED_PER_CALL = MAX_RUN_PAGES * RUN_PAGE_SIZE

/** list-workflow-runs: a workflow's runs, newest first, filtered by state and time. */
export const listWorkflowRunsTool = readTool({
  name: "list-workflow-runs",
  title: "List an MWAA Serverless workflow's runs",
  description:
    "Lists a workflow's runs newest first, read like DAG runs: run id, state (Airflow's: queued, running, success, failed), " +
    "the service's status (TIMEOUT, STOPPED ...), run type, version, start/end dates (full: true adds queued_at and duration). " +
    "Filter by state (Airflow's states or the service's statuses), version and start_date_gte/lte (the run's start, or its " +
    `creation while queued). Each call reads at most ${SCANNED_PER_CALL} runs: pass next_token to continue the listing with the ` +
    "same workflow and filters. Next: diagnose-workflow-run for a failed run, get-workflow-run for its task instances.",
  input: Schema.Struct({
    workflow,
    version,
    state: states("state", [...DAG_RUN_STATES, ...SERVICE_RUN_STATUSES]),
    start_date_gte: dateTime("start_date_gte"),
    start_date_lte: dateTime("start_date_lte"),
    max_results: max_results(25, 100),
    next_token,
    full
  }),
  output: Schema.Struct({
    workflow: Schema.String,
    runs: Schema.Array(compactable(WorkflowRunAnswer, COMPACT)),
    scanned: Schema.Number,
    scan_limited: Schema.Boolean,
    next_token: Schema.NullOr(Schema.String)
  }),
  run: (i) =>
    withWorkflow(i.workflow, (wf) =>
      listWorkflowRuns(
        wf,
        { version: i.version, states: i.state, start_date_gte: i.start_date_gte, start_date_lte: i.start_date_lte },
        i.max_results ?? 25,
        i.next_token
      ).pipe(Effect.map((listing) => ({ ...listing, runs: listing.runs.map((r) => compactRecord(r, COMPACT, i.full)) })))
    ),
  serverFields: ["next_token"],
  summarize: (o) => {
    const failed = o.runs.filter((r) => r.state === "failed")
    const more =
      o.next_token === null
        ? "; that is all of them."
        : o.scan_limited
          ? `; the scan stopped after ${o.scanned} runs without reaching the oldest: pass next_token to scan further.`
          : "; more with next_token."
    const next = failed[0] !== undefined ? ` Next: diagnose-workflow-run with run_id ${failed[0].run_id}.` : ""
    return `${o.runs.length} run(s) of ${o.workflow} matched (${o.scanned} read)${failed.length > 0 ? `, ${failed.length} failed` : ""}${more}${next}`
  }
})
