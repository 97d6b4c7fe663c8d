import { Effect, Option } from "effect"
import { AppConfig } from "../../ports/AppConfig.js"
import { type WorkflowRun, type WorkflowRunSummary, type WorkflowTaskSummary, Workflows } from "../../ports/Workflows.js"
import { maskSecretsInText, maskThenCut } from "../redaction.js"
import { runAnswerOf, runStateOf, taskStateOf, type WorkflowRunAnswer } from "../workflow-model.js"
import type { ResolvedWorkflow } from "../workflow-resolution.js"
import { compareWorkflowVersions } from "./diagnose-workflow-versions.js"
import { findWorkflowTaskError } from "./workflow-logs.js"

/**
 * Why did this workflow run fail, in one call (MWAA Serverless): the run, its failed tasks with
 * their error message and the error their log ends with, the tasks that did not run because of
 * them, whether the run's workflow version is still the latest, and what to look at next. A run
 * the service reports SUCCESS while a task failed is flagged, never passed over. As for DAG runs,
 * a part that cannot be read is reported as such; the rest of the diagnosis stands.
 */

export interface WorkflowDiagnoseRequest {
  /** Default: the latest failed run, else the latest run. */
  readonly run_id?: string | undefined
  /** Failed tasks read (default 5); the others are counted. */
  readonly max_failed_tasks?: number | undefined
  /** How the caller named the workflow: the next steps name it the same way. */
  readonly address: string
}

export interface WorkflowTaskError {
  readonly exception: string
  readonly lines: ReadonlyArray<string>
  readonly line_from_end: number
}

export interface FailedWorkflowTask {
  readonly task_instance_id: string
  readonly task_id: string | null
  readonly state: string | null
  readonly status: string | null
  readonly try_number: number | null
  readonly operator: string | null
  readonly start_date: string | null
  readonly end_date: string | null
  readonly duration: number | null
  /** The service's error message, masked. */
  readonly error_message: string | null
  readonly log_stream: string | null
  readonly error: WorkflowTaskError | null
  /** Why the log (or the task instance) could not be read, when it could not. */
  readonly log_problem: string | null
}

/** What to look at next, as intents the app words as tool calls (src/app/workflow-next-steps.ts). */
export type WorkflowNextStep =
  | { readonly next: "read-workflow-task-log"; readonly workflow: string; readonly run_id: string; readonly task_instance_id: string }
  | { readonly next: "read-workflow-definition"; readonly workflow: string; readonly version: string | null }
  | { readonly next: "rerun-workflow"; readonly workflow: string }
  | { readonly next: "list-workflow-run-tasks"; readonly workflow: string; readonly run_id: string }
  | { readonly next: "read-workflow"; readonly workflow: string }

/** Log pages (1,000 events each, newest first) searched per failed task, as for a DAG run's. */
const ERROR_SEARCH_PAGES = 2
const DEFAULT_MAX_FAILED_TASKS = 5
/** ListWorkflowRuns pages (the service's largest) searched for the latest failed run: 300 runs. */
const RUN_PAGE_SIZE = 100
const RUN_PAGES = 3
/** ListTaskInstances pages read: 1,000 task instances. */
const TASK_PAGE_SIZE = 100
const TASK_PAGES = 10
/** An error message's length at most, cut after it is masked. */
const MAX_ERROR_MESSAGE = 2000

const messageOf = (e: { readonly message: string }) => maskSecretsInText(e.message).text

const isFailedRun = (run: WorkflowRunSummary) => runStateOf(run.status) === "failed"
const FAILED_TASK_STATES: ReadonlySet<string | null> = new Set(["failed", "up_for_retry"])

/** The run asked for, else the latest failed one among the newest runs (or, when none failed, the latest run). */
const pickRun = (arn: string, runId: string | undefined) =>
  Effect.gen(function* () {
    const workflows = yield* Workflows
    if (runId !== undefined) return { run: Option.some(yield* workflows.getRun(arn, runId)), picked: "given" as const }
    let latest: WorkflowRunSummary | undefined
    let token: string | undefined
    for (let page = 0; page < RUN_PAGES; page++) {
      const listing = yield* workflows.listRuns(arn, { max_results: RUN_PAGE_SIZE, next_token: token })
      latest = latest ?? listing.items[0]
      const failed = listing.items.find(isFailedRun)
      if (failed !== undefined) return { run: Option.some(yield* workflows.getRun(arn, failed.run_id)), picked: "latest_failed" as const }
      token = listing.next_token ?? undefined
      if (token === undefined) break
    }
    if (latest === undefined) return { run: Option.none<WorkflowRun>(), picked: "latest" as const }
    return { run: Option.some(yield* workflows.getRun(arn, latest.run_id)), picked: "latest" as const }
  })

/** The run's task instances, page by page (at most TASK_PAGES), and whether the listing ended. */
const listRunTasks = (arn: string, runId: string) =>
  Effect.gen(function* () {
    const workflows = yield* Workflows
    const found: Array<WorkflowTaskSummary> = []
    let token: string | undefined
    for (let page = 0; page < TASK_PAGES; page++) {
      const listing = yield* workflows.listTasks(arn, runId, { max_results: TASK_PAGE_SIZE, next_token: token })
      found.push(...listing.items)
      token = listing.next_token ?? undefined
      if (token === undefined) return { tasks: found, complete: true }
    }
    return { tasks: found, complete: false }
  })

