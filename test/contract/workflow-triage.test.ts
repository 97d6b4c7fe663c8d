import { describe, expect, it } from "vitest"
import { demoSeed } from "../../src/adapters/fake-mwaa/index.js"
import {
  DEMO_API_TOKEN,
  DEMO_DB_PASSWORD,
  LATEST_PAYOUTS_RUN,
  LOAD_BATCHES,
  PAYOUTS_VERSIONS,
  SUCCESS_WITH_FAILED_TASK_RUN,
  workflowArnOf
} from "../../src/adapters/fake-mwaa-serverless/index.js"
import { contractBackends, contractSession } from "./backends.js"

/**
 * The workflow triage tools' contract: get-workflow-task-logs and diagnose-workflow-run through the
 * catalogue, on the in-memory fake and on the AWS SDK gateway over the HTTP fake, on the demo's
 * payouts workflow (its latest run failed; the one before is reported SUCCESS with a FAILED task).
 */

const workflow = "payouts-nightly"
const PAYOUTS_ARN = workflowArnOf({ account: "123456789012", region: "us-east-1" }, { name: workflow, arnSuffix: "Pq7Rs2Tu9W" })
const taskOf = (taskId: string, runId: string) => `${taskId}-${runId.slice(-16)}`
const LOAD = { workflow, run_id: LATEST_PAYOUTS_RUN, task_instance_id: taskOf("load_payouts", LATEST_PAYOUTS_RUN) }
/** The failed load's log: 2 opening lines, the batches, 8 closing lines (traceback and the marking). */
const LOAD_LOG_LINES = 2 + LOAD_BATCHES + 8

const secretFree = (text: string) => {
  expect(text).not.toContain(DEMO_DB_PASSWORD)
  expect(text).not.toContain(DEMO_API_TOKEN)
}

