import { describe, expect, it } from "vitest"
import {
  type Answer,
  answerServerless,
  demoServerlessSeed,
  EVENTS_RUNNING_RUN,
  LATEST_PAYOUTS_RUN,
  makeServerlessState,
  PAYOUTS_RUN_COUNT,
  PAYOUTS_VERSIONS,
  workflowArnOf
} from "../../../../src/adapters/fake-mwaa-serverless/index.js"

const location = { account: "123456789012", region: "us-east-1" }
const PAYOUTS = workflowArnOf(location, { name: "payouts-nightly", arnSuffix: "Pq7Rs2Tu9W" })
const EVENTS = workflowArnOf(location, { name: "events-hourly", arnSuffix: "Ab3Cd4Ef5G" })

const output = (answer: Answer): Record<string, unknown> => {
  if (!answer.ok) throw new Error(`expected an output, got ${answer.error.type}: ${JSON.stringify(answer.error.members)}`)
  return answer.output
}
const error = (answer: Answer) => {
  if (answer.ok) throw new Error(`expected an error, got ${JSON.stringify(answer.output)}`)
  return answer.error
}
const runCount = (state: ReturnType<typeof makeServerlessState>, arn: string) => state.workflows.get(arn)?.runs.size

describe("MWAA Serverless fake: StartWorkflowRun", () => {
  it("starts an on-demand run at the fake's now, listed first and readable", () => {
    const state = makeServerlessState(demoServerlessSeed(), location)
    const started = output(answerServerless(state, "StartWorkflowRun", { WorkflowArn: PAYOUTS }))
    expect(started).toEqual({
      RunId: expect.stringMatching(/^manual-20261125T093000Z-0001$/),
      Status: "STARTING",
      StartedAt: "2026-11-25T09:30:00.000Z"
    })
    const runs = output(answerServerless(state, "ListWorkflowRuns", { WorkflowArn: PAYOUTS, MaxResults: 1 }))["WorkflowRuns"]
    expect(runs).toEqual([
      expect.objectContaining({ RunId: started["RunId"], RunType: "ON_DEMAND", WorkflowVersion: PAYOUTS_VERSIONS.latest })
    ])
    const run = output(answerServerless(state, "GetWorkflowRun", { WorkflowArn: PAYOUTS, RunId: started["RunId"] }))
    expect(run["RunDetail"]).toMatchObject({ RunState: "STARTING", TaskInstances: [] })
  })

  it("a retry with the same ClientToken answers the same run and starts no second one", () => {
    const state = makeServerlessState(demoServerlessSeed(), location)
    const input = { WorkflowArn: PAYOUTS, ClientToken: "retry-1", OverrideParameters: { payout_date: "2026-11-25" } }
    const first = output(answerServerless(state, "StartWorkflowRun", input))
    const second = output(answerServerless(state, "StartWorkflowRun", { ...input }))
    expect(second).toEqual(first)
    expect(runCount(state, PAYOUTS)).toBe(PAYOUTS_RUN_COUNT + 1)
    const other = output(answerServerless(state, "StartWorkflowRun", { ...input, ClientToken: "retry-2" }))
    expect(other["RunId"]).not.toBe(first["RunId"])
    expect(runCount(state, PAYOUTS)).toBe(PAYOUTS_RUN_COUNT + 2)
  })

  it("the same ClientToken with another input is ConflictException 409 and starts nothing", () => {
    const state = makeServerlessState(demoServerlessSeed(), location)
    const first = output(answerServerless(state, "StartWorkflowRun", { WorkflowArn: PAYOUTS, ClientToken: "t-1" }))
    const clash = error(
      answerServerless(state, "StartWorkflowRun", { WorkflowArn: PAYOUTS, ClientToken: "t-1", OverrideParameters: { x: 1 } })
    )
    expect(clash).toEqual({
      type: "ConflictException",
      status: 409,
      members: {
        Message: "ClientToken t-1 was already used with different parameters",
        ResourceId: first["RunId"],
        ResourceType: "WorkflowRun"
      }
    })
    expect(error(answerServerless(state, "StartWorkflowRun", { WorkflowArn: EVENTS, ClientToken: "t-1" })).type).toBe("ConflictException")
    expect(runCount(state, PAYOUTS)).toBe(PAYOUTS_RUN_COUNT + 1)
    expect(runCount(state, EVENTS)).toBe(2)
  })

  it("refuses a malformed ClientToken, an unknown version and an unknown workflow", () => {
    const state = makeServerlessState(demoServerlessSeed(), location)
    expect(error(answerServerless(state, "StartWorkflowRun", { WorkflowArn: PAYOUTS, ClientToken: "has space" })).members).toMatchObject({
      Reason: "fieldValidationFailed",
      FieldList: [{ Name: "ClientToken" }]
    })
    expect(error(answerServerless(state, "StartWorkflowRun", { WorkflowArn: PAYOUTS, WorkflowVersion: "nope" })).type).toBe(
      "ResourceNotFoundException"
    )
    expect(error(answerServerless(state, "StartWorkflowRun", { WorkflowArn: PAYOUTS.replace("Pq7", "Xx7") })).status).toBe(404)
    expect(runCount(state, PAYOUTS)).toBe(PAYOUTS_RUN_COUNT)
  })
})

describe("MWAA Serverless fake: StopWorkflowRun", () => {
  it("moves a running run to STOPPING, and answers the same on a repeat", () => {
    const state = makeServerlessState(demoServerlessSeed(), location)
    const expected = { WorkflowArn: EVENTS, WorkflowVersion: expect.any(String), RunId: EVENTS_RUNNING_RUN, Status: "STOPPING" }
    expect(output(answerServerless(state, "StopWorkflowRun", { WorkflowArn: EVENTS, RunId: EVENTS_RUNNING_RUN }))).toEqual(expected)
    expect(output(answerServerless(state, "StopWorkflowRun", { WorkflowArn: EVENTS, RunId: EVENTS_RUNNING_RUN }))).toEqual(expected)
    const run = output(answerServerless(state, "GetWorkflowRun", { WorkflowArn: EVENTS, RunId: EVENTS_RUNNING_RUN }))
    expect(run["RunDetail"]).toMatchObject({ RunState: "STOPPING", ModifiedAt: "2026-11-25T09:30:00.000Z" })
  })

  it("refuses to stop a run that already ended, and 404s an unknown one", () => {
    const state = makeServerlessState(demoServerlessSeed(), location)
    expect(error(answerServerless(state, "StopWorkflowRun", { WorkflowArn: PAYOUTS, RunId: LATEST_PAYOUTS_RUN }))).toMatchObject({
      type: "ValidationException",
      status: 400,
      members: { Reason: "other" }
    })
    expect(error(answerServerless(state, "StopWorkflowRun", { WorkflowArn: PAYOUTS, RunId: "gone" })).type).toBe(
      "ResourceNotFoundException"
    )
  })
})