/** One failed task: GetTaskInstance, then the error its log ends with. Never fails: what cannot be read is said. */
const diagnoseTask = (workflow: ResolvedWorkflow, runId: string, summary: WorkflowTaskSummary) =>
  Effect.gen(function* () {
    const workflows = yield* Workflows
    const task = yield* workflows.getTask(workflow.arn, runId, summary.task_instance_id)
    const found = yield* findWorkflowTaskError(workflow, task, ERROR_SEARCH_PAGES).pipe(
      Effect.map((e) => ({
        error: Option.match(e, {
          onNone: () => null,
          onSome: (x): WorkflowTaskError => ({ exception: x.exception, lines: x.lines, line_from_end: x.line_from_end })
        }),
        log_problem: Option.isNone(e) ? "The newest lines of the log hold no traceback or ERROR line." : null
      })),
      Effect.catchAll((e) => Effect.succeed({ error: null, log_problem: messageOf(e) }))
    )
    return {
      task_instance_id: task.task_instance_id,
      task_id: task.task_id,
      state: taskStateOf(task.status),
      status: task.status,
      try_number: task.attempt,
      operator: task.operator,
      start_date: task.started_at,
      end_date: task.ended_at,
      duration: task.duration_seconds,
      // Masked whole, then cut: a cut first could leave part of a secret no rule knows.
      error_message: task.error_message === null ? null : maskThenCut(task.error_message, MAX_ERROR_MESSAGE),
      log_stream: task.log_stream,
      ...found
    } satisfies FailedWorkflowTask
  }).pipe(
    Effect.catchAll((e) =>
      Effect.succeed({
        task_instance_id: summary.task_instance_id,
        task_id: null,
        state: taskStateOf(summary.status),
        status: summary.status,
        try_number: null,
        operator: summary.operator,
        start_date: null,
        end_date: null,
        duration: summary.duration_seconds,
        error_message: null,
        log_stream: null,
        error: null,
        log_problem: messageOf(e)
      } satisfies FailedWorkflowTask)
    )
  )

const byFirstFailure = (a: FailedWorkflowTask, b: FailedWorkflowTask) =>
  (a.end_date ?? "~").localeCompare(b.end_date ?? "~") || a.task_instance_id.localeCompare(b.task_instance_id)

const nextStepsOf = (
  address: string,
  run: WorkflowRunAnswer | null,
  failed: ReadonlyArray<FailedWorkflowTask>
): ReadonlyArray<WorkflowNextStep> => {
  if (run === null) return [{ next: "read-workflow", workflow: address }]
  const first = failed[0]
  if (first === undefined) return [{ next: "list-workflow-run-tasks", workflow: address, run_id: run.run_id }]
  return [
    { next: "read-workflow-task-log", workflow: address, run_id: run.run_id, task_instance_id: first.task_instance_id },
    { next: "read-workflow-definition", workflow: address, version: run.workflow_version },
    { next: "rerun-workflow", workflow: address }
  ]
}

export const diagnoseWorkflowRun = Effect.fnUntraced(function* (workflow: ResolvedWorkflow, req: WorkflowDiagnoseRequest) {
  const { extraSensitiveNames } = yield* AppConfig
  const { run: picked, picked: how } = yield* pickRun(workflow.arn, req.run_id)
  if (Option.isNone(picked)) {
    return {
      workflow: workflow.name,
      run: null,
      picked: how,
      succeeded_with_failed_tasks: false,
      counts: { failed: 0, up_for_retry: 0, upstream_failed: 0 },
      failed_tasks: [] as ReadonlyArray<FailedWorkflowTask>,
      failed_tasks_not_read: 0,
      upstream_failed: [] as ReadonlyArray<string>,
      tasks_listed_completely: true,
      workflow_versions: null,
      workflow_versions_note: "The workflow has no runs.",
      next_steps: nextStepsOf(req.address, null, [])
    }
  }
  const runAnswer = runAnswerOf(workflow.name, picked.value, extraSensitiveNames)
  const run: WorkflowRunAnswer = {
    ...runAnswer,
    error_message: runAnswer.error_message === null ? null : maskThenCut(runAnswer.error_message, MAX_ERROR_MESSAGE)
  }
  const listed = yield* listRunTasks(workflow.arn, run.run_id)
  const inState = (state: string) => listed.tasks.filter((t) => taskStateOf(t.status) === state)
  const failedTasks = listed.tasks.filter((t) => FAILED_TASK_STATES.has(taskStateOf(t.status)))
  const toRead = failedTasks.slice(0, req.max_failed_tasks ?? DEFAULT_MAX_FAILED_TASKS)
  const read = yield* Effect.forEach(toRead, (t) => diagnoseTask(workflow, run.run_id, t), { concurrency: 3 })
  const failed = [...read].sort(byFirstFailure)
  const versions = yield* compareWorkflowVersions(workflow.arn, run.workflow_version)
  return {
    workflow: workflow.name,
    run,
    picked: how,
    // The service's SUCCESS is not the last word: a failed task in a succeeded run is a finding of its own.
    succeeded_with_failed_tasks: run.state === "success" && failedTasks.length > 0,
    counts: {
      failed: inState("failed").length,
      up_for_retry: inState("up_for_retry").length,
      upstream_failed: inState("upstream_failed").length
    },
    failed_tasks: failed,
    failed_tasks_not_read: failedTasks.length - toRead.length,
    upstream_failed: inState("upstream_failed").map((t) => t.task_instance_id),
    tasks_listed_completely: listed.complete,
    ...versions,
    next_steps: nextStepsOf(req.address, run, failed)
  }
})

export type WorkflowDiagnosis = Effect.Effect.Success<ReturnType<typeof diagnoseWorkflowRun>>
