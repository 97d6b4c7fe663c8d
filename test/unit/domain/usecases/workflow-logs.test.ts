import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import { demoSeed, FakeMwaa } from "../../../../src/adapters/fake-mwaa/index.js"
import { DEMO_DB_PASSWORD, LATEST_PAYOUTS_RUN, workflowArnOf } from "../../../../src/adapters/fake-mwaa-serverless/index.js"
import { encodeCursor, logIdentity } from "../../../../src/domain/log-cursor.js"
import { getWorkflowTaskLogs, type WorkflowTaskLogsRequest } from "../../../../src/domain/usecases/workflow-logs.js"
import type { ResolvedWorkflow } from "../../../../src/domain/workflow-resolution.js"
import {
  HOSTILE_LOAD_TASK,
  HOSTILE_WORKFLOW,
  HOSTILE_WORKFLOW_RUN,
  hostileWorkflow,
  LOAD_LOG_LINES,
  WF_DB_PASSWORD,
  WF_PEM_PAGE,
  WF_PEM_TAIL
} from "../../../support/hostile-workflow-seed.js"
import { fakeToolServices } from "../../../support/test-layer.js"

/**
 * A workflow task's log read as get-task-logs reads a try's: the same window, filters, error
 * excerpt and continuation tokens, from the stream GetTaskInstance names in the workflow's group.
 */

const location = { account: "123456789012", region: "us-east-1" }
const hostile: ResolvedWorkflow = {
  arn: workflowArnOf(location, { name: HOSTILE_WORKFLOW, arnSuffix: "Hx0Hx1Hx2H" }),
  name: HOSTILE_WORKFLOW
}
const payouts: ResolvedWorkflow = {
  arn: workflowArnOf(location, { name: "payouts-nightly", arnSuffix: "Pq7Rs2Tu9W" }),
  name: "payouts-nightly"
}
const LOAD = { run_id: HOSTILE_WORKFLOW_RUN, task_instance_id: HOSTILE_LOAD_TASK }

const layer = () => {
  const seed = demoSeed()
  return fakeToolServices(
    { ...seed, serverless: { ...seed.serverless!, workflows: [...(seed.serverless?.workflows ?? []), hostileWorkflow()] } },
    { maxRequestsPerSecond: 1000 }
  )
}

/**
 * What the use case masks itself. A value with an invisible character inside is the app's to catch:
 * it strips those characters from every answer and masks again (present.ts), tested through the tool host.
 */
const DOMAIN_MASKED = [WF_DB_PASSWORD, ...WF_PEM_TAIL, ...WF_PEM_PAGE]

const read = (extra: Partial<WorkflowTaskLogsRequest> = {}) => getWorkflowTaskLogs(hostile, { ...LOAD, ...extra })
const logReads = Effect.map(
  Effect.flatMap(FakeMwaa, (f) => f.calls),
  (calls) => calls.filter((c) => c.api === "GetLogEvents").length
)

