import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import {
  demoServerlessSeed,
  EVENTS_RUNNING_RUN,
  LATEST_PAYOUTS_RUN,
  PAYOUTS_RUN_COUNT
} from "../../../../src/adapters/fake-mwaa-serverless/index.js"
import { FakeMwaa } from "../../../../src/adapters/fake-mwaa/index.js"
import { NotConfirmed } from "../../../../src/domain/confirmation.js"
import { runToStop, startWorkflowRun, stopWorkflowRun } from "../../../../src/domain/usecases/workflow-writes.js"
import { CLIENT_TOKEN, canonicalJson, derivedClientToken } from "../../../../src/domain/workflow-client-token.js"
import { resolveWorkflow } from "../../../../src/domain/workflow-resolution.js"
import { Workflows } from "../../../../src/ports/Workflows.js"
import { AppConfig } from "../../../../src/ports/AppConfig.js"

/**
 * The workflow write use cases on the in-memory fake (the same handlers the HTTP fake serves): a
 * start without a token derives one from the call, so the same call starts one run; a stop reads
 * the run first and sends nothing for one that ended or that nobody confirmed.
 */

const layer = () => Layer.merge(FakeMwaa.layer({ environments: [], serverless: demoServerlessSeed() }), AppConfig.make({}))

const runCount = (name: string) =>
  Effect.gen(function* () {
    const wf = yield* resolveWorkflow(name)
    let count = 0
    let token: string | undefined
    do {
      const page = yield* (yield* Workflows).listRuns(wf.arn, { max_results: 100, next_token: token })
      count += page.items.length
      token = page.next_token ?? undefined
    } while (token !== undefined)
    return count
  })

const sent = (operation: string) =>
  Effect.map(
    Effect.flatMap(FakeMwaa, (f) => f.calls),
    (calls) => calls.filter((c) => c.api === `AmazonMWAAServerless.${operation}`)
  )

describe("derivedClientToken", () => {
  const arn = "arn:aws:airflow-serverless:us-east-1:123456789012:workflow/payouts-nightly-Pq7Rs2Tu9W"
  const at = Date.parse("2026-11-25T09:31:10Z")

  it.effect("is the same for the same call in one 5-minute window, parameters in any order, and a valid IdempotencyTokenString", () =>
    Effect.gen(function* () {
      const one = yield* derivedClientToken(arn, { override_parameters: { day: "2026-11-25", batch: { size: 2, mode: "x" } } }, at)
      const same = yield* derivedClientToken(
        arn,
        { override_parameters: { batch: { mode: "x", size: 2 }, day: "2026-11-25" } },
        Date.parse("2026-11-25T09:34:59Z")
      )
      expect(same).toBe(one)
      expect(one).toMatch(/^mcp-20261125T0930Z-[0-9a-f]{32}$/)
      expect(CLIENT_TOKEN.test(one)).toBe(true)
    })
  )

  it.effect("differs with the workflow, the version, the parameters and the window, and never shows a parameter", () =>
    Effect.gen(function* () {
      const base = yield* derivedClientToken(arn, { override_parameters: { password: "hunter2-secret" } }, at)
      const others = [
        yield* derivedClientToken(arn.replace("Pq7Rs2Tu9W", "Zz9Zz9Zz9Z"), { override_parameters: { password: "hunter2-secret" } }, at),
        yield* derivedClientToken(arn, { version: "v2", override_parameters: { password: "hunter2-secret" } }, at),
        yield* derivedClientToken(arn, { override_parameters: { password: "other" } }, at),
        yield* derivedClientToken(arn, {}, at),
        yield* derivedClientToken(arn, { override_parameters: {} }, at),
        yield* derivedClientToken(arn, { override_parameters: { password: "hunter2-secret" } }, Date.parse("2026-11-25T09:35:00Z"))
      ]
      expect(new Set([base, ...others]).size).toBe(7)
      expect(base).not.toContain("hunter2")
    })
  )

  it("canonicalJson sorts keys at every depth and keeps arrays in order", () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}')
  })
})

