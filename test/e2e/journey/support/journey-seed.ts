import {
  dagFileKey,
  type FakeDagRunSeed,
  type FakeDagSeed,
  type FakeEnvironmentSeed,
  type FakeLogLine,
  type FakeSeed,
  type FakeTaskInstanceSeed,
  taskLogStreamName
} from "../../../../src/adapters/fake-mwaa/index.js"
import { keyId, runId } from "./ids.js"

/**
 * A generated seed for the journey suite: one Airflow 2 and one Airflow 3 environment holding the
 * same story. Each "case" is a DAG with a failed run whose dag, run and task ids have chosen lengths
 * (1 to 250 characters): an upstream task that succeeded, a task that failed on its second try, and
 * a downstream task left upstream_failed, with a CloudWatch log per try and the DAG file in S3.
 * Around them: over 100 DAGs (list-dags pages), a DAG with 130 runs (list-dag-runs pages), import
 * errors, connections and variables. `bigLog` adds a case whose failed try logged ~20 MB.
 */

export const ENV2 = "journey-airflow-2"
export const ENV3 = "journey-airflow-3"
export const ENVIRONMENTS = [
  { name: ENV2, major: 2 as const },
  { name: ENV3, major: 3 as const }
]

/** The id lengths the suite proves; 80 and 160 are in the acceptance criteria. */
export const ID_LENGTHS = [1, 39, 40, 64, 80, 100, 160, 250] as const

export interface JourneyCase {
  readonly label: string
  readonly dagId: string
  readonly runId: string
  /** Succeeded (try 1). */
  readonly upstreamTask: string
  /** Failed on try 2 (try 1 went up_for_retry). */
  readonly failedTask: string
  /** upstream_failed, never ran. */
  readonly downstreamTask: string
  readonly logicalDate: string
  /** The last line of the failed task's log (try 2). */
  readonly error: string
}

const HEADS = "abcdefghijklmnopqrstuvwxyz"
const SCHEDULED_RUN = "scheduled__2026-11-23T02:00:00+00:00"

const makeCase = (index: number, dagLength: number, runLength: number | "scheduled", taskLength: number): JourneyCase => {
  const head = HEADS[index % HEADS.length] ?? "a"
  const logicalDate = runLength === "scheduled" ? "2026-11-23T02:00:00+00:00" : `2026-11-24T02:${String(index).padStart(2, "0")}:00+00:00`
  const dagId = keyId(`${head}`, dagLength)
  return {
    label: `dag ${dagLength}, run ${runLength === "scheduled" ? `${SCHEDULED_RUN.length} (scheduled__)` : runLength}, task ${taskLength}`,
    dagId,
    runId: runLength === "scheduled" ? SCHEDULED_RUN : runId(`${head}`, runLength),
    upstreamTask: keyId("u", taskLength),
    failedTask: keyId("t", taskLength),
    downstreamTask: keyId("w", taskLength),
    logicalDate,
    error: `ValueError: case ${index} failed on purpose (${dagLength}/${runLength}/${taskLength})`
  }
}

/** Every length for all three ids together, then mixed lengths and a scheduled-style run id. */
export const CASES: ReadonlyArray<JourneyCase> = [
  ...ID_LENGTHS.map((length, i) => makeCase(i, length, length, length)),
  makeCase(ID_LENGTHS.length, 1, 250, 250),
  makeCase(ID_LENGTHS.length + 1, 250, 1, 1),
  makeCase(ID_LENGTHS.length + 2, 64, "scheduled", 100),
  makeCase(ID_LENGTHS.length + 3, 39, 64, 40)
]

/** The case a length names (all three ids that long). */
export const caseOfLength = (length: number): JourneyCase => {
  const found = CASES.find((c) => c.dagId.length === length && c.runId.length === length && c.failedTask.length === length)
  if (found === undefined) throw new Error(`no case with ids of ${length} characters`)
  return found
}

