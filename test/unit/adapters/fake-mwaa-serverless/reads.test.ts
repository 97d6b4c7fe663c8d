import { describe, expect, it } from "vitest"
import {
  type Answer,
  answerServerless,
  DEMO_DB_PASSWORD,
  demoServerlessSeed,
  EVENTS_RUNNING_RUN,
  type Input,
  LATEST_PAYOUTS_RUN,
  makeServerlessState,
  PAYOUTS_RUN_COUNT,
  PAYOUTS_VERSIONS,
  type ServerlessOperation,
  SUCCESS_WITH_FAILED_TASK_RUN,
  workflowArnOf
} from "../../../../src/adapters/fake-mwaa-serverless/index.js"

const location = { account: "123456789012", region: "us-east-1" }
const PAYOUTS = workflowArnOf(location, { name: "payouts-nightly", arnSuffix: "Pq7Rs2Tu9W" })
const EVENTS = workflowArnOf(location, { name: "events-hourly", arnSuffix: "Ab3Cd4Ef5G" })

const fresh = () => makeServerlessState(demoServerlessSeed(), location)
const call = (operation: ServerlessOperation, input: Input, state = fresh()) => answerServerless(state, operation, input)

const output = (answer: Answer): Record<string, unknown> => {
  if (!answer.ok) throw new Error(`expected an output, got ${answer.error.type}: ${JSON.stringify(answer.error.members)}`)
  return answer.output
}
const error = (answer: Answer) => {
  if (answer.ok) throw new Error(`expected an error, got ${JSON.stringify(answer.output)}`)
  return answer.error
}

/** Follows NextToken to the end, as a paginator does. */
const allPages = (operation: ServerlessOperation, input: Input, items: string) => {
  const state = fresh()
  const pages: Array<ReadonlyArray<Record<string, unknown>>> = []
  let token: unknown
  do {
    const out = output(call(operation, { ...input, ...(token === undefined ? {} : { NextToken: token }) }, state))
    pages.push(out[items] as ReadonlyArray<Record<string, unknown>>)
    token = out["NextToken"]
  } while (token !== undefined)
  return pages
}

describe("MWAA Serverless fake: workflows", () => {
  it("GetWorkflow answers the latest version with the model's members and the definition's location only", () => {
    const out = output(call("GetWorkflow", { WorkflowArn: PAYOUTS }))
    expect(out).toEqual({
      WorkflowArn: PAYOUTS,
      WorkflowVersion: PAYOUTS_VERSIONS.latest,
      Name: "payouts-nightly",
      Description: "Nightly merchant payouts: ledger extract, transform, load and reconcile",
      CreatedAt: "2026-09-01T12:00:00Z",
      ModifiedAt: "2026-11-10T16:45:00Z",
      EncryptionConfiguration: { Type: "AWS_MANAGED_KEY" },
      LoggingConfiguration: { LogGroupName: "/aws/mwaa-serverless/payouts-nightly" },
      EngineVersion: 1,
      WorkflowStatus: "READY",
      DefinitionS3Location: { Bucket: "demo-workflow-definitions", ObjectKey: "payouts/payouts-nightly.yaml", VersionId: "v2.demo" },
      ScheduleConfiguration: { CronExpression: "0 2 * * *" },
      RoleArn: "arn:aws:iam::123456789012:role/mwaa-serverless-payouts",
      TriggerMode: "SCHEDULE"
    })
    expect(out).not.toHaveProperty("WorkflowDefinition")
  })

  it("GetWorkflow answers an older version when asked, and 404s an unknown one", () => {
    expect(
      output(call("GetWorkflow", { WorkflowArn: PAYOUTS, WorkflowVersion: PAYOUTS_VERSIONS.old }))["DefinitionS3Location"]
    ).toMatchObject({
      VersionId: "v1.demo"
    })
    const missing = error(call("GetWorkflow", { WorkflowArn: PAYOUTS, WorkflowVersion: "f".repeat(32) }))
    expect(missing).toMatchObject({ type: "ResourceNotFoundException", status: 404, members: { ResourceType: "WorkflowVersion" } })
  })

  it("an unknown workflow is ResourceNotFoundException 404 with the model's members", () => {
    const arn = PAYOUTS.replace("Pq7Rs2Tu9W", "Zz9Zz9Zz9Z")
    expect(error(call("GetWorkflow", { WorkflowArn: arn }))).toEqual({
      type: "ResourceNotFoundException",
      status: 404,
      members: { Message: `Workflow ${arn} not found`, ResourceId: arn, ResourceType: "Workflow" }
    })
  })

  it("a malformed ARN or a missing one is ValidationException 400 with Reason and FieldList", () => {
    const bad = error(call("GetWorkflow", { WorkflowArn: "arn:aws:airflow:us-east-1:123456789012:environment/x" }))
    expect(bad.type).toBe("ValidationException")
    expect(bad.status).toBe(400)
    expect(bad.members).toMatchObject({ Reason: "fieldValidationFailed", FieldList: [{ Name: "WorkflowArn" }] })
    expect(String(bad.members["Message"])).toMatch(/^1 validation error detected: Value '.*' at 'workflowArn' failed to satisfy constraint/)
    expect(error(call("ListWorkflowRuns", {})).members["Message"]).toContain("Value null at 'workflowArn'")
  })

  it("ListWorkflows pages by MaxResults and refuses a token it did not issue", () => {
    expect(allPages("ListWorkflows", { MaxResults: 1 }, "Workflows").map((p) => p.map((w) => w["Name"]))).toEqual([
      ["events-hourly"],
      ["payouts-nightly"]
    ])
    expect(error(call("ListWorkflows", { NextToken: "123" })).type).toBe("ValidationException")
    expect(error(call("ListWorkflows", { MaxResults: 101 })).members["FieldList"]).toEqual([
      {
        Name: "MaxResults",
        Message: "Value '101' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100, inclusive"
      }
    ])
  })

  it("ListWorkflowVersions lists newest first and marks the latest", () => {
    const [versions] = allPages("ListWorkflowVersions", { WorkflowArn: PAYOUTS }, "WorkflowVersions")
    expect(versions?.map((v) => [v["WorkflowVersion"], v["IsLatestVersion"]])).toEqual([
      [PAYOUTS_VERSIONS.latest, true],
      [PAYOUTS_VERSIONS.old, false]
    ])
  })
})