describe("startWorkflowRun", () => {
  it.effect("the same call twice without a token starts one run, and says which token it used", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse("2026-11-25T09:30:00Z"))
      const wf = yield* resolveWorkflow("payouts-nightly")
      const first = yield* startWorkflowRun(wf, { override_parameters: { day: "2026-11-25", retry: true } })
      yield* TestClock.adjust("2 minutes")
      const again = yield* startWorkflowRun(wf, { override_parameters: { retry: true, day: "2026-11-25" } })
      expect(again.run_id).toBe(first.run_id)
      expect(again.client_token).toBe(first.client_token)
      expect(first).toMatchObject({ workflow: "payouts-nightly", state: "queued", status: "STARTING", client_token_derived: true })
      expect(yield* runCount("payouts-nightly")).toBe(PAYOUTS_RUN_COUNT + 1)
      // A deliberate re-run in a later window is a new run.
      yield* TestClock.adjust("5 minutes")
      const later = yield* startWorkflowRun(wf, { override_parameters: { day: "2026-11-25", retry: true } })
      expect(later.run_id).not.toBe(first.run_id)
      expect(yield* runCount("payouts-nightly")).toBe(PAYOUTS_RUN_COUNT + 2)
    }).pipe(Effect.provide(layer()))
  )

  it.effect("a given token is sent as it is; reused with other parameters it is a ClientTokenConflict, and nothing starts", () =>
    Effect.gen(function* () {
      const wf = yield* resolveWorkflow("payouts-nightly")
      const first = yield* startWorkflowRun(wf, { client_token: "rerun-2026-11-25", override_parameters: { day: "2026-11-25" } })
      expect(first).toMatchObject({ client_token: "rerun-2026-11-25", client_token_derived: false })
      const retry = yield* startWorkflowRun(wf, { client_token: "rerun-2026-11-25", override_parameters: { day: "2026-11-25" } })
      expect(retry.run_id).toBe(first.run_id)
      const clash = yield* Effect.flip(
        startWorkflowRun(wf, { client_token: "rerun-2026-11-25", override_parameters: { day: "2026-11-26" } })
      )
      expect(clash).toMatchObject({ _tag: "ClientTokenConflict", client_token: "rerun-2026-11-25", derived: false })
      expect(clash.message).toContain("already used")
      expect(yield* runCount("payouts-nightly")).toBe(PAYOUTS_RUN_COUNT + 1)
      expect((yield* sent("StartWorkflowRun")).map((c) => (c.body as { ClientToken: string }).ClientToken)).toEqual([
        "rerun-2026-11-25",
        "rerun-2026-11-25",
        "rerun-2026-11-25"
      ])
    }).pipe(Effect.provide(layer()))
  )
})

describe("stopWorkflowRun", () => {
  it.effect("stops a running run once confirmed, answering what it was", () =>
    Effect.gen(function* () {
      const wf = yield* resolveWorkflow("events-hourly")
      const stopped = yield* stopWorkflowRun(wf, EVENTS_RUNNING_RUN, Effect.void)
      expect(stopped).toMatchObject({
        run_id: EVENTS_RUNNING_RUN,
        status: "STOPPING",
        state: "running",
        previous_status: "RUNNING",
        previous_state: "running"
      })
      expect(yield* sent("StopWorkflowRun")).toHaveLength(1)
    }).pipe(Effect.provide(layer()))
  )

  it.effect("sends no stop when nobody confirmed, nor for a run that already ended, whatever was confirmed", () =>
    Effect.gen(function* () {
      const events = yield* resolveWorkflow("events-hourly")
      const refused = yield* Effect.flip(stopWorkflowRun(events, EVENTS_RUNNING_RUN, new NotConfirmed({ target: EVENTS_RUNNING_RUN })))
      expect(refused._tag).toBe("NotConfirmed")
      const payouts = yield* resolveWorkflow("payouts-nightly")
      const ended = yield* Effect.flip(stopWorkflowRun(payouts, LATEST_PAYOUTS_RUN, Effect.void))
      expect(ended).toMatchObject({ _tag: "WorkflowRunEnded", run_id: LATEST_PAYOUTS_RUN, status: "FAILED", state: "failed" })
      expect(yield* Effect.flip(runToStop(payouts, LATEST_PAYOUTS_RUN))).toMatchObject({ _tag: "WorkflowRunEnded" })
      expect(yield* sent("StopWorkflowRun")).toEqual([])
    }).pipe(Effect.provide(layer()))
  )
})
