import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  DEMO_FAILED_TASK,
  type FakeEnvironmentSeed,
  type FakeSeed,
  FX_DAG,
  ORDERS_DAG,
  taskLogStreamName
} from "../../../src/adapters/fake-mwaa/index.js"
import { demoEnvironment } from "../../../src/adapters/fake-mwaa/demo/seed.js"
import { fitDiagnosis } from "../../../src/app/tools/diagnosis-fit.js"
import { diagnosisOf } from "../../support/diagnosis-answer.js"
import { LONG_DAG, LONG_RUN, LONG_TASK, longIdsSeed } from "../../support/long-ids-seed.js"
import { idsOf, seedWith } from "../../support/very-long-ids-seed.js"
import { makeSecurityHarness, type SecurityHarness } from "../../support/security-harness.js"

/**
 * Task tries and DAG versions: diagnose-dag-run says once that every try failed the same way, shows
 * the first try that failed otherwise, and (Airflow 3) whether the DAG's version changed since it
 * last succeeded; get-task-instance lists the tries; get-dag names the current version.
 */

const FLAKY_DAG = "flaky_ingest"
const FLAKY_RUN = "scheduled__2026-11-25T03:00:00+00:00"
const TIMEOUT = "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='api.vendor.example.com', port=443): Read timed out."
const BAD_ROW = "ValueError: negative amount in row 18231 of s3://orders-raw/2026-11-25/part-7.csv"

const failedTry = (exception: string) => [
  "[2026-11-25, 03:00:01 UTC] {taskinstance.py:2612} INFO - Dependencies all met",
  "[2026-11-25, 03:00:09 UTC] {taskinstance.py:3311} ERROR - Task failed with exception",
  "Traceback (most recent call last):",
  '  File "/usr/local/airflow/dags/ingest.py", line 41, in ingest',
  "    rows = fetch()",
  exception,
  "[2026-11-25, 03:00:09 UTC] {local_task_job_runner.py:266} INFO - Task exited with return code 1"
]

/** A task whose first try timed out and whose two retries met a bad row. */
const withFlakyDag = (env: FakeEnvironmentSeed): FakeEnvironmentSeed => ({
  ...env,
  dags: [...(env.dags ?? []), { dagId: FLAKY_DAG, tasks: [{ taskId: "ingest", operator: "PythonOperator", retries: 2 }] }],
  dagRuns: [
    ...(env.dagRuns ?? []),
    {
      dagId: FLAKY_DAG,
      runId: FLAKY_RUN,
      runType: "scheduled",
      state: "failed",
      logicalDate: "2026-11-25T03:00:00+00:00",
      startDate: "2026-11-25T03:00:00+00:00",
      endDate: "2026-11-25T03:09:00+00:00"
    }
  ],
  taskInstances: [
    ...(env.taskInstances ?? []),
    {
      dagId: FLAKY_DAG,
      runId: FLAKY_RUN,
      taskId: "ingest",
      state: "failed",
      tryNumber: 3,
      maxTries: 2,
      startDate: "2026-11-25T03:06:00+00:00",
      endDate: "2026-11-25T03:06:09+00:00",
      tries: [1, 2, 3].map((n) => ({
        tryNumber: n,
        state: n === 3 ? "failed" : "up_for_retry",
        startDate: `2026-11-25T03:0${n * 2}:00+00:00`,
        endDate: `2026-11-25T03:0${n * 2}:09+00:00`,
        hostname: `worker-${n}`
      }))
    }
  ],
  logStreams: {
    ...env.logStreams,
    ...Object.fromEntries(
      [1, 2, 3].map((n) => [
        taskLogStreamName({ dagId: FLAKY_DAG, runId: FLAKY_RUN, taskId: "ingest", tryNumber: n }),
        failedTry(n === 1 ? TIMEOUT : BAD_ROW)
      ])
    )
  }
})

const envName = (version: string) => `airflow-${version.replaceAll(".", "-")}`

const seed = (): FakeSeed => ({
  now: "2026-11-25T09:30:00+00:00",
  environments: [
    ...["2.9.2", "2.11.2", "3.0.6", "3.2.1"].map((v) => withFlakyDag(demoEnvironment(envName(v), v))),
    ...longIdsSeed().environments
  ]
})

let h: SecurityHarness
beforeAll(() => {
  h = makeSecurityHarness(seed())
})
afterAll(() => h.dispose())

const ok = async (name: string, args: Record<string, unknown>) => {
  const answer = await h.call(name, args)
  expect(answer.isError, answer.text).toBe(false)
  return { text: answer.text, o: answer.structuredContent as Record<string, any> }
}

const occurrences = (text: string, part: string) => text.split(part).length - 1