describe("MWAA Serverless fake: runs and task instances", () => {
  it("ListWorkflowRuns pages newest first across three default pages, and filters by WorkflowVersion", () => {
    const pages = allPages("ListWorkflowRuns", { WorkflowArn: PAYOUTS }, "WorkflowRuns")
    expect(pages.map((p) => p.length)).toEqual([20, 20, 5])
    const runs = pages.flat()
    expect(new Set(runs.map((r) => r["RunId"])).size).toBe(PAYOUTS_RUN_COUNT)
    expect(runs[0]).toEqual({
      RunId: LATEST_PAYOUTS_RUN,
      WorkflowArn: PAYOUTS,
      WorkflowVersion: PAYOUTS_VERSIONS.latest,
      RunType: "SCHEDULED",
      RunDetailSummary: {
        Status: "FAILED",
        CreatedOn: "2026-11-25T02:00:00Z",
        StartedAt: "2026-11-25T02:01:00Z",
        EndedAt: "2026-11-25T02:14:00Z"
      }
    })
    expect(
      allPages("ListWorkflowRuns", { WorkflowArn: PAYOUTS, WorkflowVersion: PAYOUTS_VERSIONS.latest }, "WorkflowRuns").flat()
    ).toHaveLength(15)
  })

  it("a runs token does not page another workflow's runs", () => {
    const state = fresh()
    const token = output(call("ListWorkflowRuns", { WorkflowArn: PAYOUTS }, state))["NextToken"]
    expect(error(call("ListWorkflowRuns", { WorkflowArn: EVENTS, NextToken: token }, state)).type).toBe("ValidationException")
  })

  it("GetWorkflowRun answers the run detail of the failed latest run", () => {
    const out = output(call("GetWorkflowRun", { WorkflowArn: PAYOUTS, RunId: LATEST_PAYOUTS_RUN }))
    expect(out).toMatchObject({ WorkflowArn: PAYOUTS, RunId: LATEST_PAYOUTS_RUN, RunType: "SCHEDULED" })
    expect(out["RunDetail"]).toMatchObject({
      RunState: "FAILED",
      StartedOn: "2026-11-25T02:01:00Z",
      CompletedOn: "2026-11-25T02:14:00Z",
      Duration: 780,
      ErrorMessage: "Task load_payouts failed after 2 attempts"
    })
    expect((out["RunDetail"] as { TaskInstances: ReadonlyArray<string> }).TaskInstances).toHaveLength(5)
  })

  it("keeps a run reported SUCCESS whose task FAILED as AWS reports it", () => {
    const state = fresh()
    expect(output(call("GetWorkflowRun", { WorkflowArn: PAYOUTS, RunId: SUCCESS_WITH_FAILED_TASK_RUN }, state))["RunDetail"]).toMatchObject(
      {
        RunState: "SUCCESS"
      }
    )
    const tasks = output(call("ListTaskInstances", { WorkflowArn: PAYOUTS, RunId: SUCCESS_WITH_FAILED_TASK_RUN }, state))
    expect((tasks["TaskInstances"] as ReadonlyArray<{ Status: string }>).map((t) => t.Status)).toContain("FAILED")
  })

  it("GetTaskInstance answers status, attempt, error message, log stream and XCom unmasked", () => {
    const state = fresh()
    const listed = output(call("ListTaskInstances", { WorkflowArn: PAYOUTS, RunId: LATEST_PAYOUTS_RUN, MaxResults: 2 }, state))
    expect(listed["TaskInstances"]).toHaveLength(2)
    expect(listed["NextToken"]).toBeTypeOf("string")
    const failed = `load_payouts-${LATEST_PAYOUTS_RUN.slice(-16)}`
    const out = output(call("GetTaskInstance", { WorkflowArn: PAYOUTS, RunId: LATEST_PAYOUTS_RUN, TaskInstanceId: failed }, state))
    expect(out).toMatchObject({ TaskId: "load_payouts", Status: "FAILED", AttemptNumber: 2, OperatorName: "SQLExecuteQueryOperator" })
    expect(out["ErrorMessage"]).toContain(DEMO_DB_PASSWORD)
    expect(out["Xcom"]).toMatchObject({ db_password: DEMO_DB_PASSWORD, rows_loaded: "0" })
    expect(out["LogStream"]).toBe(`workflow.payouts-nightly.${LATEST_PAYOUTS_RUN}.load_payouts.attempt-2`)
  })

  it("an unknown run or task instance is ResourceNotFoundException", () => {
    expect(error(call("GetWorkflowRun", { WorkflowArn: EVENTS, RunId: "nope" })).members).toMatchObject({ ResourceType: "WorkflowRun" })
    expect(
      error(call("GetTaskInstance", { WorkflowArn: EVENTS, RunId: EVENTS_RUNNING_RUN, TaskInstanceId: "nope" })).members
    ).toMatchObject({
      ResourceType: "TaskInstance"
    })
  })
})