describe("get-workflow-task-logs' use case", () => {
  it.effect(
    "a default tail: the last 200 lines of the latest attempt from one CloudWatch page, a key block cut before its BEGIN masked",
    () =>
      Effect.gen(function* () {
        const answer = yield* read()
        expect(answer).toMatchObject({ workflow: HOSTILE_WORKFLOW, task_id: "load", try_number: 2, state: "failed", source: "cloudwatch" })
        expect(answer.log_stream).toBe(`workflow.${HOSTILE_WORKFLOW}.${HOSTILE_WORKFLOW_RUN}.load.attempt-2`)
        expect(answer.lines).toHaveLength(200)
        expect(answer.lines_from_end).toEqual({ newest: 1, oldest: 200 })
        expect(answer.truncated).toBe(true)
        const text = JSON.stringify(answer)
        for (const body of WF_PEM_TAIL) expect(text).not.toContain(body)
        for (const secret of DOMAIN_MASKED) expect(text).not.toContain(secret)
        expect(answer.masked).toBe(true)
        expect(yield* logReads).toBe(1)
      }).pipe(Effect.provide(layer()))
  )

  it.effect(
    "reads back to the log's start with continuation tokens: every line once, a key split by the CloudWatch page masked, the 64K line clipped",
    () =>
      Effect.gen(function* () {
        const lines: Array<string> = []
        let token: string | undefined
        let calls = 0
        do {
          const answer = yield* read({ continuation_token: token })
          lines.unshift(...answer.lines)
          token = answer.continuation_token ?? undefined
          calls += 1
        } while (token !== undefined && calls < 50)
        expect(token).toBeUndefined()
        // Key bodies shrink to one masked line each; every other line is there once.
        const keyLines = WF_PEM_TAIL.length + WF_PEM_PAGE.length
        expect(lines.length).toBeGreaterThanOrEqual(LOAD_LOG_LINES - keyLines)
        expect(lines.filter((l) => /INFO - step \d+$/.test(l)).length).toBe(new Set(lines.filter((l) => /INFO - step \d+$/.test(l))).size)
        const text = JSON.stringify(lines)
        for (const secret of DOMAIN_MASKED) expect(text).not.toContain(secret)
        for (const body of [...WF_PEM_TAIL, ...WF_PEM_PAGE]) expect(text).not.toContain(body.slice(0, 12))
        expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(2100)
      }).pipe(Effect.provide(layer()))
  )

  it.effect("level=ERROR shows the ERROR record with its traceback; a short tail shows the exception further back in error_excerpt", () =>
    Effect.gen(function* () {
      const errors = yield* read({ level: "ERROR" })
      expect(errors.lines[0]).toMatch(/ERROR - Task failed with exception$/)
      expect(errors.lines).toContain("Traceback (most recent call last):")
      expect(errors.lines.some((l) => l.startsWith("psycopg2.OperationalError") && l.includes("loader:***@"))).toBe(true)
      expect(errors.lines.some((l) => l.includes("INFO - step"))).toBe(false)
      const short = yield* read({ tail_lines: 1 })
      expect(short.lines).toHaveLength(1)
      expect(short.error_excerpt?.exception).toMatch(/^psycopg2\.OperationalError: connection to postgresql:\/\/loader:\*\*\*@/)
      expect(short.error_excerpt?.line_from_end).toBe(2)
    }).pipe(Effect.provide(layer()))
  )

  it.effect("refuses a token of another workflow task's log, of a DAG task's try, and one it never gave, before reading any log", () =>
    Effect.gen(function* () {
      const first = yield* read()
      const other = { run_id: LATEST_PAYOUTS_RUN, task_instance_id: `load_payouts-${LATEST_PAYOUTS_RUN.slice(-16)}` }
      const before = yield* logReads
      const refused = yield* Effect.exit(getWorkflowTaskLogs(payouts, { ...other, continuation_token: first.continuation_token ?? "" }))
      expect(refused).toEqual(Exit.fail(expect.objectContaining({ _tag: "UnusableLogToken", problem: "other-try" })))
      // A token get-task-logs gives for a DAG task's try: well formed, but another log's.
      const dagToken = encodeCursor({
        page: null,
        skip: 0,
        linesFromEnd: 200,
        limit: 1000,
        source: "cloudwatch",
        identity: logIdentity(["orders_pipeline", "scheduled__2026-11-25T00:00:00+00:00", "load", -1, 2])
      })
      const exit = yield* Effect.exit(read({ continuation_token: dagToken }))
      expect(exit).toEqual(Exit.fail(expect.objectContaining({ _tag: "UnusableLogToken", problem: "other-try" })))
      const forged = yield* Effect.exit(read({ continuation_token: "eyJ2IjoxfQ" }))
      expect(forged).toEqual(Exit.fail(expect.objectContaining({ _tag: "UnusableLogToken", problem: "not-issued" })))
      expect((yield* logReads) - before).toBe(0)
    }).pipe(Effect.provide(layer()))
  )

  it.effect("a task that never ran: NotFound saying why, and what to read instead", () =>
    Effect.gen(function* () {
      const exit = yield* Effect.exit(read({ task_instance_id: "after-hostile-20261125" }))
      expect(exit).toEqual(
        Exit.fail(
          expect.objectContaining({
            _tag: "MwaaError",
            reason: "NotFound",
            operation: "ReadWorkflowTaskLog",
            message: expect.stringMatching(
              /has no log: it did not run because a task upstream of it failed\. Read the failed upstream task's log/
            )
          })
        )
      )
    }).pipe(Effect.provide(layer()))
  )

  it.effect("the demo's failed load: the password of its traceback never shown", () =>
    Effect.gen(function* () {
      const answer = yield* getWorkflowTaskLogs(payouts, {
        run_id: LATEST_PAYOUTS_RUN,
        task_instance_id: `load_payouts-${LATEST_PAYOUTS_RUN.slice(-16)}`,
        filter: "OperationalError"
      })
      expect(answer.lines).toHaveLength(1)
      expect(JSON.stringify(answer)).not.toContain(DEMO_DB_PASSWORD)
    }).pipe(Effect.provide(layer()))
  )
})
