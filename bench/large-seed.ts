import type {
  FakeDagRunSeed,
  FakeDagSeed,
  FakeLogLine,
  FakeSeed,
  FakeTaskInstanceSeed,
  FakeTaskSeed
} from "../src/adapters/fake-mwaa/index.js"
import { taskLogStreamName } from "../src/adapters/fake-mwaa/index.js"

/**
 * A large Airflow 2 environment for the triage scenario: 500 DAGs and 20,000 task instances, and
 * one failed run of `orders_reconciliation` (200 task instances, 3 failed) whose first failed task
 * wrote a ~20 MB log (~200,000 lines) with its exception 300 lines before the end, where a default
 * tail of 200 lines does not reach it.
 */

export const LARGE_ENV = "bench-large-airflow-2"
export const TRIAGE_DAG = "orders_reconciliation"
export const TRIAGE_RUN = "scheduled__2026-11-24T09:00:00+00:00"
export const BIG_LOG_TASK = "reconcile_orders_eu"
/** What the answer must show for the failure to be explained. */
export const BIG_LOG_EXCEPTION =
  "ValueError: negative amount in row 18231 of s3://airflow-bench-large-airflow-2/landing/orders/2026-11-24/part-00042.parquet"
/** The failed tasks of the failed run, and the last line of each one's exception. */
export const FAILED_TASKS: ReadonlyArray<readonly [taskId: string, exception: string]> = [
  [BIG_LOG_TASK, BIG_LOG_EXCEPTION],
  ["reconcile_orders_us", "KeyError: 'currency_code'"],
  ["post_ledger_entries", "psycopg2.errors.DeadlockDetected: deadlock detected"]
]
/** Lines in the big log after its exception line. */
export const LINES_AFTER_EXCEPTION = 300

const DAY = 86_400_000
const iso = (millis: number) => new Date(millis).toISOString().replace(".000Z", "+00:00")
const runIdOf = (day: number) => `scheduled__${iso(day)}`
/** Airflow 2's default log format with the UTC date style, e.g. "[2026-11-24, 09:00:01 UTC]". */
const stamp = (millis: number) => `[${new Date(millis).toISOString().slice(0, 10)}, ${new Date(millis).toISOString().slice(11, 19)} UTC]`
const line = (millis: number, source: string, level: string, message: string) => `${stamp(millis)} {${source}} ${level} - ${message}`

// ---- the triage DAG: 200 tasks ----

const extracts = Array.from({ length: 60 }, (_, i) => `extract_orders_part_${String(i).padStart(3, "0")}`)
const validations = Array.from({ length: 100 }, (_, i) => `validate_partition_${String(i).padStart(3, "0")}`)
const publishes = Array.from({ length: 20 }, (_, i) => `publish_region_report_${String(i).padStart(2, "0")}`)
const branches = Array.from({ length: 16 }, (_, i) => `archive_backfill_partition_${String(i).padStart(2, "0")}`)

const triageTasks: ReadonlyArray<FakeTaskSeed> = [
  ...extracts.map((taskId) => ({ taskId, operator: "PythonOperator" })),
  { taskId: "reconcile_orders_eu", operator: "PythonOperator", upstream: extracts.slice(0, 30) },
  { taskId: "reconcile_orders_us", operator: "PythonOperator", upstream: extracts.slice(30) },
  { taskId: "reconcile_orders_apac", operator: "PythonOperator", upstream: extracts.slice(30) },
  ...validations.map((taskId) => ({ taskId, operator: "SQLExecuteQueryOperator", upstream: ["reconcile_orders_apac"] })),
  { taskId: "post_ledger_entries", operator: "SQLExecuteQueryOperator", upstream: validations },
  ...publishes.map((taskId) => ({
    taskId,
    operator: "PythonOperator",
    upstream: ["reconcile_orders_eu", "reconcile_orders_us", "post_ledger_entries"]
  })),
  ...branches.map((taskId) => ({ taskId, operator: "PythonOperator", upstream: ["post_ledger_entries"] }))
]

const stateInFailedRun = (taskId: string): string => {
  if (FAILED_TASKS.some(([t]) => t === taskId)) return "failed"
  if (taskId.startsWith("publish_")) return "upstream_failed"
  if (taskId.startsWith("archive_")) return "skipped"
  return "success"
}

