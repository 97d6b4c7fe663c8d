import { type Failure, type OutputLine, TASK_OUTPUT, tracebackText } from "./task-output.js"
import type { FakeLogLine } from "../seed-types.js"
import { parseIsoMicros } from "../time.js"

/**
 * The CloudWatch events one try writes. Airflow 2 sends formatted text records
 * ("[2026-11-24T00:00:12.401+0000] {taskinstance.py:2612} INFO - ..."), a traceback inside its
 * record; Airflow 3's task SDK sends one JSON object per record, exceptions as error_detail.
 */
export interface TryLog {
  readonly flavor: 2 | 3
  readonly env: string
  readonly dagId: string
  readonly runId: string
  readonly taskId: string
  readonly operator: string
  readonly fileloc: string
  readonly tryNumber: number
  readonly maxTries: number
  /** The run's logical date (stored form), or null. */
  readonly logicalDate: string | null
  readonly hostname: string
  readonly start: string
  readonly end: string
  readonly pid: number
  /** Present when the try failed; `final` says whether a retry follows. */
  readonly failure?: { readonly error: Failure; readonly final: boolean } | undefined
}

type Line = readonly [level: string, source: string, logger: string, message: string, extra?: Record<string, unknown>]

const compactDate = (iso: string) => iso.slice(0, 19).replace(/[-:]/g, "")

const airflow2Time = (millis: number) => new Date(millis).toISOString().replace("Z", "+0000")

interface Sections {
  /** Start-up records, a few milliseconds apart. */
  readonly pre: ReadonlyArray<Line>
  /** The task's own output, spread over its run time. */
  readonly body: ReadonlyArray<Line>
  /** The outcome, in the last moments of the try. */
  readonly post: ReadonlyArray<Line>
}

const sections = (t: TryLog): Sections => {
  const ti = `<TaskInstance: ${t.dagId}.${t.taskId} ${t.runId}`
  const ds = (t.logicalDate ?? t.start).slice(0, 10)
  const output = (TASK_OUTPUT[t.taskId] ?? []).map(
    ([source, logger, message]: OutputLine): Line => ["INFO", source, logger, message.replaceAll("{ds}", ds).replaceAll("{env}", t.env)]
  )
  const body = t.failure === undefined ? output : output.filter(([, , , m]) => !m.startsWith("Done."))
  const exitCode = t.failure === undefined ? 0 : 1
  const marker = t.failure === undefined ? "SUCCESS" : t.failure.final ? "FAILED" : "UP_FOR_RETRY"
  const dates = `dag_id=${t.dagId}, task_id=${t.taskId}, run_id=${t.runId}, execution_date=${compactDate(t.logicalDate ?? t.start)}, start_date=${compactDate(t.start)}, end_date=${compactDate(t.end)}`
  const failed: ReadonlyArray<Line> =
    t.failure === undefined
      ? []
      : [
          t.flavor === 2
            ? ["ERROR", "taskinstance.py:3311", "task", `Task failed with exception\n${tracebackText(t.failure.error)}`]
            : ["ERROR", "", "task", "Task failed with exception", { error_detail: errorDetail(t.failure.error) }]
        ]
  if (t.flavor === 3) {
    const finalState = marker.toLowerCase()
    return {
      pre: [
        ["INFO", "", "airflow.dag_processing.bundles.manager.DagBundlesManager", "DAG bundles loaded: dags-folder"],
        ["INFO", "", "airflow.models.dagbag.DagBag", `Filling up the DagBag from ${t.fileloc}`]
      ],
      body,
      post: [...failed, ["INFO", "", "supervisor", "Task finished", { exit_code: exitCode, final_state: finalState }]]
    }
  }
  const job = 48200 + (t.pid % 97)
  const pre: ReadonlyArray<Line> = [
    [
      "INFO",
      "taskinstance.py:2612",
      "airflow.models.taskinstance",
      `Dependencies all met for dep_context=non-requeueable deps ti=${ti} [queued]>`
    ],
    [
      "INFO",
      "taskinstance.py:2612",
      "airflow.models.taskinstance",
      `Dependencies all met for dep_context=requeueable deps ti=${ti} [queued]>`
    ],
    ["INFO", "taskinstance.py:2865", "airflow.models.taskinstance", `Starting attempt ${t.tryNumber} of ${t.maxTries + 1}`],
    [
      "INFO",
      "taskinstance.py:2888",
      "airflow.models.taskinstance",
      `Executing <Task(${t.operator}): ${t.taskId}> on ${(t.logicalDate ?? t.start).replace("T", " ")}`
    ],
    ["INFO", "standard_task_runner.py:72", "airflow.task.task_runner", `Started process ${t.pid} to run task`],
    ["INFO", "standard_task_runner.py:105", "airflow.task.task_runner", `Job ${job}: Subtask ${t.taskId}`],
    ["INFO", "task_command.py:467", "airflow.task", `Running ${ti} [running]> on host ${t.hostname}`],
    [
      "INFO",
      "taskinstance.py:3131",
      "airflow.models.taskinstance",
      `Exporting env vars: AIRFLOW_CTX_DAG_ID='${t.dagId}' AIRFLOW_CTX_TASK_ID='${t.taskId}' AIRFLOW_CTX_TRY_NUMBER='${t.tryNumber}' AIRFLOW_CTX_DAG_RUN_ID='${t.runId}'`
    ]
  ]
  const post: ReadonlyArray<Line> = [
    ...failed,
    ["INFO", "taskinstance.py:1225", "airflow.models.taskinstance", `Marking task as ${marker}. ${dates}`],
    ...(t.failure === undefined
      ? []
      : ([
          [
            "ERROR",
            "standard_task_runner.py:124",
            "airflow.task.task_runner",
            `Failed to execute job ${job} for task ${t.taskId} (${t.failure.error.excValue}; ${t.pid})`
          ]
        ] as const)),
    ["INFO", "local_task_job_runner.py:266", "airflow.jobs.local_task_job_runner", `Task exited with return code ${exitCode}`]
  ]
  return { pre, body, post }
}

