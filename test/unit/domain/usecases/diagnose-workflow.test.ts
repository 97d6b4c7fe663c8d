import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import { demoSeed, FakeMwaa } from "../../../../src/adapters/fake-mwaa/index.js"
import {
  DEMO_API_TOKEN,
  DEMO_DB_PASSWORD,
  EVENTS_RUNNING_RUN,
  LATEST_PAYOUTS_RUN,
  PAYOUTS_VERSIONS,
  SUCCESS_WITH_FAILED_TASK_RUN,
  workflowArnOf
} from "../../../../src/adapters/fake-mwaa-serverless/index.js"
import { diagnoseWorkflowRun } from "../../../../src/domain/usecases/diagnose-workflow.js"
import type { ResolvedWorkflow } from "../../../../src/domain/workflow-resolution.js"
import {
  HOSTILE_BOMB_TASK,
  HOSTILE_LOAD_TASK,
  HOSTILE_WORKFLOW,
  HOSTILE_WORKFLOW_RUN,
  hostileWorkflow,
  WF_DB_PASSWORD
} from "../../../support/hostile-workflow-seed.js"
import { fakeToolServices } from "../../../support/test-layer.js"

/**
 * diagnose-workflow-run's use case: which run, which tasks failed and why (the service's error
 * message and the error the log ends with), what did not run because of them, whether the version
 * changed, and what to look at next; a SUCCESS with a FAILED task flagged.
 */

const location = { account: "123456789012", region: "us-east-1" }
const resolved = (name: string, arnSuffix: string): ResolvedWorkflow => ({ arn: workflowArnOf(location, { name, arnSuffix }), name })
const payouts = resolved("payouts-nightly", "Pq7Rs2Tu9W")
const events = resolved("events-hourly", "Ab3Cd4Ef5G")
const hostile = resolved(HOSTILE_WORKFLOW, "Hx0Hx1Hx2H")

const layer = () => {
  const seed = demoSeed()
  return fakeToolServices(
    { ...seed, serverless: { ...seed.serverless!, workflows: [...(seed.serverless?.workflows ?? []), hostileWorkflow()] } },
    { maxRequestsPerSecond: 1000 }
  )
}

const serverlessCalls = Effect.map(
  Effect.flatMap(FakeMwaa, (f) => f.calls),
  (calls) => calls.filter((c) => c.api.startsWith("AmazonMWAAServerless.") || c.api === "GetLogEvents").map((c) => c.api)
)