for (const backend of contractBackends) {
  describe(`workflow triage contract: ${backend.name}`, () => {
    const session = contractSession(backend, demoSeed)
    const ok = async (tool: string, args: Record<string, unknown>) => {
      const result = await session.call(tool, args)
      expect(result.isError, result.text).toBe(false)
      secretFree(result.text)
      secretFree(JSON.stringify(result.structuredContent))
      return { text: result.text, data: result.structuredContent as Record<string, any> }
    }
    const fails = async (tool: string, args: Record<string, unknown>) => {
      const result = await session.call(tool, args)
      expect(result.isError, result.text).toBe(true)
      secretFree(result.text)
      return result.text
    }

    it("get-workflow-task-logs: the failed load's tail, then every line back to its start with continuation tokens, the password masked", async () => {
      const first = await ok("get-workflow-task-logs", LOAD)
      expect(first.data).toMatchObject({
        workflow,
        run_id: LATEST_PAYOUTS_RUN,
        task_id: "load_payouts",
        try_number: 2,
        state: "failed",
        source: "cloudwatch",
        log_stream: `workflow.payouts-nightly.${LATEST_PAYOUTS_RUN}.load_payouts.attempt-2`,
        truncated: true,
        masked: true
      })
      expect(first.data.lines).toHaveLength(200)
      expect(first.data.lines.at(-1)).toBe("INFO - Marking task as FAILED (attempt 2 of 2)")
      expect(first.data.lines.some((l: string) => l.startsWith("psycopg2.OperationalError") && l.includes("***"))).toBe(true)
      expect(first.text.split("\n\n")[0]).toMatch(
        /^Log of task instance load_payouts-\S+ attempt 2: 200 line\(s\), lines 200–1 from the end; older lines exist/
      )
      const all: Array<string> = [...first.data.lines]
      let token: string | null = first.data.continuation_token
      let pages = 1
      while (token !== null) {
        const next = await ok("get-workflow-task-logs", { ...LOAD, continuation_token: token })
        all.unshift(...next.data.lines)
        // A continued read shows no excerpt: it asked for older lines.
        expect(next.data.error_excerpt).toBeNull()
        token = next.data.continuation_token
        pages += 1
        expect(pages).toBeLessThan(20)
      }
      expect(all).toHaveLength(LOAD_LOG_LINES)
      expect(all[0]).toBe("INFO - Starting attempt 2 of task load_payouts (SQLExecuteQueryOperator) in workflow payouts-nightly")
      expect(all.filter((l) => l.startsWith("INFO - Loaded batch"))).toHaveLength(LOAD_BATCHES)
      // No line twice, none missing: the batches in order.
      expect(all.slice(2, 2 + LOAD_BATCHES)).toEqual(
        Array.from({ length: LOAD_BATCHES }, (_, i) => `INFO - Loaded batch ${i + 1} of payouts (500 rows)`)
      )
      expect(session.wireProblems(backend.name.startsWith("AWS") ? ["airflow-serverless", "logs"] : [])).toEqual([])
    })

    it("get-workflow-task-logs: a short tail shows the error further back in error_excerpt; a filter selects lines, never by a secret", async () => {
      const short = await ok("get-workflow-task-logs", { ...LOAD, tail_lines: 1 })
      expect(short.data.lines).toEqual(["INFO - Marking task as FAILED (attempt 2 of 2)"])
      expect(short.data.error_excerpt.exception).toMatch(/^psycopg2\.OperationalError: connection to postgresql:\/\/payouts_writer:\*\*\*@/)
      const filtered = await ok("get-workflow-task-logs", { ...LOAD, filter: "BATCH 1000 ", context_lines: 1 })
      expect(filtered.data.lines).toEqual([
        "INFO - Loaded batch 999 of payouts (500 rows)",
        "INFO - Loaded batch 1000 of payouts (500 rows)",
        "INFO - Loaded batch 1001 of payouts (500 rows)"
      ])
      expect(filtered.data.truncated).toBe(false)
      // The demo's lines carry no Airflow prefix ([time] {file} LEVEL): the traceback is found by its shape, not its level.
      const traceback = await ok("get-workflow-task-logs", { ...LOAD, filter: "operationalerror" })
      expect(traceback.data.lines).toHaveLength(1)
      expect(traceback.data.lines[0]).toMatch(/^psycopg2\.OperationalError: .*payouts_writer:\*\*\*@/)
      // A filter never confirms a guess at a secret: matched against the masked line too.
      expect((await ok("get-workflow-task-logs", { ...LOAD, filter: DEMO_DB_PASSWORD.slice(0, 12) })).data.lines).toEqual([])
    })

    it("get-workflow-task-logs refuses a token of another task's log, a token it never gave, and explains a task that never ran", async () => {
      const first = await ok("get-workflow-task-logs", LOAD)
      const other = { ...LOAD, task_instance_id: taskOf("extract_ledger", LATEST_PAYOUTS_RUN) }
      expect(await fails("get-workflow-task-logs", { ...other, continuation_token: first.data.continuation_token })).toMatch(
        /get-workflow-task-logs failed for workflow payouts-nightly: Validation \[get-workflow-task-logs\][\s\S]*another task's log/
      )
      expect(await fails("get-workflow-task-logs", { ...LOAD, continuation_token: "bm90LW91cnM" })).toContain(
        "not one this server gave out: pass the continuation_token of a previous get-workflow-task-logs answer"
      )
      const never = { ...LOAD, task_instance_id: taskOf("reconcile_totals", LATEST_PAYOUTS_RUN) }
      expect(await fails("get-workflow-task-logs", never)).toMatch(
        /NotFound \[get-workflow-task-logs\][\s\S]*did not run because a task upstream of it failed/
      )
    })

    it("diagnose-workflow-run: the latest failed run by default, its failed task's masked error and log excerpt, counts, versions and next steps", async () => {
      const { text, data } = await ok("diagnose-workflow-run", { workflow })
      expect(data).toMatchObject({
        workflow,
        picked: "latest_failed",
        succeeded_with_failed_tasks: false,
        counts: { failed: 1, up_for_retry: 0, upstream_failed: 2 },
        failed_tasks_not_read: 0,
        workflow_versions: { run: PAYOUTS_VERSIONS.latest, latest: PAYOUTS_VERSIONS.latest, changed: false }
      })
      expect(data.run).toMatchObject({ run_id: LATEST_PAYOUTS_RUN, state: "failed", status: "FAILED", task_instance_count: 5 })
      const [failed] = data.failed_tasks
      expect(failed).toMatchObject({ task_id: "load_payouts", state: "failed", try_number: 2, operator: "SQLExecuteQueryOperator" })
      expect(failed.error_message).toContain("payouts_writer:***@")
      expect(failed.error.exception).toMatch(/^psycopg2\.OperationalError: .*payouts_writer:\*\*\*@/)
      expect(failed.error.lines).toContain("Traceback (most recent call last):")
      expect(data.upstream_failed).toEqual([taskOf("reconcile_totals", LATEST_PAYOUTS_RUN), taskOf("notify_finance", LATEST_PAYOUTS_RUN)])
      expect(data.next_steps.map((s: { tool: string }) => s.tool)).toEqual([
        "get-workflow-task-logs",
        "get-workflow-definition",
        "start-workflow-run"
      ])
      expect(data.next_steps[0].arguments).toMatchObject({ workflow, run_id: LATEST_PAYOUTS_RUN, task_instance_id: LOAD.task_instance_id })
      expect(text.split("\n\n")[0]).toBe(
        `Run ${LATEST_PAYOUTS_RUN} of workflow payouts-nightly is failed (FAILED): 1 failed, 0 up_for_retry, 2 upstream_failed. ` +
          `First failure: task instance ${LOAD.task_instance_id}; its log's error is in failed_tasks[0].error; the service's error message is in failed_tasks[0].error_message. ` +
          "The run used the workflow's latest version."
      )
    })

    it("diagnose-workflow-run flags a run reported SUCCESS whose task FAILED, first in its summary", async () => {
      const { text, data } = await ok("diagnose-workflow-run", { workflow: PAYOUTS_ARN, run_id: SUCCESS_WITH_FAILED_TASK_RUN })
      expect(data).toMatchObject({ picked: "given", succeeded_with_failed_tasks: true, counts: { failed: 1, upstream_failed: 0 } })
      expect(data.run).toMatchObject({ state: "success", status: "SUCCESS" })
      expect(data.failed_tasks[0]).toMatchObject({ task_id: "reconcile_totals", error_message: expect.stringContaining("AssertionError") })
      expect(text).toMatch(
        new RegExp(
          `^WARNING: run ${SUCCESS_WITH_FAILED_TASK_RUN} is reported SUCCESS, but 1 task\\(s\\) FAILED \\(succeeded_with_failed_tasks\\)\\. `
        )
      )
      // Named by its ARN, the next steps name it the same way.
      expect(data.next_steps[0].arguments.workflow).toBe(PAYOUTS_ARN)
    })

    it("diagnose-workflow-run stays within max_bytes, and says so of a run without failed tasks", async () => {
      const small = await ok("diagnose-workflow-run", { workflow, max_bytes: 4096 })
      expect(Buffer.byteLength(small.text)).toBeLessThanOrEqual(4096)
      expect(small.data.failed_tasks[0].error.exception).toMatch(/OperationalError/)
      const running = await ok("diagnose-workflow-run", { workflow: "events-hourly" })
      expect(running.data).toMatchObject({ picked: "latest", succeeded_with_failed_tasks: false, failed_tasks: [] })
      expect(running.data.next_steps.map((s: { tool: string }) => s.tool)).toEqual(["list-workflow-task-instances"])
      expect(running.text.split("\n\n")[0]).toContain("no failed task (no failed run among the latest: this is the latest run)")
    })
  })
}
