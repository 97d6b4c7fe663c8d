import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { demoSeed } from "../../../src/adapters/fake-mwaa/index.js"
import {
  DEMO_API_TOKEN,
  DEMO_DB_PASSWORD,
  demoServerlessSeed,
  LATEST_PAYOUTS_RUN,
  LOAD_BATCHES,
  SUCCESS_WITH_FAILED_TASK_RUN
} from "../../../src/adapters/fake-mwaa-serverless/index.js"
import { DATA_LABEL } from "../../../src/app/data-label.js"
import { FRAGMENTS } from "../../support/hostile-seed.js"
import {
  HOSTILE_LOAD_TASK,
  HOSTILE_WORKFLOW,
  HOSTILE_WORKFLOW_RUN,
  hostileWorkflow,
  leaksQzxjkv,
  POSING_ASKS,
  POSING_LINES
} from "../../support/hostile-workflow-seed.js"
import type { HttpFake } from "../../support/http-fake/index.js"
import { startHttpFake } from "../../support/http-fake/index.js"
import { awsModeEnv, connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { callTool, type ToolAnswer } from "./stdio-helpers.js"

/**
 * The workflow triage tools as a user meets them: the built bin in AWS mode (the real SDK clients,
 * MWAA Serverless on our Smithy-built client) against the HTTP fake, which serves the demo's
 * workflows and a hostile one. The failed load's log paged back to its start, filtered; the latest
 * failed run and the SUCCESS-with-a-FAILED-task run diagnosed; no answer holds a secret, and the
 * hostile workflow's text never reaches a summary line.
 */

let fake: HttpFake
let session: StdioSession
/** Every answer of the file, for the checks at the end. */
const answers: Array<ToolAnswer> = []

const taskOf = (taskId: string, runId: string) => `${taskId}-${runId.slice(-16)}`
const LOAD = { workflow: "payouts-nightly", run_id: LATEST_PAYOUTS_RUN, task_instance_id: taskOf("load_payouts", LATEST_PAYOUTS_RUN) }
const HOSTILE_LOAD = { workflow: HOSTILE_WORKFLOW, run_id: HOSTILE_WORKFLOW_RUN, task_instance_id: HOSTILE_LOAD_TASK }

const answer = async (tool: string, args: Record<string, unknown>) => {
  const a = await callTool(session, tool, args)
  answers.push(a)
  return a
}
const ok = async (tool: string, args: Record<string, unknown>) => {
  const a = await answer(tool, args)
  expect(a.isError, `${tool} ${JSON.stringify(args).slice(0, 200)}: ${a.text.slice(0, 500)}`).toBe(false)
  return a
}
/** Reads a log back to its start; each answer's lines are older than the last. */
const pageToStart = async (args: Record<string, unknown>) => {
  const lines: Array<string> = []
  let token: string | null = null
  let calls = 0
  do {
    const a = await ok("get-workflow-task-logs", token === null ? args : { ...args, continuation_token: token })
    lines.unshift(...a.structured.lines)
    token = a.structured.continuation_token
    calls += 1
  } while (token !== null && calls < 60)
  expect(token).toBeNull()
  return { lines, calls }
}

beforeAll(async () => {
  const serverless = demoServerlessSeed()
  fake = await startHttpFake({ seed: demoSeed(), serverless: { ...serverless, workflows: [...serverless.workflows, hostileWorkflow()] } })
  session = await connectStdio([], awsModeEnv(fake.url))
}, 60_000)
afterAll(async () => {
  await session?.close()
  await fake?.close()
})

describe("get-workflow-task-logs over stdio, AWS mode", () => {
  it("pages the failed load's ~1,200-line log back to its start with continuation tokens, every line once", async () => {
    const first = await ok("get-workflow-task-logs", LOAD)
    expect(first.summary).toMatch(
      /^Log of task instance load_payouts-\S+ attempt 2: 200 line\(s\), lines 200–1 from the end; older lines exist/
    )
    expect(first.structured).toMatchObject({ source: "cloudwatch", try_number: 2, state: "failed", truncated: true })
    const { lines, calls } = await pageToStart(LOAD)
    expect(calls).toBe(Math.ceil((2 + LOAD_BATCHES + 8) / 200))
    expect(lines).toHaveLength(2 + LOAD_BATCHES + 8)
    expect(lines[0]).toMatch(/^INFO - Starting attempt 2 of task load_payouts/)
    expect(lines.slice(2, 2 + LOAD_BATCHES)).toEqual(
      Array.from({ length: LOAD_BATCHES }, (_, i) => `INFO - Loaded batch ${i + 1} of payouts (500 rows)`)
    )
    expect(lines.find((l) => l.startsWith("psycopg2.OperationalError"))).toMatch(/payouts_writer:\*\*\*@/)
  })

  it("filters it: a text with context, and never by a secret's letters", async () => {
    const batch = await ok("get-workflow-task-logs", { ...LOAD, filter: "batch 600 ", context_lines: 2 })
    expect(batch.structured.lines).toEqual([598, 599, 600, 601, 602].map((n) => `INFO - Loaded batch ${n} of payouts (500 rows)`))
    expect(batch.structured.truncated).toBe(false)
    const guess = await ok("get-workflow-task-logs", { ...LOAD, filter: DEMO_DB_PASSWORD.slice(0, 10) })
    expect(guess.structured.lines).toEqual([])
  })

  it("refuses another task's token and explains a task that never ran", async () => {
    const first = await ok("get-workflow-task-logs", LOAD)
    const other = await answer("get-workflow-task-logs", {
      ...LOAD,
      task_instance_id: taskOf("extract_ledger", LATEST_PAYOUTS_RUN),
      continuation_token: first.structured.continuation_token
    })
    expect(other.isError).toBe(true)
    expect(other.text).toContain("continuation_token belongs to another task's log")
    const never = await answer("get-workflow-task-logs", { ...LOAD, task_instance_id: taskOf("notify_finance", LATEST_PAYOUTS_RUN) })
    expect(never.isError).toBe(true)
    expect(never.text).toMatch(/NotFound \[get-workflow-task-logs\][\s\S]*did not run because a task upstream of it failed/)
  })
})

describe("diagnose-workflow-run over stdio, AWS mode", () => {
  it("diagnoses the latest failed run: load_payouts, its masked error and log excerpt, next steps", async () => {
    const d = await ok("diagnose-workflow-run", { workflow: "payouts-nightly" })
    expect(d.summary).toMatch(
      new RegExp(
        `^Run ${LATEST_PAYOUTS_RUN} of workflow payouts-nightly is failed \\(FAILED\\): 1 failed, 0 up_for_retry, 2 upstream_failed\\.`
      )
    )
    expect(d.structured).toMatchObject({
      picked: "latest_failed",
      succeeded_with_failed_tasks: false,
      counts: { failed: 1, upstream_failed: 2 }
    })
    expect(d.structured.failed_tasks[0].error.exception).toMatch(/^psycopg2\.OperationalError: .*payouts_writer:\*\*\*@/)
    expect(d.structured.failed_tasks[0].error_message).toMatch(/payouts_writer:\*\*\*@/)
    expect(d.structured.next_steps[0]).toMatchObject({
      tool: "get-workflow-task-logs",
      arguments: { task_instance_id: LOAD.task_instance_id }
    })
    expect(Buffer.byteLength(d.text)).toBeLessThanOrEqual(12_000)
  })

  it("flags the run reported SUCCESS whose task FAILED, first in the summary", async () => {
    const d = await ok("diagnose-workflow-run", { workflow: "payouts-nightly", run_id: SUCCESS_WITH_FAILED_TASK_RUN })
    expect(d.summary.startsWith(`WARNING: run ${SUCCESS_WITH_FAILED_TASK_RUN} is reported SUCCESS, but 1 task(s) FAILED`)).toBe(true)
    expect(d.structured.succeeded_with_failed_tasks).toBe(true)
    expect(d.structured.failed_tasks[0].task_id).toBe("reconcile_totals")
  })
})

describe("hostile workflow content over stdio", () => {
  it("its load's log: tails cut inside key blocks and across the CloudWatch page, paged to the start, the 64K line: nothing leaks, nothing stalls", async () => {
    for (const tail_lines of [197, 198, 199, 200, 201, 202, 998, 999, 1000, 1001, 1002]) {
      const started = Date.now()
      await ok("get-workflow-task-logs", { ...HOSTILE_LOAD, tail_lines, max_bytes: 1_000_000 })
      expect(Date.now() - started).toBeLessThan(10_000)
    }
    const { lines } = await pageToStart(HOSTILE_LOAD)
    // The unterminated "token" value masked whole; no line over the 2,000-character clip.
    expect(lines[lines.length - 51]).toBe('"token": "***')
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(2100)
    // The server's notes as a log wrote them: there, in the data, as the log's lines.
    for (const posing of POSING_LINES) expect(lines.some((l) => l.includes(posing.slice(0, 30)))).toBe(true)
    const level = await ok("get-workflow-task-logs", { ...HOSTILE_LOAD, level: "error" })
    expect(level.structured.lines.some((l: string) => l.startsWith("psycopg2.OperationalError") && l.includes("loader:***@"))).toBe(true)
  })

  it("its run diagnosed within the budget, the 64K error message cut after masking", async () => {
    for (const max_bytes of [undefined, 4096]) {
      const d = await ok("diagnose-workflow-run", { workflow: HOSTILE_WORKFLOW, ...(max_bytes === undefined ? {} : { max_bytes }) })
      expect(Buffer.byteLength(d.text)).toBeLessThanOrEqual(max_bytes ?? 12_000)
      expect(d.structured.counts).toEqual({ failed: 2, up_for_retry: 0, upstream_failed: 1 })
    }
  })

  it("no answer of this file holds a secret; no summary holds the hostile text; one data label per answer", () => {
    expect(answers.length).toBeGreaterThan(20)
    for (const a of answers) {
      const whole = `${a.text}\n${JSON.stringify(a.structured ?? null)}`
      expect(whole).not.toContain(DEMO_DB_PASSWORD)
      expect(whole).not.toContain(DEMO_API_TOKEN)
      expect(leaksQzxjkv(whole), whole.match(/.{0,80}[QZXJKV]{4}.{0,20}/)?.[0]).toBe(false)
      // An error's text is its summary, the label and what the service said below it.
      const own = a.text.slice(0, a.text.indexOf(DATA_LABEL) < 0 ? undefined : a.text.indexOf(DATA_LABEL))
      for (const fragment of FRAGMENTS) expect(own).not.toContain(fragment)
      for (const ask of POSING_ASKS) expect(own).not.toContain(ask)
      if (!a.isError) expect(a.text.split("\n").filter((line) => line === DATA_LABEL)).toHaveLength(1)
    }
  })
})

describe("what the wire saw", () => {
  it("MWAA Serverless calls by their X-Amz-Target, signed for airflow-serverless; the logs from CloudWatch Logs", () => {
    const serverless = fake.requests().filter((r) => r.service === "airflow-serverless")
    expect(new Set(serverless.map((r) => r.operation))).toEqual(
      new Set([
        "AmazonMWAAServerless.ListWorkflows",
        "AmazonMWAAServerless.GetWorkflow",
        "AmazonMWAAServerless.GetTaskInstance",
        "AmazonMWAAServerless.ListWorkflowRuns",
        "AmazonMWAAServerless.GetWorkflowRun",
        "AmazonMWAAServerless.ListTaskInstances",
        "AmazonMWAAServerless.ListWorkflowVersions"
      ])
    )
    for (const r of serverless) {
      expect(r.signingService).toBe("airflow-serverless")
      expect(r.region).toBe("us-east-1")
    }
    expect(
      fake
        .requests()
        .filter((r) => r.operation === "GetLogEvents")
        .every((r) => r.signingService === "logs")
    ).toBe(true)
  })
})
