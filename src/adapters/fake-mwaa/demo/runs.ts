import { tryLog } from "./logs.js"
import type { Failure } from "./task-output.js"
import { filelocOf, taskLogStreamName } from "../locations.js"
import type { DemoDag } from "./dags.js"
import type { FakeDagRunSeed, FakeLogLine, FakeTaskInstanceSeed } from "../seed-types.js"
import { formatIsoMillis, parseIsoMicros } from "../time.js"

/**
 * Plays a DAG run forward in time: tasks run one after another (mapped ones side by side),
 * a failing task fails on every try (retry_delay 2 minutes apart) and leaves everything
 * downstream upstream_failed. Yields the run, its task instances and one log stream per try.
 */
export interface RunSpec {
  readonly runId: string
  readonly runType: "scheduled" | "manual" | "dataset_triggered"
  readonly logicalDate: string
  readonly runAfter: string
  readonly dataIntervalStart: string
  readonly dataIntervalEnd: string
  /** When the scheduler queued the run; tasks start a few seconds later. */
  readonly queuedAt: string
  readonly failAt?: { readonly taskId: string; readonly error: Failure } | undefined
  /** Map indexes of mapped tasks, by task id. */
  readonly mapped?: Readonly<Record<string, number>> | undefined
}

export interface Simulated {
  readonly run: FakeDagRunSeed
  readonly taskInstances: ReadonlyArray<FakeTaskInstanceSeed>
  readonly logStreams: ReadonlyArray<readonly [string, ReadonlyArray<FakeLogLine>]>
}

const HOSTS = ["ip-10-0-12-34.ec2.internal", "ip-10-0-14-201.ec2.internal", "ip-10-0-11-87.ec2.internal"]
const millisOf = (iso: string) => Math.floor((parseIsoMicros(iso) ?? 0) / 1000)

/** A deterministic pseudo-random duration per task and run, 9 to 48 seconds. */
const durationMs = (seed: string) => {
  let h = 7
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) % 100_003
  return 9_000 + (h % 39_000) + (h % 1000)
}

export const simulateRun = (flavor: 2 | 3, env: string, dag: DemoDag, spec: RunSpec): Simulated => {
  const taskInstances: Array<FakeTaskInstanceSeed> = []
  const logStreams: Array<readonly [string, ReadonlyArray<FakeLogLine>]> = []
  let clock = millisOf(spec.queuedAt) + 4_000
  let failedAt: number | undefined
  const base = { dagId: dag.dagId, runId: spec.runId }
  for (const [index, task] of dag.tasks.entries()) {
    const mapIndexes = spec.mapped?.[task.taskId] === undefined ? [-1] : [...Array(spec.mapped[task.taskId]).keys()]
    if (failedAt !== undefined) {
      const at = formatIsoMillis(failedAt + 1_000)
      for (const mapIndex of mapIndexes) {
        taskInstances.push({ ...base, taskId: task.taskId, mapIndex, state: "upstream_failed", tryNumber: 0, startDate: at, endDate: at })
      }
      continue
    }
    const failing = spec.failAt?.taskId === task.taskId
    const retries = task.retries ?? 0
    const tryCount = failing ? retries + 1 : 1
    let taskEnd = clock
    for (const mapIndex of mapIndexes) {
      const tries = []
      let start = clock + 2_000
      for (let tryNumber = 1; tryNumber <= tryCount; tryNumber++) {
        const end = start + durationMs(`${spec.runId}/${task.taskId}/${mapIndex}/${tryNumber}`)
        const hostname = HOSTS[(index + tryNumber + mapIndex + 1) % HOSTS.length] ?? ""
        const final = tryNumber === tryCount
        const state = failing ? (final ? "failed" : "up_for_retry") : "success"
        tries.push({ tryNumber, state, startDate: formatIsoMillis(start), endDate: formatIsoMillis(end), hostname })
        const failure = failing && spec.failAt !== undefined ? { error: spec.failAt.error, final } : undefined
        const pid = 4000 + (Math.floor(start / 1000) % 5000)
        const lines = tryLog({
          flavor,
          env,
          ...base,
          taskId: task.taskId,
          operator: task.operator,
          fileloc: filelocOf(dag.relativeFileloc),
          tryNumber,
          maxTries: retries,
          logicalDate: spec.logicalDate,
          hostname,
          start: formatIsoMillis(start),
          end: formatIsoMillis(end),
          pid,
          failure
        })
        logStreams.push([taskLogStreamName({ ...base, taskId: task.taskId, tryNumber, mapIndex }), lines])
        taskEnd = Math.max(taskEnd, end)
        start = end + 120_000
      }
      const last = tries[tries.length - 1]
      taskInstances.push({
        ...base,
        taskId: task.taskId,
        mapIndex,
        state: last?.state ?? null,
        tryNumber: tryCount,
        maxTries: retries,
        startDate: last?.startDate,
        endDate: last?.endDate,
        queuedWhen: formatIsoMillis(clock + 1_000),
        hostname: last?.hostname,
        pid: null,
        tries
      })
    }
    if (failing) failedAt = taskEnd
    clock = taskEnd + 3_000
  }
  const endMillis = failedAt === undefined ? clock : failedAt + 1_500
  return {
    run: {
      ...base,
      runType: spec.runType,
      state: failedAt === undefined ? "success" : "failed",
      logicalDate: spec.logicalDate,
      runAfter: spec.runAfter,
      dataIntervalStart: spec.dataIntervalStart,
      dataIntervalEnd: spec.dataIntervalEnd,
      queuedAt: spec.queuedAt,
      startDate: formatIsoMillis(millisOf(spec.queuedAt) + 2_000),
      endDate: formatIsoMillis(endMillis),
      triggeredBy: spec.runType === "manual" ? "ui" : spec.runType === "scheduled" ? "timetable" : "asset"
    },
    taskInstances,
    logStreams
  }
}
