import type { SeedTaskInstance, SeedWorkflowRun } from "../seed-types.js"

/**
 * The demo's runs of the nightly payouts workflow: 45 nightly runs (three pages at the default
 * MaxResults of 20). The latest failed with a secret in its error message and XCom; the one
 * before was reported SUCCESS although a task FAILED, the case diagnosis must flag.
 */
export const DEMO_DB_PASSWORD = "Sl-demo-P4yout-2026!"
export const DEMO_API_TOKEN = "pk_demo_7c1e55b0a9d84f23"

export const PAYOUTS_RUN_COUNT = 45
export const LATEST_PAYOUTS_RUN = "scheduled-20261125T020000Z"
export const SUCCESS_WITH_FAILED_TASK_RUN = "scheduled-20261124T020000Z"

const day = (offset: number, hour: number, minute = 0) => {
  const date = new Date(Date.UTC(2026, 10, 25 - offset, hour, minute))
  return date.toISOString().replace(/\.000Z$/, "Z")
}

const stampOf = (iso: string) => iso.replace(/[-:]/g, "")

/** The log stream of one attempt: the model's IdString allows no slashes, so dots separate the parts. */
const logStreamOf = (runId: string, taskId: string, attempt: number) => `workflow.payouts-nightly.${runId}.${taskId}.attempt-${attempt}`

const task = (
  runId: string,
  offset: number,
  taskId: string,
  index: number,
  overrides: Partial<SeedTaskInstance> = {}
): SeedTaskInstance => ({
  taskInstanceId: `${taskId}-${runId.slice(-16)}`,
  taskId,
  operatorName: taskId === "load_payouts" ? "SQLExecuteQueryOperator" : "PythonOperator",
  status: "SUCCESS",
  attemptNumber: 1,
  startedAt: day(offset, 2, index * 5 + 1),
  endedAt: day(offset, 2, index * 5 + 4),
  logStream: logStreamOf(runId, taskId, overrides.attemptNumber ?? 1),
  ...overrides
})

/** Rows per batch the load logs; the failed attempt logs LOAD_BATCHES of them before its connection drops. */
export const LOAD_BATCHES = 1200

/**
 * The failed load's log: a long run of progress lines (several pages of a 200-line tail), then the
 * traceback, whose connection string carries the database password the answers must mask.
 */
const loadPayoutsLog = (): ReadonlyArray<string> => [
  "INFO - Starting attempt 2 of task load_payouts (SQLExecuteQueryOperator) in workflow payouts-nightly",
  "INFO - Connecting to postgresql://payouts_writer:***@payouts-db.demo.internal:5432/payouts",
  ...Array.from({ length: LOAD_BATCHES }, (_, i) => `INFO - Loaded batch ${i + 1} of payouts (500 rows)`),
  "ERROR - Task failed with exception",
  "Traceback (most recent call last):",
  '  File "/usr/local/lib/python3.12/site-packages/airflow/providers/common/sql/hooks/sql.py", line 412, in run',
  "    with closing(self.get_conn()) as conn:",
  '  File "/usr/local/lib/python3.12/site-packages/psycopg2/__init__.py", line 122, in connect',
  "    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)",
  `psycopg2.OperationalError: connection to postgresql://payouts_writer:${DEMO_DB_PASSWORD}@payouts-db.demo.internal:5432 refused`,
  "INFO - Marking task as FAILED (attempt 2 of 2)"
]

const TASK_IDS = ["extract_ledger", "transform_payouts", "load_payouts", "reconcile_totals", "notify_finance"] as const

const succeeded = (runId: string, offset: number): ReadonlyArray<SeedTaskInstance> => TASK_IDS.map((id, i) => task(runId, offset, id, i))

const latestFailedTasks = (runId: string): ReadonlyArray<SeedTaskInstance> => [
  task(runId, 0, "extract_ledger", 0, { xcom: { return_value: "s3://demo-payouts-staging/ledger/2026-11-25.parquet" } }),
  task(runId, 0, "transform_payouts", 1, { xcom: { return_value: "1842" } }),
  task(runId, 0, "load_payouts", 2, {
    status: "FAILED",
    attemptNumber: 2,
    log: loadPayoutsLog(),
    errorMessage: `OperationalError: connection to postgresql://payouts_writer:${DEMO_DB_PASSWORD}@payouts-db.demo.internal:5432 refused`,
    xcom: { db_password: DEMO_DB_PASSWORD, api_token: DEMO_API_TOKEN, rows_loaded: "0" }
  }),
  {
    ...task(runId, 0, "reconcile_totals", 3, { status: "UPSTREAM_FAILED" }),
    startedAt: undefined,
    endedAt: undefined,
    logStream: undefined
  },
  { ...task(runId, 0, "notify_finance", 4, { status: "UPSTREAM_FAILED" }), startedAt: undefined, endedAt: undefined, logStream: undefined }
]

/** Reported SUCCESS by the service, though reconcile_totals FAILED (it was marked optional upstream). */
const successWithFailedTask = (runId: string): ReadonlyArray<SeedTaskInstance> =>
  TASK_IDS.map((id, i) =>
    id === "reconcile_totals"
      ? task(runId, 1, id, i, { status: "FAILED", errorMessage: "AssertionError: ledger total 10482.10 != payouts total 10480.00" })
      : task(runId, 1, id, i)
  )

export const payoutsRuns = (versions: { readonly old: string; readonly latest: string }): ReadonlyArray<SeedWorkflowRun> =>
  Array.from({ length: PAYOUTS_RUN_COUNT }, (_, offset): SeedWorkflowRun => {
    const createdAt = day(offset, 2)
    const runId = `scheduled-${stampOf(createdAt)}`
    const base = { runId, runType: "SCHEDULED" as const, createdAt, startedAt: day(offset, 2, 1), endedAt: day(offset, 2, 26) }
    // The first 30 nights ran the old version; the definition changed 15 days ago.
    const workflowVersion = offset < 15 ? versions.latest : versions.old
    if (offset === 0) {
      return {
        ...base,
        workflowVersion,
        endedAt: day(0, 2, 14),
        status: "FAILED",
        errorMessage: "Task load_payouts failed after 2 attempts",
        tasks: latestFailedTasks(runId)
      }
    }
    if (offset === 1) return { ...base, workflowVersion, status: "SUCCESS", tasks: successWithFailedTask(runId) }
    return { ...base, workflowVersion, status: "SUCCESS", tasks: succeeded(runId, offset) }
  })