/** A DAG with 130 runs: list-dag-runs pages through them. */
export const MANY_RUNS_DAG = "journey_many_runs"
export const MANY_RUNS = 130
/** A DAG id that is a substring of more than 100 other DAG ids, which sort before it. */
export const SHADOWED_DAG = keyId("s", 70)
export const FILLER_DAGS = 105
export const fillerDagId = (i: number): string => `archive_${String(i).padStart(3, "0")}_${SHADOWED_DAG}`
export const VARIABLES = 60
export const CONNECTIONS = 55

/** The ~20 MB log: numbered lines, the first one says so, the last ones are the traceback. */
export const BIG_LOG_LINES = 100_000
export const BIG_LOG_FIRST_LINE = "BIG LOG FIRST LINE: task started"
export const bigLogLine = (i: number): string =>
  i === 0
    ? BIG_LOG_FIRST_LINE
    : `[2026-11-24T02:08:${String(Math.floor(i / 2000) % 60).padStart(2, "0")}.000+0000] {reconcile.py:${i % 977}} INFO - row ${String(i).padStart(6, "0")} reconciled: sku=${(i * 7919) % 1_000_003} ledger=${(i * 104_729) % 999_983} delta=0 ${"x".repeat(120)}`
export const BIG_LOG_TAIL = [
  "Traceback (most recent call last):",
  '  File "/usr/local/airflow/dags/big.py", line 9, in run',
  "RuntimeError: big log ended badly"
]
export const bigLogLines = (): ReadonlyArray<string> => [...Array.from({ length: BIG_LOG_LINES }, (_, i) => bigLogLine(i)), ...BIG_LOG_TAIL]
export const BIG_CASE: JourneyCase = {
  label: "big log",
  dagId: "big_log_dag",
  runId: "manual__2026-11-25T01:00:00+00:00",
  upstreamTask: "prepare",
  failedTask: keyId("r", 80),
  downstreamTask: "publish",
  // Within the 24 hours before the fake's clock (2026-11-25T09:30Z): get-environment-health names it.
  logicalDate: "2026-11-25T01:00:00+00:00",
  error: "RuntimeError: big log ended badly"
}

const ts = (iso: string, plusSeconds: number) => new Date(Date.parse(iso) + plusSeconds * 1000).toISOString().replace("Z", "+00:00")

/** One log line per event: Airflow 2 writes text lines to CloudWatch. */
const logOf = (start: string, lines: ReadonlyArray<string>): ReadonlyArray<FakeLogLine> => {
  const t0 = Date.parse(start)
  return lines.map((line, i) => ({ timestamp: t0 + i, message: line }))
}

/**
 * Airflow 3 writes one JSON entry per event; a failure is an "error" entry whose error_detail the
 * server renders as a Python traceback ending in "<exc_type>: <exc_value>".
 */
const log3Of = (start: string, lines: ReadonlyArray<string>, failure?: { file: string; error: string }): ReadonlyArray<FakeLogLine> => {
  const t0 = Date.parse(start)
  const at = (i: number) => new Date(t0 + i).toISOString()
  const entries: Array<FakeLogLine> = lines.map((line, i) => ({
    timestamp: t0 + i,
    message: JSON.stringify({ timestamp: at(i), level: "info", logger: "task", event: line })
  }))
  if (failure !== undefined) {
    const colon = failure.error.indexOf(": ")
    entries.push({
      timestamp: t0 + lines.length,
      message: JSON.stringify({
        timestamp: at(lines.length),
        level: "error",
        logger: "task",
        event: "Task failed with exception",
        error_detail: [
          {
            exc_type: failure.error.slice(0, colon),
            exc_value: failure.error.slice(colon + 2),
            frames: [{ filename: failure.file, lineno: 12, name: "run" }]
          }
        ]
      })
    })
  }
  return entries
}

interface CaseSeed {
  readonly dag: FakeDagSeed
  readonly runs: ReadonlyArray<FakeDagRunSeed>
  readonly tis: ReadonlyArray<FakeTaskInstanceSeed>
  readonly logs: Record<string, ReadonlyArray<FakeLogLine>>
  readonly files: Record<string, string>
}