for (const version of ["2.11.2", "3.0.6", "3.2.1"]) {
  const environment_name = envName(version)
  describe(`tries on Airflow ${version}`, () => {
    it("three tries failing with the same exception are said once, the error shown once", async () => {
      const { text, o } = await ok("diagnose-dag-run", { environment_name, dag_id: FX_DAG })
      const task = o.failed_tasks[0]
      expect(task.task_id).toBe("fetch_rates")
      expect(task.tries).toEqual({ count: 3, compared: [1, 2, 3], same_error: true, differing: null })
      expect(text).toContain("Its 3 tries ended with the same error.")
      // The exception is in the error (its line and the traceback's last line), not once per try.
      const exception = task.error.exception as string
      expect(occurrences(text, exception)).toBe(occurrences(JSON.stringify(task.error), exception))
    })

    it("a first try that failed otherwise is shown with its excerpt", async () => {
      const { text, o } = await ok("diagnose-dag-run", { environment_name, dag_id: FLAKY_DAG })
      const task = o.failed_tasks[0]
      expect(task.error.exception).toBe(BAD_ROW)
      expect(task.tries).toMatchObject({ count: 3, compared: [1, 2, 3], same_error: false })
      expect(task.tries.differing).toMatchObject({ try_number: 1, exception: TIMEOUT, log_problem: null })
      expect(task.tries.differing.lines).toContain("Traceback (most recent call last):")
      expect(text).toContain("Try 1 ended with another error")
    })

    it("get-task-instance lists each try, oldest first, its fields unchanged", async () => {
      const ids = { environment_name, dag_id: FLAKY_DAG, dag_run_id: FLAKY_RUN, task_id: "ingest" }
      const { text, o } = await ok("get-task-instance", ids)
      expect(o).toMatchObject({ task_id: "ingest", state: "failed", try_number: 3, max_tries: 2, tries_note: null })
      expect(o.tries).toEqual(
        [1, 2, 3].map((n) => ({
          try_number: n,
          state: n === 3 ? "failed" : "up_for_retry",
          start_date: expect.stringContaining(`2026-11-25T03:0${n * 2}:00`),
          end_date: expect.stringContaining(`2026-11-25T03:0${n * 2}:09`),
          duration: 9,
          hostname: `worker-${n}`,
          executor: null
        }))
      )
      expect(text).toContain("3 tries in its history")
    })
  })
}

describe("DAG versions", () => {
  it("Airflow 3: the failed run's version, the last success's, and that they differ", async () => {
    for (const environment_name of ["airflow-3-0-6", "airflow-3-2-1"]) {
      const { text, o } = await ok("diagnose-dag-run", { environment_name, dag_id: ORDERS_DAG })
      expect(o.failed_tasks[0].task_id).toBe(DEMO_FAILED_TASK)
      expect(o.dag_versions).toEqual({
        run: [{ version_number: 2, bundle_name: "dags-folder", bundle_version: null, created_at: "2026-11-22T16:47:03.214551Z" }],
        last_success: {
          dag_run_id: "scheduled__2026-11-22T00:00:00+00:00",
          start_date: expect.stringMatching(/^2026-11-22T00:00/),
          versions: [{ version_number: 1, bundle_name: "dags-folder", bundle_version: null, created_at: "2026-10-14T08:12:44.518230Z" }]
        },
        changed: true
      })
      expect(o.dag_versions_note).toBeNull()
      expect(text).toContain("The DAG's version changed since its last successful run: version 1 then, 2 in this run")
    }
  })

  it("Airflow 3: a failure on the version that last worked says the version did not change", async () => {
    const { text, o } = await ok("diagnose-dag-run", { environment_name: "airflow-3-2-1", dag_id: FX_DAG })
    expect(o.dag_versions.changed).toBe(false)
    expect(o.dag_versions.run[0].version_number).toBe(1)
    expect(o.dag_versions.last_success.versions[0].version_number).toBe(1)
    expect(text).toContain("The DAG's version is the one of its last successful run (1).")
  })

  it("Airflow 2: no versions, a short reason, and no call for them", async () => {
    await h.clearCalls()
    const { o } = await ok("diagnose-dag-run", { environment_name: "airflow-2-11-2", dag_id: ORDERS_DAG })
    expect(o.dag_versions).toBeNull()
    expect(o.dag_versions_note).toMatch(/Airflow 2 records no DAG versions/)
    const rest = (await h.calls()).filter((c) => c.api === "InvokeRestApi" || c.api === "AirflowWebserver")
    expect(JSON.stringify(rest)).not.toContain('"success"')
  })

  it("get-dag names the current version on Airflow 3, none on Airflow 2", async () => {
    const v3 = await ok("get-dag", { environment_name: "airflow-3-2-1", dag_id: ORDERS_DAG })
    expect(v3.o).toMatchObject({ dag_id: ORDERS_DAG, is_paused: false, current_version: { version_number: 2 }, current_version_note: null })
    expect(v3.text).toContain("version 2")
    const v2 = await ok("get-dag", { environment_name: "airflow-2-11-2", dag_id: ORDERS_DAG })
    expect(v2.o).toMatchObject({ dag_id: ORDERS_DAG, current_version: null })
    expect(v2.o.current_version_note).toMatch(/Airflow 2 does not version DAGs/)
  })
})

