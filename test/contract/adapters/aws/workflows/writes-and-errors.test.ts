import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { toMwaaError } from "../../../../../src/adapters/aws/index.js"
import {
  ConflictException,
  InternalServerException,
  OperationTimeoutException,
  ServiceQuotaExceededException,
  ThrottlingException
} from "../../../../../src/adapters/aws/mwaa-serverless-client/index.js"
import { EVENTS_RUNNING_RUN, LATEST_PAYOUTS_RUN, PAYOUTS_RUN_COUNT } from "../../../../../src/adapters/fake-mwaa-serverless/index.js"
import { EVENTS, PAYOUTS, workflowsOverHttpFake } from "./harness.js"

/**
 * The Workflows port's writes on AWS against the HTTP fake, and the model's errors as MwaaError
 * reasons: one attempt per call (the domain's retry policy retries, not the SDK).
 */
const { fake, workflows } = workflowsOverHttpFake()

const runsOfPayouts = () => fake().world(fake().account, fake().region).serverless.workflows.get(PAYOUTS)?.runs.size

describe("Workflows on AWS, writes against the HTTP fake", () => {
  it.effect("startRun twice with the same client token starts one run: the retry answers the same run id", () =>
    Effect.gen(function* () {
      const first = yield* workflows().startRun(PAYOUTS, {
        client_token: "aws-adapter-retry-1",
        override_parameters: { day: "2026-11-25" }
      })
      const retry = yield* workflows().startRun(PAYOUTS, {
        client_token: "aws-adapter-retry-1",
        override_parameters: { day: "2026-11-25" }
      })
      expect(first).toMatchObject({ status: "STARTING" })
      expect(first.started_at).toMatch(/Z$/)
      expect(retry).toEqual(first)
      expect(runsOfPayouts()).toBe(PAYOUTS_RUN_COUNT + 1)
      const run = yield* workflows().getRun(PAYOUTS, first.run_id)
      expect(run.override_parameters).toEqual({ day: "2026-11-25" })
      expect(
        fake()
          .requests()
          .map((r) => [r.operation, r.signingService])
      ).toEqual([
        ["AmazonMWAAServerless.StartWorkflowRun", "airflow-serverless"],
        ["AmazonMWAAServerless.StartWorkflowRun", "airflow-serverless"],
        ["AmazonMWAAServerless.GetWorkflowRun", "airflow-serverless"]
      ])
    })
  )

  it.effect("the same client token with other input is ConflictException: Validation, the service's message kept", () =>
    Effect.gen(function* () {
      yield* workflows().startRun(PAYOUTS, { client_token: "aws-adapter-clash" })
      const clash = yield* Effect.flip(workflows().startRun(PAYOUTS, { client_token: "aws-adapter-clash", override_parameters: { a: 1 } }))
      expect(clash).toMatchObject({ _tag: "MwaaError", reason: "Validation", operation: "StartWorkflowRun" })
      expect(clash.message).toContain("ConflictException: ClientToken aws-adapter-clash was already used with different parameters")
    })
  )

  it.effect("stopRun: a running run is STOPPING, and again STOPPING; an ended run is Validation", () =>
    Effect.gen(function* () {
      expect(yield* workflows().stopRun(EVENTS, EVENTS_RUNNING_RUN)).toEqual({ run_id: EVENTS_RUNNING_RUN, status: "STOPPING" })
      expect(yield* workflows().stopRun(EVENTS, EVENTS_RUNNING_RUN)).toEqual({ run_id: EVENTS_RUNNING_RUN, status: "STOPPING" })
      expect(yield* Effect.flip(workflows().stopRun(PAYOUTS, LATEST_PAYOUTS_RUN))).toMatchObject({
        reason: "Validation",
        operation: "StopWorkflowRun"
      })
    })
  )
})

describe("Workflows on AWS, errors against the HTTP fake", () => {
  it.effect("an unknown run or workflow is NotFound", () =>
    Effect.gen(function* () {
      const run = yield* Effect.flip(workflows().getRun(PAYOUTS, "no-such-run"))
      expect(run).toMatchObject({ reason: "NotFound", operation: "GetWorkflowRun" })
      expect(run.message).toContain("WorkflowRun no-such-run not found")
      const workflow = yield* Effect.flip(workflows().get(PAYOUTS.replace("Pq7Rs2Tu9W", "Zz9Zz9Zz9Z")))
      expect(workflow).toMatchObject({ reason: "NotFound", operation: "GetWorkflow" })
    })
  )

  it.effect("a page size the model refuses is Validation", () =>
    Effect.gen(function* () {
      expect(yield* Effect.flip(workflows().list({ max_results: 0 }))).toMatchObject({ reason: "Validation", operation: "ListWorkflows" })
    })
  )

  it.effect("throttling (429 ThrottlingException) is Throttled after one request: the SDK does not retry", () =>
    Effect.gen(function* () {
      fake().throttleNext(1, { api: "AmazonMWAAServerless.ListWorkflows" })
      expect(yield* Effect.flip(workflows().list({ max_results: 10 }))).toMatchObject({ reason: "Throttled", operation: "ListWorkflows" })
      expect(
        fake()
          .requests()
          .map((r) => [r.operation, r.status])
      ).toEqual([["AmazonMWAAServerless.ListWorkflows", 429]])
      expect((yield* workflows().list({ max_results: 10 })).items).toHaveLength(2)
    })
  )

  it.effect("InternalServerException (500) is Unavailable, OperationTimeoutException (504) is Timeout, each one request", () =>
    Effect.gen(function* () {
      fake().failNext(1, { status: 500, api: "AmazonMWAAServerless.GetWorkflow" })
      fake().failNext(1, { status: 504, api: "AmazonMWAAServerless.GetWorkflow" })
      expect(yield* Effect.flip(workflows().get(PAYOUTS))).toMatchObject({ reason: "Unavailable", operation: "GetWorkflow" })
      expect(yield* Effect.flip(workflows().get(PAYOUTS))).toMatchObject({ reason: "Timeout", operation: "GetWorkflow" })
      expect(
        fake()
          .requests()
          .map((r) => r.status)
      ).toEqual([500, 504])
    })
  )
})

describe("toMwaaError on MWAA Serverless's modelled errors", () => {
  const metadata = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } })
  it.each([
    ["ConflictException", new ConflictException({ message: "run already stopping", ...metadata(409) }), "Validation"],
    [
      "ServiceQuotaExceededException (a quota, not a rate: not retried)",
      new ServiceQuotaExceededException({ message: "Too many concurrent runs", ...metadata(402) }),
      "Validation"
    ],
    ["ThrottlingException", new ThrottlingException({ message: "Rate exceeded", ...metadata(429) }), "Throttled"],
    ["InternalServerException", new InternalServerException({ message: "Internal server error", ...metadata(500) }), "Unavailable"],
    ["OperationTimeoutException", new OperationTimeoutException({ message: "The operation timed out", ...metadata(504) }), "Timeout"]
  ] as const)("%s → %s", (_, error, reason) => {
    const mapped = toMwaaError("StartWorkflowRun")(error)
    expect(mapped).toMatchObject({ reason, operation: "StartWorkflowRun" })
    expect(mapped.message).toBe(`${error.name}: ${error.message}`)
  })
})