export const caseSeed = (major: 2 | 3, c: JourneyCase, failedLog?: ReadonlyArray<string>): CaseSeed => {
  const start = ts(c.logicalDate, 5)
  const dag: FakeDagSeed = {
    dagId: c.dagId,
    schedule: "0 2 * * *",
    owners: ["journey"],
    tags: ["journey"],
    description: `Journey DAG ${c.label}`,
    tasks: [
      { taskId: c.upstreamTask, operator: "BashOperator" },
      { taskId: c.failedTask, operator: "PythonOperator", upstream: [c.upstreamTask], retries: 1 },
      { taskId: c.downstreamTask, operator: "EmptyOperator", upstream: [c.failedTask] }
    ]
  }
  const run: FakeDagRunSeed = {
    dagId: c.dagId,
    runId: c.runId,
    runType: c.runId.startsWith("scheduled__") ? "scheduled" : "manual",
    state: "failed",
    logicalDate: c.logicalDate,
    dataIntervalStart: c.logicalDate,
    dataIntervalEnd: c.logicalDate,
    queuedAt: ts(c.logicalDate, 1),
    startDate: start,
    endDate: ts(c.logicalDate, 600),
    conf: { case: c.label }
  }
  const ref = { dagId: c.dagId, runId: c.runId }
  const tis: Array<FakeTaskInstanceSeed> = [
    { ...ref, taskId: c.upstreamTask, state: "success", tryNumber: 1, startDate: ts(c.logicalDate, 6), endDate: ts(c.logicalDate, 60) },
    {
      ...ref,
      taskId: c.failedTask,
      state: "failed",
      tryNumber: 2,
      maxTries: 1,
      startDate: ts(c.logicalDate, 400),
      endDate: ts(c.logicalDate, 590),
      tries: [{ tryNumber: 1, state: "up_for_retry", startDate: ts(c.logicalDate, 61), endDate: ts(c.logicalDate, 100) }]
    },
    { ...ref, taskId: c.downstreamTask, state: "upstream_failed", tryNumber: 0 }
  ]
  const file = `/usr/local/airflow/dags/${c.dagId}.py`
  const failing = (start: string, attempt: number) =>
    major === 2
      ? logOf(start, [
          `Running ${c.failedTask} of ${c.dagId}, try ${attempt}`,
          "Traceback (most recent call last):",
          `  File "${file}", line 12, in run`,
          c.error
        ])
      : log3Of(start, [`Running ${c.failedTask} of ${c.dagId}, try ${attempt}`], { file, error: c.error })
  const succeeding = (start: string, lines: ReadonlyArray<string>) => (major === 2 ? logOf(start, lines) : log3Of(start, lines))
  const stream = (taskId: string, tryNumber: number) => taskLogStreamName({ ...ref, taskId, tryNumber })
  const logs: Record<string, ReadonlyArray<FakeLogLine>> = {
    [stream(c.upstreamTask, 1)]: succeeding(ts(c.logicalDate, 6), [`Running ${c.upstreamTask}`, "Done. Returned value was: None"]),
    [stream(c.failedTask, 1)]: failing(ts(c.logicalDate, 61), 1),
    // A given log is stored as text lines on both majors, so a test can compare what it reads back.
    [stream(c.failedTask, 2)]: failedLog === undefined ? failing(ts(c.logicalDate, 400), 2) : logOf(ts(c.logicalDate, 400), failedLog)
  }
  const files = {
    [dagFileKey(`${c.dagId}.py`)]: `"""${c.label}"""\nfrom airflow import DAG\n\nDAG_ID = "${c.dagId}"\n`
  }
  return { dag, runs: [run], tis, logs, files }
}