describe("diagnose-workflow-run's use case", () => {
  it.effect("picks the latest failed run: its failed task, the error its log ends with, the tasks it held back, the version", () =>
    Effect.gen(function* () {
      const d = yield* diagnoseWorkflowRun(payouts, { address: "payouts-nightly" })
      expect(d.picked).toBe("latest_failed")
      expect(d.run).toMatchObject({ run_id: LATEST_PAYOUTS_RUN, state: "failed", workflow_version: PAYOUTS_VERSIONS.latest })
      expect(d.succeeded_with_failed_tasks).toBe(false)
      expect(d.counts).toEqual({ failed: 1, up_for_retry: 0, upstream_failed: 2 })
      expect(d.failed_tasks).toHaveLength(1)
      const [load] = d.failed_tasks
      expect(load).toMatchObject({ task_id: "load_payouts", try_number: 2, state: "failed", status: "FAILED", log_problem: null })
      expect(load?.error?.exception).toMatch(/^psycopg2\.OperationalError: connection to postgresql:\/\/payouts_writer:\*\*\*@/)
      expect(load?.error_message).toMatch(/payouts_writer:\*\*\*@/)
      expect(d.workflow_versions).toMatchObject({ run: PAYOUTS_VERSIONS.latest, latest: PAYOUTS_VERSIONS.latest, changed: false })
      expect(d.next_steps.map((s) => s.next)).toEqual(["read-workflow-task-log", "read-workflow-definition", "rerun-workflow"])
      const text = JSON.stringify(d)
      expect(text).not.toContain(DEMO_DB_PASSWORD)
      expect(text).not.toContain(DEMO_API_TOKEN)
      // One list of runs, the run, its tasks, the failed one, its version's log group, one log page, the versions.
      expect(yield* serverlessCalls).toEqual([
        "AmazonMWAAServerless.ListWorkflowRuns",
        "AmazonMWAAServerless.GetWorkflowRun",
        "AmazonMWAAServerless.ListTaskInstances",
        "AmazonMWAAServerless.GetTaskInstance",
        "AmazonMWAAServerless.GetWorkflow",
        "GetLogEvents",
        "AmazonMWAAServerless.ListWorkflowVersions"
      ])
    }).pipe(Effect.provide(layer()))
  )

  it.effect("flags a run reported SUCCESS whose task FAILED", () =>
    Effect.gen(function* () {
      const d = yield* diagnoseWorkflowRun(payouts, { address: "payouts-nightly", run_id: SUCCESS_WITH_FAILED_TASK_RUN })
      expect(d.picked).toBe("given")
      expect(d.run).toMatchObject({ state: "success", status: "SUCCESS" })
      expect(d.succeeded_with_failed_tasks).toBe(true)
      expect(d.failed_tasks.map((t) => t.task_id)).toEqual(["reconcile_totals"])
      expect(d.failed_tasks[0]?.error_message).toContain("AssertionError: ledger total")
    }).pipe(Effect.provide(layer()))
  )

  it.effect("a workflow without a failed run: its latest run, nothing failed, the run's tasks to look at next", () =>
    Effect.gen(function* () {
      const d = yield* diagnoseWorkflowRun(events, { address: "events-hourly" })
      expect(d).toMatchObject({ picked: "latest", succeeded_with_failed_tasks: false, failed_tasks: [], counts: { failed: 0 } })
      expect(d.run?.run_id).toBe(EVENTS_RUNNING_RUN)
      expect(d.next_steps).toEqual([{ next: "list-workflow-run-tasks", workflow: "events-hourly", run_id: EVENTS_RUNNING_RUN }])
    }).pipe(Effect.provide(layer()))
  )

  it.effect(
    "hostile: first failure first, error messages masked then cut (a 64K one too), parameters masked, at most max_failed_tasks read",
    () =>
      Effect.gen(function* () {
        const started = Date.now()
        const d = yield* diagnoseWorkflowRun(hostile, { address: HOSTILE_WORKFLOW, run_id: HOSTILE_WORKFLOW_RUN })
        expect(Date.now() - started).toBeLessThan(5000)
        expect(d.failed_tasks.map((t) => t.task_instance_id)).toEqual([HOSTILE_LOAD_TASK, HOSTILE_BOMB_TASK])
        expect(d.counts).toEqual({ failed: 2, up_for_retry: 0, upstream_failed: 1 })
        expect(d.failed_tasks[1]?.error_message?.length).toBeLessThanOrEqual(2001)
        expect(d.run?.conf).toEqual({ note: expect.any(String), db_password: "***" })
        expect(JSON.stringify(d)).not.toContain(WF_DB_PASSWORD)
        const one = yield* diagnoseWorkflowRun(hostile, { address: HOSTILE_WORKFLOW, max_failed_tasks: 1 })
        expect(one).toMatchObject({ picked: "latest_failed", failed_tasks_not_read: 1 })
        expect(one.failed_tasks).toHaveLength(1)
      }).pipe(Effect.provide(layer()))
  )

  it.effect("a run that does not exist fails as the service said", () =>
    Effect.gen(function* () {
      const exit = yield* Effect.exit(diagnoseWorkflowRun(payouts, { address: "payouts-nightly", run_id: "no-such-run" }))
      expect(exit).toEqual(Exit.fail(expect.objectContaining({ _tag: "MwaaError", reason: "NotFound" })))
    }).pipe(Effect.provide(layer()))
  )
})
