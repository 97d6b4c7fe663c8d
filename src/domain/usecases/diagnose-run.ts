import { Effect, Option } from "effect"
import { AirflowClient } from "../airflow-client.js"
import type { DagRun, ImportError, TaskInstance } from "../model.js"
import { maskSecretsInText } from "../redaction.js"
import { listImportErrors } from "./airflow-objects.js"
import { getDagRunAs, listDagRunsAs } from "./dag-runs.js"
import { getDag } from "./dags.js"
import { compareTries, type TriesVerdict } from "./diagnose-tries.js"
import { compareVersions, NO_VERSIONS_ON_AIRFLOW_2, VERSIONED_RUNS, type VersionsFinding } from "./diagnose-versions.js"
import { listTaskInstances } from "./task-instances.js"
import { findTaskError } from "./task-logs.js"

/**
 * Why did this run fail, in one call: the run, its failed tasks with the error each one's log
 * ends with and whether earlier tries failed the same way, the tasks that did not run because
 * of them, the DAG file's import errors, on Airflow 3 whether the DAG's version changed since it
 * last succeeded, and what to call next. Every part that cannot be read is reported as such instead of failing
 * the whole diagnosis: on-call needs whatever is known.
 */

export interface DiagnoseRequest {
  readonly dag_id: string
  /** Default: the latest failed run. */
  readonly dag_run_id?: string | undefined
  /** Failed tasks whose logs are read (default 5); the others are counted. */
  readonly max_failed_tasks?: number | undefined
}

export interface TaskError {
  readonly exception: string
  readonly lines: ReadonlyArray<string>
  readonly line_from_end: number
  readonly source: "cloudwatch" | "rest"
}

export interface FailedTask {
  readonly task_id: string
  readonly map_index: number
  readonly state: string | null
  readonly try_number: number
  readonly max_tries: number | null
  readonly operator: string | null
  readonly start_date: string | null
  readonly end_date: string | null
  readonly duration: number | null
  readonly error: TaskError | null
  /** Why the log could not be read, when it could not. */
  readonly log_problem: string | null
  /** Whether the earlier tries ended with the same exception (null for a task whose error was not compared). */
  readonly tries: TriesVerdict | null
}

/**
 * What to look at next, as intents: the app words each as a tool call with its arguments and a
 * reason (src/app/next-steps.ts), so renaming a tool never touches the diagnosis.
 */
export type NextStep =
  | { readonly next: "read-import-errors" }
  | { readonly next: "read-dag"; readonly dag_id: string }
  | {
      readonly next: "read-task-log"
      readonly dag_id: string
      readonly dag_run_id: string
      readonly task_id: string
      readonly map_index: number
    }
  | { readonly next: "read-dag-source"; readonly dag_id: string }
  | { readonly next: "clear-failed-tasks"; readonly dag_id: string; readonly dag_run_id: string; readonly task_ids: ReadonlyArray<string> }
  | { readonly next: "list-run-tasks"; readonly dag_id: string; readonly dag_run_id: string }

/** Log pages (1,000 events each, newest first) searched per failed task for its error. */
const ERROR_SEARCH_PAGES = 2
const DEFAULT_MAX_FAILED_TASKS = 5
/** Task instances listed for the diagnosis: states that explain or follow a failure. */
const PROBLEM_STATES = ["failed", "upstream_failed", "up_for_retry"]

// Masked here, whole: the summary and the size bound cut it later, and a cut must find it masked.
const messageOf = (e: { readonly message: string }) => maskSecretsInText(e.message).text

/** The run asked for, else the latest failed one (or, when none failed, the latest run). */
const pickRun = (env: string, req: DiagnoseRequest) =>
  Effect.gen(function* () {
    // Read with their DAG versions (Airflow 3): what changed since the last success costs no call for this run.
    if (req.dag_run_id !== undefined)
      return { run: Option.some(yield* getDagRunAs(VERSIONED_RUNS)(env, req.dag_id, req.dag_run_id)), picked: "given" as const }
    const listDagRuns = listDagRunsAs(VERSIONED_RUNS)
    const failed = yield* listDagRuns(env, req.dag_id, { state: ["failed"], limit: 1, offset: 0 })
    const latestFailed = failed.dag_runs[0]
    if (latestFailed !== undefined) return { run: Option.some(latestFailed), picked: "latest_failed" as const }
    const latest = yield* listDagRuns(env, req.dag_id, { limit: 1, offset: 0 })
    return { run: Option.fromNullable(latest.dag_runs[0]), picked: "latest" as const }
  })

const byFirstFailure = (a: TaskInstance, b: TaskInstance) =>
  (a.end_date ?? "~").localeCompare(b.end_date ?? "~") || a.task_id.localeCompare(b.task_id)

const diagnoseTask = (env: string, run: DagRun, ti: TaskInstance) =>
  findTaskError(
    env,
    { dag_id: run.dag_id, dag_run_id: run.dag_run_id, task_id: ti.task_id, map_index: ti.map_index, try_number: ti.try_number },
    ERROR_SEARCH_PAGES
  ).pipe(
    Effect.map(
      (found): Pick<FailedTask, "error" | "log_problem"> => ({
        error: Option.getOrNull(found),
        log_problem: Option.isNone(found) ? "The newest lines of the log hold no traceback or ERROR line." : null
      })
    ),
    Effect.catchAll((e) => Effect.succeed({ error: null, log_problem: messageOf(e) })),
    Effect.flatMap((read) =>
      Effect.map(
        compareTries(env, run, ti, read.error?.exception ?? null),
        (tries): Pick<FailedTask, "error" | "log_problem" | "tries"> => ({
          ...read,
          tries
        })
      )
    )
  )