// ---- logs ----

const preamble = (start: number, taskId: string): Array<FakeLogLine> => {
  const ti = `<TaskInstance: ${TRIAGE_DAG}.${taskId} ${TRIAGE_RUN} [running]>`
  return [
    line(
      start,
      "taskinstance.py:2612",
      "INFO",
      `Dependencies all met for dep_context=non-requeueable deps ti=${ti.replace("[running]", "[queued]")}`
    ),
    line(start, "taskinstance.py:2865", "INFO", "Starting attempt 1 of 1"),
    line(start, "taskinstance.py:2888", "INFO", `Executing <Task(PythonOperator): ${taskId}> on 2026-11-24 09:00:00+00:00`),
    line(start, "standard_task_runner.py:72", "INFO", "Started process 4711 to run task"),
    line(start, "task_command.py:467", "INFO", `Running ${ti} on host ip-10-0-12-34.ec2.internal`)
  ].map((message, i) => ({ timestamp: start + i, message }))
}

const traceback = (exception: string, frames: ReadonlyArray<readonly [string, number, string, string]>) =>
  [
    "Task failed with exception",
    "Traceback (most recent call last):",
    ...frames.flatMap(([file, lineNo, fn, code]) => [`  File "${file}", line ${lineNo}, in ${fn}`, `    ${code}`]),
    exception
  ].join("\n")

const AIRFLOW_FRAMES: ReadonlyArray<readonly [string, number, string, string]> = [
  [
    "/usr/local/airflow/.local/lib/python3.11/site-packages/airflow/models/taskinstance.py",
    767,
    "_execute_task",
    "result = _execute_callable(context=context, **execute_callable_kwargs)"
  ],
  [
    "/usr/local/airflow/.local/lib/python3.11/site-packages/airflow/models/taskinstance.py",
    733,
    "_execute_callable",
    "return ExecutionCallableRunner("
  ],
  [
    "/usr/local/airflow/.local/lib/python3.11/site-packages/airflow/operators/python.py",
    240,
    "execute",
    "return_value = self.execute_callable()"
  ]
]

/** Airflow's failure handling and the task's own cleanup: `count` lines after the exception. */
const epilogue = (at: number, taskId: string, exception: string, count: number): Array<FakeLogLine> => {
  const closing = [
    line(
      at,
      "taskinstance.py:1225",
      "INFO",
      `Marking task as FAILED. dag_id=${TRIAGE_DAG}, task_id=${taskId}, run_id=${TRIAGE_RUN}, execution_date=20261124T090000, start_date=20261124T090005, end_date=20261124T093112`
    ),
    line(at, "taskinstance.py:1240", "INFO", "Executing callback at index 0: on_failure_callback"),
    line(at, "notifications.py:88", "INFO", `Posted failure of ${TRIAGE_DAG}.${taskId} to #data-oncall`),
    line(at, "taskinstance.py:340", "INFO", "::group::Post task execution logs"),
    line(
      at,
      "standard_task_runner.py:124",
      "ERROR",
      `Failed to execute job 48231 for task ${taskId} (${exception.slice(exception.indexOf(":") + 2)}; 4711)`
    ),
    line(at, "local_task_job_runner.py:266", "INFO", "Task exited with return code 1"),
    line(at, "taskinstance.py:3895", "INFO", "0 downstream tasks scheduled from follow-on schedule check")
  ]
  const cleanup = Array.from({ length: count - closing.length }, (_, i) =>
    i % 3 === 0
      ? line(
          at,
          "s3.py:1093",
          "INFO",
          `Aborting multipart upload ${i / 3 + 1} of staging/reconcile/2026-11-24/part-${String(i).padStart(5, "0")}.parquet`
        )
      : i % 3 === 1
        ? line(at, "logging_mixin.py:190", "INFO", `released lock reconcile/2026-11-24/partition-${String(i).padStart(5, "0")}`)
        : line(at, "logging_mixin.py:190", "INFO", `cleanup: removed temporary file /tmp/reconcile-${String(i).padStart(5, "0")}.csv`)
  )
  return [...cleanup, ...closing].map((message, i) => ({ timestamp: at + 1 + i, message }))
}

