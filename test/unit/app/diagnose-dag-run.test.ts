import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import {
  DEMO_ENVIRONMENT_2,
  DEMO_ENVIRONMENT_3,
  DEMO_FAILED_TASK,
  type FakeSeed,
  type FakeTaskInstanceSeed,
  ORDERS_DAG,
  REPORT_DAG,
  taskLogStreamName
} from "../../../src/adapters/fake-mwaa/index.js"
import { type DiagnosisAnswer as Diagnosis, fitDiagnosis } from "../../../src/app/tools/diagnosis-fit.js"
import { LONG_DAG, LONG_RUN, LONG_TASK, LONG_TASK_ERROR, longIdsSeed } from "../../support/long-ids-seed.js"
import { diagnosisOf } from "../../support/diagnosis-answer.js"
import { makeSecurityHarness, type SecurityHarness } from "../../support/security-harness.js"

/**
 * diagnose-dag-run answers "why did this fail?" in one call: the failed tasks and the exception
 * each log ends with, on Airflow 2 and 3 data, within its byte budget.
 */

const BIG_DAG = "orders_fanout_200_tasks"
const BIG_RUN = "scheduled__2026-11-25T00:00:00+00:00"
/** A DAG whose failed task has no log stream (say, the worker died before writing one). */
const NO_LOG_DAG = "orders_without_logs"
const FAILED = ["load_shard_017", "load_shard_120", "load_shard_188"]
const exceptionOf = (task: string) => `ValueError: negative amount in ${task} row 18231 of s3://orders-raw/2026-11-25/part-7.csv`
const info = (i: number) =>
  `[2026-11-25, 09:00:${String(i % 60).padStart(2, "0")} UTC] {logging_mixin.py:190} INFO - processed batch ${i} of orders in shard`
/** A failed try's log: `before` lines, the traceback, then 300 lines of cleanup. */
const failedLog = (task: string, before: number) => [
  ...Array.from({ length: before }, (_, i) => info(i)),
  "[2026-11-25, 10:00:00 UTC] {taskinstance.py:3311} ERROR - Task failed with exception",
  "Traceback (most recent call last):",
  ...Array.from({ length: 30 }, (_, i) => [
    `  File "/usr/local/airflow/dags/fanout.py", line ${100 + i}, in step_${i}`,
    `    step_${i + 1}(rows)`
  ]).flat(),
  exceptionOf(task),
  ...Array.from({ length: 300 }, (_, i) => info(before + i))
]

/** 200 tasks: 3 failed, 20 upstream_failed, the rest success; one failed log has 20,000 lines. */
const bigSeed = (): FakeSeed => {
  const base = longIdsSeed()
  const tasks = Array.from({ length: 200 }, (_, i) => `load_shard_${String(i).padStart(3, "0")}`)
  const tis = tasks.map((taskId, i): FakeTaskInstanceSeed => {
    const failed = FAILED.includes(taskId)
    return {
      dagId: BIG_DAG,
      runId: BIG_RUN,
      taskId,
      state: failed ? "failed" : i >= 150 && i < 170 ? "upstream_failed" : "success",
      tryNumber: failed ? 2 : 1,
      maxTries: 1,
      startDate: "2026-11-25T00:01:00+00:00",
      endDate: failed ? `2026-11-25T00:${String(10 + FAILED.indexOf(taskId)).padStart(2, "0")}:00+00:00` : "2026-11-25T00:05:00+00:00"
    }
  })
  return {
    ...base,
    environments: base.environments.map((env) => ({
      ...env,
      dags: [
        ...(env.dags ?? []),
        { dagId: BIG_DAG, schedule: "@daily", tasks: tasks.map((taskId) => ({ taskId, operator: "PythonOperator" })) },
        { dagId: NO_LOG_DAG, tasks: [{ taskId: "lost_task", operator: "BashOperator" }] }
      ],
      dagRuns: [
        ...(env.dagRuns ?? []),
        {
          dagId: BIG_DAG,
          runId: BIG_RUN,
          runType: "scheduled",
          state: "failed",
          logicalDate: "2026-11-25T00:00:00+00:00",
          startDate: "2026-11-25T00:00:30+00:00",
          endDate: "2026-11-25T00:20:00+00:00"
        },
        { dagId: NO_LOG_DAG, runId: BIG_RUN, runType: "scheduled", state: "failed", logicalDate: "2026-11-25T00:00:00+00:00" }
      ],
      taskInstances: [
        ...(env.taskInstances ?? []),
        ...tis,
        {
          dagId: NO_LOG_DAG,
          runId: BIG_RUN,
          taskId: "lost_task",
          state: "failed",
          tryNumber: 1,
          startDate: "2026-11-25T00:01:00+00:00",
          endDate: "2026-11-25T00:02:00+00:00"
        }
      ],
      logStreams: {
        ...env.logStreams,
        ...Object.fromEntries(
          FAILED.map((task, i) => [
            taskLogStreamName({ dagId: BIG_DAG, runId: BIG_RUN, taskId: task, tryNumber: 2 }),
            failedLog(task, i === 0 ? 20_000 : 500)
          ])
        )
      }
    }))
  }
}

let h: SecurityHarness
beforeAll(() => {
  h = makeSecurityHarness(bigSeed())
})
afterAll(() => h.dispose())

const diagnose = async (args: Record<string, unknown>) => {
  const answer = await h.call("diagnose-dag-run", args)
  expect(answer.isError, answer.text).toBe(false)
  return { answer, d: answer.structuredContent as unknown as Diagnosis & { upstream_failed_not_shown: number } }
}

