import { Effect, Schema } from "effect"
import { DagId, DagRunId } from "../../domain/ids.js"
import { DagRun, ImportError, TaskInstance } from "../../domain/model.js"
import { DagVersion } from "../../domain/model-history.js"
import { diagnoseDagRun } from "../../domain/usecases/diagnose-run.js"
import { environment_name, looseInt } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"
import { dagIdText, runIdText, taskIdText, wordText } from "../summary-text.js"
import { fitDiagnosis, wordDiagnosis } from "./diagnosis-fit.js"

/** A failed task: the task instance's triage fields, and what its log says. */
const FailedTask = Schema.Struct({
  ...TaskInstance.pick("task_id", "map_index", "state", "try_number", "max_tries", "operator", "start_date", "end_date", "duration").fields,
  error: Schema.NullOr(
    Schema.Struct({
      exception: Schema.String,
      lines: Schema.Array(Schema.String),
      line_from_end: Schema.Number,
      source: Schema.Literal("cloudwatch", "rest")
    })
  ),
  log_problem: Schema.NullOr(Schema.String),
  tries: Schema.NullOr(
    Schema.Struct({
      count: Schema.Number,
      compared: Schema.Array(Schema.Number),
      same_error: Schema.NullOr(Schema.Boolean),
      differing: Schema.NullOr(
        Schema.Struct({
          try_number: Schema.Number,
          exception: Schema.NullOr(Schema.String),
          lines: Schema.Array(Schema.String),
          log_problem: Schema.NullOr(Schema.String)
        })
      )
    })
  )
})

/** The DAG versions of the run and of the last success before it (Airflow 3). */
const DagVersions = Schema.Struct({
  run: Schema.Array(DagVersion),
  last_success: Schema.NullOr(
    Schema.Struct({ dag_run_id: Schema.String, start_date: Schema.NullOr(Schema.String), versions: Schema.Array(DagVersion) })
  ),
  changed: Schema.NullOr(Schema.Boolean)
})

/** The first failed task's tries, in numbers only (the errors stay below the data label). */
const triesText = (t: { count: number; same_error: boolean | null; differing: { try_number: number } | null } | null) =>
  t === null || t.same_error === null
    ? ""
    : t.same_error
      ? ` Its ${t.count} tries ended with the same error.`
      : ` Try ${t.differing?.try_number} ended with another error (failed_tasks[0].tries.differing).`

const newestOf = (versions: ReadonlyArray<{ version_number: number }>) => Math.max(...versions.map((v) => v.version_number))

const versionText = (v: typeof DagVersions.Type | null) =>
  v === null || v.changed === null || v.last_success === null
    ? ""
    : v.changed
      ? ` The DAG's version changed since its last successful run: version ${newestOf(v.last_success.versions)} then, ${newestOf(v.run)} in this run (dag_versions).`
      : ` The DAG's version is the one of its last successful run (${newestOf(v.run)}).`

/** Room kept for the summary line and the data label around the JSON. */
const TEXT_OVERHEAD = 800

/** diagnose-dag-run: why a run failed, in one call, within a byte budget. */
export const diagnoseDagRunTool = readTool({
  name: "diagnose-dag-run",
  title: "Diagnose a failed DAG run",
  description:
    'Answers "why did this DAG fail?" in one call. For dag_id and a run (default: the latest failed run) returns ' +
    "the run; its failed tasks (first failure first) with try number, operator, duration and the error each one's " +
    "log ends with (exception line and traceback, bounded), and tries: whether earlier tries ended with the same " +
    "exception (the first and the previous try are compared; a differing try's excerpt is shown); counts and ids of " +
    "upstream_failed tasks; the DAG file's import errors; on Airflow 3, dag_versions: the DAG version the run used and " +
    "the one of the last successful run before it, and whether they differ; and next_steps: the tools to call next " +
    "with their arguments. The text answer stays within max_bytes (default 12,000).",
  input: Schema.Struct({
    environment_name,
    dag_id: DagId.annotations({ description: "Airflow DAG id." }),
    dag_run_id: Schema.optional(DagRunId.annotations({ description: "Run to diagnose (default: the DAG's latest failed run)." })),
    max_failed_tasks: Schema.optional(
      looseInt("max_failed_tasks", 1, 20).annotations({ description: "Failed tasks whose logs are read (default 5)." })
    ),
    max_bytes: Schema.optional(
      looseInt("max_bytes", 4096, 60_000).annotations({ description: "Size of the answer at most (default 12000)." })
    )
  }),
  output: Schema.Struct({
    dag_id: Schema.String,
    run: Schema.NullOr(DagRun),
    picked: Schema.Literal("given", "latest_failed", "latest"),
    counts: Schema.Struct({ failed: Schema.Number, upstream_failed: Schema.Number, up_for_retry: Schema.Number }),
    failed_tasks: Schema.Array(FailedTask),
    failed_tasks_not_read: Schema.Number,
    upstream_failed: Schema.Array(Schema.Struct({ task_id: Schema.String, map_index: Schema.Number })),
    upstream_failed_not_shown: Schema.Number,
    import_errors: Schema.Array(ImportError),
    dag_versions: Schema.NullOr(DagVersions),
    dag_versions_note: Schema.NullOr(Schema.String),
    next_steps: Schema.Array(
      Schema.Struct({ tool: Schema.String, arguments: Schema.Record({ key: Schema.String, value: Schema.Unknown }), why: Schema.String })
    )
  }),
  run: (i) =>
    withEnvironment(i.environment_name, (env) =>
      diagnoseDagRun(env, { dag_id: i.dag_id, dag_run_id: i.dag_run_id, max_failed_tasks: i.max_failed_tasks }).pipe(
        Effect.map((d) => fitDiagnosis(wordDiagnosis(d), (i.max_bytes ?? 12_000) - TEXT_OVERHEAD))
      )
    ),
  // The exception and log problem are the environment's words: the summary names the task and
  // points to its error; the text itself stays in failed_tasks below the data label.
  summarize: (o) => {
    if (o.run === null) return `DAG ${dagIdText(o.dag_id)} has no runs.`
    const head = `Run ${runIdText(o.run.dag_run_id)} of ${dagIdText(o.dag_id)} is ${wordText(o.run.state, "without state")}`
    const importErrors = o.import_errors.length > 0 ? ` The DAG file has ${o.import_errors.length} import error(s).` : ""
    if (o.failed_tasks.length === 0) {
      return `${head}; no failed task${o.picked === "latest" ? " (no failed run: this is the latest run)" : ""}.${importErrors}`
    }
    const first = o.failed_tasks[0]
    const cause =
      first?.error != null
        ? "its error is in failed_tasks[0].error"
        : first?.log_problem != null
          ? "its log could not be read (failed_tasks[0].log_problem)"
          : "no error found in its log"
    return (
      `${head}: ${o.counts.failed} failed, ${o.counts.upstream_failed} upstream_failed. ` +
      `First failure: ${taskIdText(first?.task_id)}; ${cause}.${triesText(first?.tries ?? null)}${versionText(o.dag_versions)}${importErrors}`
    )
  }
})