/** The big log: ~200,000 lines of progress, the exception, then 300 lines of cleanup and Airflow's handling. */
const bigLog = (bodyLines: number): Array<FakeLogLine> => {
  const start = Date.parse("2026-11-24T09:00:05Z")
  const events: Array<FakeLogLine> = preamble(start, BIG_LOG_TASK)
  for (let i = 0; i < bodyLines; i++) {
    const t = start + 100 + i * 9
    events.push({ timestamp: t, message: line(t, "logging_mixin.py:190", "INFO", `processed batch ${i + 1} of orders: 500 rows`) })
  }
  const failAt = start + 100 + bodyLines * 9 + 50
  const frames = [
    ...AIRFLOW_FRAMES,
    ["/usr/local/airflow/dags/reconcile/orders.py", 212, "reconcile", "check_amounts(frame, source=part)"],
    ["/usr/local/airflow/dags/reconcile/checks.py", 57, "check_amounts", 'raise ValueError(f"negative amount in row {row} of {source}")']
  ] as const
  events.push({ timestamp: failAt, message: line(failAt, "taskinstance.py:3311", "ERROR", traceback(BIG_LOG_EXCEPTION, frames)) })
  events.push(...epilogue(failAt, BIG_LOG_TASK, BIG_LOG_EXCEPTION, LINES_AFTER_EXCEPTION))
  return events
}

const smallLog = (
  taskId: string,
  exception: string,
  frames: ReadonlyArray<readonly [string, number, string, string]>
): Array<FakeLogLine> => {
  const start = Date.parse("2026-11-24T09:02:10Z")
  const body = Array.from({ length: 40 }, (_, i) => ({
    timestamp: start + 100 + i * 250,
    message: line(start + 100 + i * 250, "logging_mixin.py:190", "INFO", `${taskId}: step ${i + 1} of 40`)
  }))
  const failAt = start + 20_000
  return [
    ...preamble(start, taskId),
    ...body,
    { timestamp: failAt, message: line(failAt, "taskinstance.py:3311", "ERROR", traceback(exception, frames)) },
    ...epilogue(failAt, taskId, exception, 12)
  ]
}

// ---- the environment ----

export interface LargeSeedOptions {
  /** Progress lines of the big log (default 199,600: about 200,000 lines and 20 MB in all). */
  readonly bigLogBodyLines?: number
}