/**
 * The DAG, which must exist (a diagnosis of a typo would be empty, not helpful), and its file's
 * import errors, matched on the file (Airflow 3 names it relative to the bundle).
 */
const dagAndImportErrors = (env: string, dagId: string) =>
  Effect.gen(function* () {
    const dag = yield* getDag(env, dagId)
    const fileloc = dag.fileloc
    if (dag.has_import_errors === false || fileloc === null) return [] as ReadonlyArray<ImportError>
    return yield* listImportErrors(env, { limit: 100, offset: 0 }).pipe(
      Effect.map((all) =>
        all.import_errors.filter((e) => e.filename !== null && (e.filename === fileloc || fileloc.endsWith(`/${e.filename}`)))
      ),
      // The diagnosis of the run stands without them.
      Effect.catchAll(() => Effect.succeed([] as ReadonlyArray<ImportError>))
    )
  })

const nextStepsOf = (
  dagId: string,
  run: DagRun | undefined,
  failed: ReadonlyArray<FailedTask>,
  importErrors: number
): ReadonlyArray<NextStep> => {
  const steps: Array<NextStep> = []
  if (importErrors > 0) steps.push({ next: "read-import-errors" })
  if (run === undefined) return [...steps, { next: "read-dag", dag_id: dagId }]
  const first = failed[0]
  if (first !== undefined) {
    const ids = { dag_id: dagId, dag_run_id: run.dag_run_id }
    steps.push({ next: "read-task-log", ...ids, task_id: first.task_id, map_index: first.map_index })
    steps.push({ next: "read-dag-source", dag_id: dagId })
    steps.push({ next: "clear-failed-tasks", ...ids, task_ids: [...new Set(failed.map((t) => t.task_id))] })
  }
  if (failed.length === 0) steps.push({ next: "list-run-tasks", dag_id: dagId, dag_run_id: run.dag_run_id })
  return steps
}

export const diagnoseDagRun = Effect.fnUntraced(function* (env: string, req: DiagnoseRequest) {
  const importErrors = yield* dagAndImportErrors(env, req.dag_id)
  const { run: picked, picked: how } = yield* pickRun(env, req)
  const airflowMajor = yield* (yield* AirflowClient).major(env)
  if (Option.isNone(picked)) {
    return {
      dag_id: req.dag_id,
      run: null,
      picked: how,
      counts: { failed: 0, upstream_failed: 0, up_for_retry: 0 },
      failed_tasks: [] as ReadonlyArray<FailedTask>,
      failed_tasks_not_read: 0,
      upstream_failed: [] as ReadonlyArray<{ task_id: string; map_index: number }>,
      import_errors: importErrors,
      dag_versions: null,
      dag_versions_note: airflowMajor === 2 ? NO_VERSIONS_ON_AIRFLOW_2 : "The DAG has no runs.",
      next_steps: nextStepsOf(req.dag_id, undefined, [], importErrors.length)
    }
  }
  const { dag_versions: _versions, ...run } = picked.value
  const problems = yield* listTaskInstances(env, req.dag_id, run.dag_run_id, { state: PROBLEM_STATES, limit: 10_000, offset: 0 })
  const inState = (s: string) => problems.task_instances.filter((ti) => ti.state === s)
  const failedTis = [...inState("failed"), ...inState("up_for_retry")].sort(byFirstFailure)
  const toRead = failedTis.slice(0, req.max_failed_tasks ?? DEFAULT_MAX_FAILED_TASKS)
  const errors = yield* Effect.forEach(toRead, (ti) => diagnoseTask(env, run, ti), { concurrency: 3 })
  const versions: VersionsFinding = yield* compareVersions(env, airflowMajor, picked.value)
  const failedTasks: ReadonlyArray<FailedTask> = toRead.map((ti, i) => ({
    task_id: ti.task_id,
    map_index: ti.map_index,
    state: ti.state,
    try_number: ti.try_number,
    max_tries: ti.max_tries,
    operator: ti.operator,
    start_date: ti.start_date,
    end_date: ti.end_date,
    duration: ti.duration,
    error: errors[i]?.error ?? null,
    log_problem: errors[i]?.log_problem ?? null,
    tries: errors[i]?.tries ?? null
  }))
  return {
    dag_id: req.dag_id,
    run,
    picked: how,
    counts: {
      failed: inState("failed").length,
      upstream_failed: inState("upstream_failed").length,
      up_for_retry: inState("up_for_retry").length
    },
    failed_tasks: failedTasks,
    failed_tasks_not_read: failedTis.length - toRead.length,
    upstream_failed: inState("upstream_failed").map((ti) => ({ task_id: ti.task_id, map_index: ti.map_index })),
    import_errors: importErrors,
    ...versions,
    next_steps: nextStepsOf(req.dag_id, run, failedTasks, importErrors.length)
  }
})

export type Diagnosis = Effect.Effect.Success<ReturnType<typeof diagnoseDagRun>>