for (const environment_name of [DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3]) {
  describe(`diagnose-dag-run on ${environment_name}`, () => {
    it("finds the three failed tasks among 200 and each one's exception line, in one call under 12 KB", async () => {
      await h.clearCalls()
      const { answer, d } = await diagnose({ environment_name, dag_id: BIG_DAG })
      expect(d.picked).toBe("latest_failed")
      expect(d.run?.dag_run_id).toBe(BIG_RUN)
      expect(d.failed_tasks.map((t) => t.task_id)).toEqual(FAILED)
      for (const t of d.failed_tasks) {
        expect(t.error?.exception).toBe(exceptionOf(t.task_id))
        expect(t.try_number).toBe(2)
        expect(t.operator).toBe("PythonOperator")
      }
      expect(d.counts).toEqual({ failed: 3, upstream_failed: 20, up_for_retry: 0 })
      expect(d.upstream_failed.length + d.upstream_failed_not_shown).toBe(20)
      expect(answer.text.length).toBeLessThan(12_288)
      expect(d.next_steps.map((s) => s.tool)).toEqual(["get-task-logs", "get-dag-source", "clear-task-instances"])
      expect(d.next_steps[0]?.arguments).toMatchObject({ dag_id: BIG_DAG, dag_run_id: BIG_RUN, task_id: FAILED[0] })
      // Each failed log: its newest page only, however long the log; and one page of its first try
      // (compared with the latest: here it has no stream, so it is not compared).
      const calls = await h.calls()
      expect(calls.filter((c) => c.api === "GetLogEvents")).toHaveLength(6)
      for (const t of d.failed_tasks) expect(t.tries).toEqual({ count: 2, compared: [2], same_error: null, differing: null })
    })

    it("get-task-logs with defaults on the 20,000-line log: the exception line is in the answer, under 16 KB", async () => {
      const answer = await h.call("get-task-logs", { environment_name, dag_id: BIG_DAG, dag_run_id: BIG_RUN, task_id: FAILED[0] })
      expect(answer.isError, answer.text).toBe(false)
      expect(answer.text).toContain(exceptionOf(FAILED[0]!))
      expect(answer.text.length).toBeLessThan(16_384)
      expect(JSON.stringify(answer.structuredContent).length).toBeLessThan(16_384)
    })

    it("on the demo's orders DAG: the failed task and its psycopg2 error", async () => {
      const { d } = await diagnose({ environment_name, dag_id: ORDERS_DAG })
      const task = d.failed_tasks.find((t) => t.task_id === DEMO_FAILED_TASK)
      // Airflow 3's error_detail names the exception class without its module.
      expect(task?.error?.exception).toMatch(/^(psycopg2\.errors\.)?UndefinedColumn: column "discount_code" does not exist$/)
      expect(task?.error?.lines).toContain("Traceback (most recent call last):")
    })

    it("a run given by id, of a DAG whose ids need the batch endpoints (40 characters)", async () => {
      const { d } = await diagnose({ environment_name, dag_id: LONG_DAG, dag_run_id: LONG_RUN })
      expect(d.picked).toBe("given")
      expect(d.failed_tasks.map((t) => [t.task_id, t.error?.exception])).toEqual([[LONG_TASK, LONG_TASK_ERROR]])
    })

    it("a DAG whose file does not import: its import error and the tool to read it", async () => {
      const { d } = await diagnose({ environment_name, dag_id: REPORT_DAG })
      expect(d.import_errors).toHaveLength(1)
      expect(d.import_errors[0]?.filename).toMatch(/broken_report\.py$/)
      expect(d.next_steps.map((s) => s.tool)).toContain("get-import-errors")
    })

    it("a log that cannot be read is reported for its task, and the rest of the diagnosis stands", async () => {
      const { d } = await diagnose({ environment_name, dag_id: NO_LOG_DAG })
      expect(d.failed_tasks.map((t) => t.task_id)).toEqual(["lost_task"])
      expect(d.failed_tasks[0]?.error).toBeNull()
      expect(d.failed_tasks[0]?.log_problem).toMatch(/No CloudWatch log for try 1 of task lost_task/)
    })

    it("an unknown DAG is an error that names it", async () => {
      const unknownTask = await h.call("diagnose-dag-run", { environment_name, dag_id: "no_such_dag_anywhere" })
      expect(unknownTask.isError).toBe(true)
      expect(unknownTask.text).toMatch(/no_such_dag_anywhere/)
    })
  })
}

describe("fitDiagnosis", () => {
  it("cuts traceback lines, then tasks, but keeps each shown task's exception line", () => {
    const task = (i: number) => ({
      task_id: `t${i}`,
      map_index: -1,
      state: "failed",
      try_number: 1,
      max_tries: 0,
      operator: "PythonOperator",
      start_date: null,
      end_date: null,
      duration: 1,
      error: {
        exception: `ValueError: ${i}`,
        lines: Array.from({ length: 40 }, (_, j) => `  line ${j} ${"x".repeat(100)}`),
        line_from_end: 5,
        source: "cloudwatch" as const
      },
      log_problem: null,
      tries: null
    })
    const d = diagnosisOf("d", [0, 1, 2, 3, 4].map(task))
    for (const budget of [20_000, 8_000, 3_000, 1_200]) {
      const fitted = fitDiagnosis(d, budget)
      expect(JSON.stringify(fitted).length).toBeLessThanOrEqual(budget)
      expect(fitted.failed_tasks.length + fitted.failed_tasks_not_read).toBe(5)
      for (const t of fitted.failed_tasks) expect(t.error?.exception).toBe(`ValueError: ${t.task_id.slice(1)}`)
    }
    expect(fitDiagnosis(d, 100_000).failed_tasks[0]?.error?.lines).toHaveLength(40)
  })
})