export const largeSeed = (options: LargeSeedOptions = {}): FakeSeed => {
  const dags: Array<FakeDagSeed> = [
    {
      dagId: TRIAGE_DAG,
      relativeFileloc: "reconcile/orders.py",
      description: "Reconciles the day's orders against the ledger",
      owners: ["finance-data"],
      tags: ["finance", "reconciliation"],
      schedule: "0 9 * * *",
      tasks: triageTasks
    }
  ]
  const dagRuns: Array<FakeDagRunSeed> = []
  const taskInstances: Array<FakeTaskInstanceSeed> = []
  const firstDay = Date.parse("2026-11-15T09:00:00Z")
  const addRun = (dagId: string, day: number, state: string, tasks: ReadonlyArray<FakeTaskSeed>, stateOf: (taskId: string) => string) => {
    const runId = runIdOf(day)
    dagRuns.push({
      dagId,
      runId,
      runType: "scheduled",
      state,
      logicalDate: iso(day),
      dataIntervalStart: iso(day - DAY),
      dataIntervalEnd: iso(day),
      queuedAt: iso(day + 2_000),
      startDate: iso(day + 4_000),
      endDate: iso(day + 1_900_000)
    })
    for (const task of tasks) {
      const s = stateOf(task.taskId)
      const ran = s === "success" || s === "failed"
      taskInstances.push({
        dagId,
        runId,
        taskId: task.taskId,
        state: s,
        tryNumber: ran ? 1 : 0,
        startDate: ran ? iso(day + 5_000) : null,
        endDate: ran ? iso(day + 60_000) : null,
        hostname: ran ? "ip-10-0-12-34.ec2.internal" : ""
      })
    }
  }
  // The triage DAG: nine good days, then the failed run (10 runs x 200 tasks = 2,000 task instances).
  for (let d = 0; d < 10; d++) {
    const day = firstDay + d * DAY
    if (runIdOf(day) === TRIAGE_RUN) addRun(TRIAGE_DAG, day, "failed", triageTasks, stateInFailedRun)
    else addRun(TRIAGE_DAG, day, "success", triageTasks, () => "success")
  }
  // 499 other DAGs: 450 with 10 runs of 4 tasks (18,000 task instances), 49 never run.
  const domains = ["sales", "marketing", "finance", "inventory", "logistics", "support", "hr", "product", "risk", "growth"]
  for (let i = 0; i < 499; i++) {
    const dagId = `${domains[i % domains.length]}_pipeline_${String(i).padStart(3, "0")}`
    const tasks: ReadonlyArray<FakeTaskSeed> = [
      { taskId: "extract", operator: "PythonOperator" },
      { taskId: "transform", operator: "PythonOperator", upstream: ["extract"] },
      { taskId: "load", operator: "SQLExecuteQueryOperator", upstream: ["transform"] },
      { taskId: "check", operator: "SQLCheckOperator", upstream: ["load"] }
    ]
    dags.push({
      dagId,
      relativeFileloc: `${domains[i % domains.length]}/${dagId}.py`,
      owners: ["data-platform"],
      tags: [domains[i % domains.length]!],
      schedule: i < 450 ? "@daily" : null,
      isPaused: i >= 450,
      tasks
    })
    if (i < 450) for (let d = 0; d < 10; d++) addRun(dagId, firstDay + d * DAY, "success", tasks, () => "success")
  }
  const logStreams: Record<string, ReadonlyArray<FakeLogLine>> = {
    [taskLogStreamName({ dagId: TRIAGE_DAG, runId: TRIAGE_RUN, taskId: BIG_LOG_TASK, tryNumber: 1 })]: bigLog(
      options.bigLogBodyLines ?? 199_600
    ),
    [taskLogStreamName({ dagId: TRIAGE_DAG, runId: TRIAGE_RUN, taskId: "reconcile_orders_us", tryNumber: 1 })]: smallLog(
      "reconcile_orders_us",
      FAILED_TASKS[1]![1],
      [...AIRFLOW_FRAMES, ["/usr/local/airflow/dags/reconcile/orders.py", 188, "reconcile", 'rate = rates[row["currency_code"]]']]
    ),
    [taskLogStreamName({ dagId: TRIAGE_DAG, runId: TRIAGE_RUN, taskId: "post_ledger_entries", tryNumber: 1 })]: smallLog(
      "post_ledger_entries",
      FAILED_TASKS[2]![1],
      [
        [
          "/usr/local/airflow/.local/lib/python3.11/site-packages/airflow/providers/common/sql/hooks/sql.py",
          511,
          "_run_command",
          "cur.execute(sql_statement)"
        ]
      ]
    )
  }
  return {
    now: "2026-11-25T09:30:00+00:00",
    environments: [
      {
        name: LARGE_ENV,
        airflowVersion: "2.10.3",
        status: "AVAILABLE",
        dags,
        dagRuns,
        taskInstances,
        logStreams,
        dagFiles: { "dags/reconcile/orders.py": "# orders_reconciliation\n" }
      }
    ]
  }
}

/** Counts, to check the seed is what it says (printed by the bench). */
export const describeSeed = (seed: FakeSeed) => {
  const env = seed.environments[0]!
  const streams = Object.values(env.logStreams ?? {})
  const lineCount = (events: ReadonlyArray<FakeLogLine>) =>
    events.reduce((n, e) => n + (typeof e === "string" ? e : e.message).split("\n").length, 0)
  const byteCount = (events: ReadonlyArray<FakeLogLine>) =>
    events.reduce((n, e) => n + Buffer.byteLength(typeof e === "string" ? e : e.message) + 1, 0)
  const failedRun = (env.taskInstances ?? []).filter((t) => t.dagId === TRIAGE_DAG && t.runId === TRIAGE_RUN)
  return {
    dags: env.dags?.length ?? 0,
    taskInstances: env.taskInstances?.length ?? 0,
    failedRunTaskInstances: failedRun.length,
    failedRunStates: Object.fromEntries(
      [...new Set(failedRun.map((t) => t.state ?? "none"))].map((s) => [s, failedRun.filter((t) => (t.state ?? "none") === s).length])
    ),
    bigLogLines: Math.max(...streams.map(lineCount)),
    bigLogBytes: Math.max(...streams.map(byteCount))
  }
}