/** structlog's dict traceback, as Airflow 3 logs an exception. */
const errorDetail = (failure: Failure) => [
  {
    exc_type: failure.excType.split(".").pop(),
    exc_value: failure.excValue,
    exc_notes: [],
    syntax_error: null,
    is_cause: false,
    frames: failure.frames.map(([filename, lineno, name]) => ({ filename, lineno, name })),
    is_group: false,
    exceptions: []
  }
]

/** Start-up and outcome records cluster at the ends of the try; the task's output fills the middle. */
export const tryLog = (t: TryLog): ReadonlyArray<FakeLogLine> => {
  const { pre, body, post } = sections(t)
  const start = Math.floor((parseIsoMicros(t.start) ?? 0) / 1000)
  const end = Math.floor((parseIsoMicros(t.end) ?? 0) / 1000)
  const bodyStart = start + pre.length * 37 + 400
  const bodyStep = Math.max(1, Math.floor((end - post.length * 41 - 400 - bodyStart) / Math.max(1, body.length)))
  const timed: ReadonlyArray<readonly [number, Line]> = [
    ...pre.map((line, i) => [start + i * 37, line] as const),
    ...body.map((line, i) => [bodyStart + i * bodyStep, line] as const),
    ...post.map((line, i) => [end - (post.length - i) * 41, line] as const)
  ]
  return timed.map(([timestamp, [level, source, logger, message, extra]]) => ({
    timestamp,
    message:
      t.flavor === 2
        ? `[${airflow2Time(timestamp)}] {${source}} ${level} - ${message}`
        : JSON.stringify({
            timestamp: new Date(timestamp).toISOString().replace("Z", "000Z"),
            level: level.toLowerCase(),
            event: message,
            logger,
            ...extra
          })
  }))
}