describe("where the tries cannot be read", () => {
  it("Airflow 2.9 has no tries endpoint: the task instance, and a note", async () => {
    await h.clearCalls()
    const { o } = await ok("get-task-instance", {
      environment_name: "airflow-2-9-2",
      dag_id: FLAKY_DAG,
      dag_run_id: FLAKY_RUN,
      task_id: "ingest"
    })
    expect(o).toMatchObject({ try_number: 3, tries: null })
    expect(o.tries_note).toMatch(/Airflow 2\.9 has no endpoint for a task's tries \(it came in Airflow 2\.10\)/)
    expect((await h.calls()).some((c) => c.path?.endsWith("/tries"))).toBe(false)
  })

  it("40-character ids: the webserver route carries the tries' path; without it, a note and no Path over 64", async () => {
    const ids = { environment_name: "demo-airflow-3", dag_id: LONG_DAG, dag_run_id: LONG_RUN, task_id: LONG_TASK }
    const { o } = await ok("get-task-instance", ids)
    expect(o.tries.map((t: any) => [t.try_number, t.state])).toEqual([
      [1, "up_for_retry"],
      [2, "failed"]
    ])
    const invokeOnly = makeSecurityHarness(longIdsSeed(), { airflowRoute: "invoke" })
    try {
      const answer = await invokeOnly.call("get-task-instance", ids)
      expect(answer.isError, answer.text).toBe(false)
      const out = answer.structuredContent as Record<string, any>
      expect(out).toMatchObject({ task_id: LONG_TASK, try_number: 2, tries: null })
      expect(out.tries_note).toMatch(/over InvokeRestApi's 64, and the webserver route is switched off/)
      expect((await invokeOnly.calls()).filter((c) => (c.path?.length ?? 0) > 64)).toEqual([])
    } finally {
      await invokeOnly.dispose()
    }
  })
})

describe("get-dag with a DAG id too long for InvokeRestApi and the webserver route off", () => {
  it("answers the DAG without its version, and says why", async () => {
    const ids = idsOf(250)
    const invokeOnly = makeSecurityHarness(seedWith(250), { airflowRoute: "invoke" })
    try {
      const answer = await invokeOnly.call("get-dag", { environment_name: "demo-airflow-3", dag_id: ids.dag })
      expect(answer.isError, answer.text).toBe(false)
      const out = answer.structuredContent as Record<string, any>
      expect(out).toMatchObject({ dag_id: ids.dag, current_version: null })
      expect(out.current_version_note).toMatch(/over InvokeRestApi's 64, and the webserver route is switched off/)
      expect((await invokeOnly.calls()).filter((c) => (c.path?.length ?? 0) > 64)).toEqual([])
    } finally {
      await invokeOnly.dispose()
    }
  })
})

describe("fitDiagnosis with a differing try", () => {
  it("cuts the differing try's excerpt like the error's, and keeps both exception lines", () => {
    const lines = Array.from({ length: 40 }, (_, j) => `  line ${j} ${"x".repeat(150)}`)
    const task = {
      task_id: "ingest",
      map_index: -1,
      state: "failed",
      try_number: 3,
      max_tries: 2,
      operator: "PythonOperator",
      start_date: null,
      end_date: null,
      duration: 1,
      error: { exception: BAD_ROW, lines, line_from_end: 1, source: "cloudwatch" as const },
      log_problem: null,
      tries: {
        count: 3,
        compared: [1, 2, 3],
        same_error: false,
        differing: { try_number: 1, exception: TIMEOUT, lines, log_problem: null }
      }
    }
    const d = diagnosisOf(FLAKY_DAG, [task])
    for (const budget of [20_000, 6_000, 2_000]) {
      const fitted = fitDiagnosis(d, budget)
      expect(JSON.stringify(fitted).length).toBeLessThanOrEqual(budget)
      expect(fitted.failed_tasks[0]?.error?.exception).toBe(BAD_ROW)
      expect(fitted.failed_tasks[0]?.tries?.differing?.exception).toBe(TIMEOUT)
    }
  })
})