const manyRuns = (): ReadonlyArray<FakeDagRunSeed> =>
  Array.from({ length: MANY_RUNS }, (_, i) => {
    const day = new Date(Date.parse("2026-11-24T00:00:00Z") - i * 86_400_000).toISOString().replace(".000Z", "+00:00")
    return {
      dagId: MANY_RUNS_DAG,
      runId: `scheduled__${day}`,
      runType: "scheduled" as const,
      state: i % 10 === 3 ? "failed" : "success",
      logicalDate: day,
      startDate: ts(day, 3),
      endDate: ts(day, 30)
    }
  })

export interface JourneySeedOptions {
  /** Add BIG_CASE, whose failed try logged ~20 MB. */
  readonly bigLog?: boolean
  /** Extra content merged into each environment (the hostile suite's). */
  readonly extra?: (major: 2 | 3) => Partial<FakeEnvironmentSeed>
  /** Only these cases (default: all). */
  readonly cases?: ReadonlyArray<JourneyCase>
}

const environment = (name: string, major: 2 | 3, options: JourneySeedOptions): FakeEnvironmentSeed => {
  const cases = options.cases ?? CASES
  const seeds = [...cases.map((c) => caseSeed(major, c)), ...(options.bigLog === true ? [caseSeed(major, BIG_CASE, bigLogLines())] : [])]
  const extra = options.extra?.(major) ?? {}
  const fillers: Array<FakeDagSeed> = Array.from({ length: FILLER_DAGS }, (_, i) => ({
    dagId: fillerDagId(i),
    schedule: null,
    isPaused: i % 3 === 0,
    tasks: [{ taskId: "noop", operator: "EmptyOperator" }]
  }))
  return {
    name,
    airflowVersion: major === 2 ? "2.10.3" : "3.0.6",
    status: "AVAILABLE",
    ...extra,
    dags: [
      ...seeds.map((s) => s.dag),
      { dagId: MANY_RUNS_DAG, schedule: "@daily", tasks: [{ taskId: "work", operator: "EmptyOperator" }] },
      { dagId: SHADOWED_DAG, schedule: null, tasks: [{ taskId: "noop", operator: "EmptyOperator" }] },
      ...fillers,
      ...(extra.dags ?? [])
    ],
    dagRuns: [...seeds.flatMap((s) => s.runs), ...manyRuns(), ...(extra.dagRuns ?? [])],
    taskInstances: [...seeds.flatMap((s) => s.tis), ...(extra.taskInstances ?? [])],
    logStreams: Object.assign({}, ...seeds.map((s) => s.logs), extra.logStreams ?? {}),
    dagFiles: Object.assign(
      { "requirements.txt": "apache-airflow-providers-amazon\n" },
      ...seeds.map((s) => s.files),
      { [dagFileKey(`${MANY_RUNS_DAG}.py`)]: "# many runs\n", [dagFileKey(`${SHADOWED_DAG}.py`)]: "# shadowed\n" },
      extra.dagFiles ?? {}
    ),
    importErrors: [
      {
        id: 1,
        relativeFileloc: `${keyId("x", 200)}.py`,
        stackTrace: 'Traceback (most recent call last):\n  File "x.py", line 1\nSyntaxError: invalid syntax',
        timestamp: "2026-11-24T03:00:00+00:00"
      },
      ...(extra.importErrors ?? [])
    ],
    connections: [
      ...Array.from({ length: CONNECTIONS }, (_, i) => ({
        connectionId: i === 0 ? keyId("c", 250) : `journey_conn_${String(i).padStart(2, "0")}`,
        connType: "postgres",
        host: `db${i}.example.internal`,
        login: "journey",
        password: `journey-conn-password-${i}`,
        port: 5432
      })),
      ...(extra.connections ?? [])
    ],
    variables: [
      ...Array.from({ length: VARIABLES }, (_, i) => ({
        key: i === 0 ? keyId("v", 250) : `journey_var_${String(i).padStart(2, "0")}`,
        value: `value ${i}`
      })),
      ...(extra.variables ?? [])
    ]
  }
}

export const journeySeed = (options: JourneySeedOptions = {}): FakeSeed => ({
  now: "2026-11-25T09:30:00+00:00",
  environments: ENVIRONMENTS.map((e) => environment(e.name, e.major, options))
})
