import type { FakeEnvironmentSeed, FakeLogLine, FakeSeed } from "../../src/adapters/fake-mwaa/index.js"
import { taskLogStreamName } from "../../src/adapters/fake-mwaa/index.js"

/**
 * A small seed with short ids, so every REST path fits MWAA's 64-character limit:
 * DAG "d" with task "t" (and "u" after it), run "r" where t failed on its second try.
 */
export const tinyEnvironment = (
  name: string,
  airflowVersion: string,
  extraStreams: Readonly<Record<string, ReadonlyArray<FakeLogLine>>> = {}
): FakeEnvironmentSeed => {
  const json = airflowVersion.startsWith("3")
  const line = (event: string, level = "info") =>
    json ? JSON.stringify({ level, event, logger: "task" }) : `{x.py:1} ${level.toUpperCase()} - ${event}`
  return {
    name,
    airflowVersion,
    status: "AVAILABLE",
    dags: [
      {
        dagId: "d",
        relativeFileloc: "d.py",
        isPaused: false,
        schedule: "@daily",
        tasks: [
          { taskId: "t", operator: "PythonOperator", retries: 1 },
          { taskId: "u", operator: "PythonOperator", upstream: ["t"] }
        ]
      }
    ],
    dagRuns: [
      {
        dagId: "d",
        runId: "r",
        runType: "manual",
        state: "failed",
        logicalDate: "2026-11-24T08:00:00Z",
        startDate: "2026-11-24T08:00:01Z",
        endDate: "2026-11-24T08:05:00Z"
      }
    ],
    taskInstances: [
      {
        dagId: "d",
        runId: "r",
        taskId: "t",
        state: "failed",
        tryNumber: 2,
        startDate: "2026-11-24T08:03:00Z",
        endDate: "2026-11-24T08:04:00Z",
        hostname: "ip-10-0-0-2.ec2.internal",
        tries: [
          {
            tryNumber: 1,
            state: "up_for_retry",
            startDate: "2026-11-24T08:00:02Z",
            endDate: "2026-11-24T08:01:00Z",
            hostname: "ip-10-0-0-1.ec2.internal"
          },
          {
            tryNumber: 2,
            state: "failed",
            startDate: "2026-11-24T08:03:00Z",
            endDate: "2026-11-24T08:04:00Z",
            hostname: "ip-10-0-0-2.ec2.internal"
          }
        ]
      },
      { dagId: "d", runId: "r", taskId: "u", state: "upstream_failed", tryNumber: 0 }
    ],
    importErrors: [],
    connections: [],
    variables: [],
    logStreams: {
      [taskLogStreamName({ dagId: "d", runId: "r", taskId: "t", tryNumber: 1 })]: [
        { timestamp: Date.UTC(2026, 10, 24, 8, 0, 3), message: line("first try starts") },
        { timestamp: Date.UTC(2026, 10, 24, 8, 0, 59), message: line("it's broken", "error") }
      ],
      [taskLogStreamName({ dagId: "d", runId: "r", taskId: "t", tryNumber: 2 })]: [
        { timestamp: Date.UTC(2026, 10, 24, 8, 3, 1), message: line("second try starts") },
        { timestamp: Date.UTC(2026, 10, 24, 8, 3, 59), message: line("still broken", "error") }
      ],
      ...extraStreams
    },
    dagFiles: { "dags/d.py": "# the DAG d\n" }
  }
}

export const tinySeed = (extraStreams: Readonly<Record<string, ReadonlyArray<FakeLogLine>>> = {}): FakeSeed => ({
  environments: [tinyEnvironment("tiny-2", "2.10.3", extraStreams), tinyEnvironment("tiny-3", "3.0.6", extraStreams)]
})
