import { Effect, Schema } from "effect"
import { diagnoseWorkflowRun } from "../../domain/usecases/diagnose-workflow.js"
import { WorkflowRunId } from "../../domain/ids.js"
import { WorkflowRunAnswer } from "../../domain/workflow-model.js"
import { looseInt } from "../fields.js"
import { wordText } from "../summary-text.js"
import { readTool } from "../tool-spec.js"
import { withWorkflow } from "../with-workflow.js"
import { workflow } from "../workflow-fields.js"
import { workflowNameText, workflowRunIdText, workflowTaskIdText } from "../workflow-summary-text.js"
import { fitWorkflowDiagnosis, wordWorkflowDiagnosis } from "./workflow-diagnosis-fit.js"

const Text = Schema.NullOr(Schema.String)

/** A failed task instance: its triage fields, its error message and what its log ends with. */
const FailedWorkflowTask = Schema.Struct({
  task_instance_id: Schema.String,
  task_id: Text,
  state: Text,
  status: Text,
  try_number: Schema.NullOr(Schema.Number),
  operator: Text,
  start_date: Text,
  end_date: Text,
  duration: Schema.NullOr(Schema.Number),
  error_message: Text,
  log_stream: Text,
  error: Schema.NullOr(Schema.Struct({ exception: Schema.String, lines: Schema.Array(Schema.String), line_from_end: Schema.Number })),
  log_problem: Text
})

const WorkflowVersions = Schema.Struct({
  run: Text,
  run_version_created_at: Text,
  latest: Text,
  latest_created_at: Text,
  changed: Schema.NullOr(Schema.Boolean)
})

/** Room kept for the summary line and the data label around the JSON. */
const TEXT_OVERHEAD = 800

const versionText = (v: typeof WorkflowVersions.Type | null) =>
  v === null || v.changed === null
    ? ""
    : v.changed
      ? " The run used an older workflow version than the latest (workflow_versions)."
      : " The run used the workflow's latest version."

/** diagnose-workflow-run: why an MWAA Serverless run failed, in one call, within diagnose-dag-run's budget. */
export const diagnoseWorkflowRunTool = readTool({
  name: "diagnose-workflow-run",
  title: "Diagnose a failed workflow run",
  description:
    'Answers "why did this MWAA Serverless workflow fail?" in one call. For a workflow and a run (default: the latest ' +
    "failed run, else the latest run) returns the run (read like a DAG run); its failed task instances (first failure " +
    "first) with attempt, operator, the service's error message and the error the task's log ends with (exception line " +
    "and traceback, bounded); counts and ids of upstream_failed tasks; succeeded_with_failed_tasks: true when the " +
    "service reports the run SUCCESS although a task failed; workflow_versions: the version the run used, the latest " +
    "one and whether they differ; and next_steps: suggested tool calls with their arguments. The text answer stays " +
    "within max_bytes (default 12,000).",
  input: Schema.Struct({
    workflow,
    run_id: Schema.optional(
      WorkflowRunId.annotations({ description: "Run to diagnose (default: the workflow's latest failed run, else its latest run)." })
    ),
    max_failed_tasks: Schema.optional(
      looseInt("max_failed_tasks", 1, 20).annotations({ description: "Failed tasks whose logs are read (default 5)." })
    ),
    max_bytes: Schema.optional(
      looseInt("max_bytes", 4096, 60_000).annotations({ description: "Size of the answer at most (default 12000)." })
    )
  }),
  output: Schema.Struct({
    workflow: Schema.String,
    run: Schema.NullOr(WorkflowRunAnswer),
    picked: Schema.Literal("given", "latest_failed", "latest"),
    succeeded_with_failed_tasks: Schema.Boolean,
    counts: Schema.Struct({ failed: Schema.Number, up_for_retry: Schema.Number, upstream_failed: Schema.Number }),
    failed_tasks: Schema.Array(FailedWorkflowTask),
    failed_tasks_not_read: Schema.Number,
    upstream_failed: Schema.Array(Schema.String),
    upstream_failed_not_shown: Schema.Number,
    tasks_listed_completely: Schema.Boolean,
    workflow_versions: Schema.NullOr(WorkflowVersions),
    workflow_versions_note: Text,
    next_steps: Schema.Array(
      Schema.Struct({ tool: Schema.String, arguments: Schema.Record({ key: Schema.String, value: Schema.Unknown }), why: Schema.String })
    )
  }),
  run: (i) =>
    withWorkflow(i.workflow, (wf) =>
      diagnoseWorkflowRun(wf, { run_id: i.run_id, max_failed_tasks: i.max_failed_tasks, address: i.workflow }).pipe(
        Effect.map((d) => fitWorkflowDiagnosis(wordWorkflowDiagnosis(d), (i.max_bytes ?? 12_000) - TEXT_OVERHEAD))
      )
    ),
  // The error messages and log lines are the workflow's words: the summary counts and points to them.
  summarize: (o) => {
    const name = workflowNameText(o.workflow)
    if (o.run === null) return `Workflow ${name} has no runs.`
    // First, never buried: the service's SUCCESS hides a failure.
    const warning = o.succeeded_with_failed_tasks
      ? `WARNING: run ${workflowRunIdText(o.run.run_id)} is reported ${wordText(o.run.status, "SUCCESS")}, but ${o.counts.failed} task(s) FAILED (succeeded_with_failed_tasks). `
      : ""
    const head = `Run ${workflowRunIdText(o.run.run_id)} of workflow ${name} is ${wordText(o.run.state, "without state")} (${wordText(o.run.status, "no status")})`
    if (o.failed_tasks.length === 0) {
      return `${warning}${head}; no failed task${o.picked === "latest" ? " (no failed run among the latest: this is the latest run)" : ""}.${versionText(o.workflow_versions)}`
    }
    const first = o.failed_tasks[0]
    const cause =
      first?.error != null
        ? "its log's error is in failed_tasks[0].error"
        : first?.log_problem != null
          ? "its log could not be read (failed_tasks[0].log_problem)"
          : "no error found in its log"
    const message = first?.error_message != null ? "; the service's error message is in failed_tasks[0].error_message" : ""
    return (
      `${warning}${head}: ${o.counts.failed} failed, ${o.counts.up_for_retry} up_for_retry, ${o.counts.upstream_failed} upstream_failed. ` +
      `First failure: task instance ${workflowTaskIdText(first?.task_instance_id)}; ${cause}${message}.${versionText(o.workflow_versions)}`
    )
  }
})
