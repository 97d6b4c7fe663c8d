import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import {
  DEMO_DB_PASSWORD,
  LATEST_PAYOUTS_RUN,
  PAYOUTS_RUN_COUNT,
  workflowArnOf
} from "../../../../src/adapters/fake-mwaa-serverless/index.js"
import { type HttpFake, signedFetch, startHttpFake } from "../../../support/http-fake/index.js"
import { tinySeed } from "../../../support/tiny-seed.js"

/** MWAA Serverless (awsJson1_0) on the wire, with raw requests signed for `airflow-serverless`. */
let fake: HttpFake

beforeAll(async () => {
  fake = await startHttpFake({ seed: tinySeed() })
})

afterAll(() => fake.close())

afterEach(() => {
  fake.reset()
  fake.clearRequests()
})

const PAYOUTS = workflowArnOf({ account: "123456789012", region: "us-east-1" }, { name: "payouts-nightly", arnSuffix: "Pq7Rs2Tu9W" })

const call = async (operation: string, input: Record<string, unknown>, service = "airflow-serverless") => {
  const response = await signedFetch(fake.url, {
    service,
    method: "POST",
    path: "/",
    headers: { "x-amz-target": `AmazonMWAAServerless.${operation}`, "content-type": "application/x-amz-json-1.0" },
    body: JSON.stringify(input)
  })
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> }
}

describe("HTTP fake: MWAA Serverless awsJson1_0", () => {
  it("answers GetWorkflow as application/x-amz-json-1.0 with a request id", async () => {
    const { status, headers, body } = await call("GetWorkflow", { WorkflowArn: PAYOUTS })
    expect(status).toBe(200)
    expect(headers.get("content-type")).toBe("application/x-amz-json-1.0")
    expect(headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/)
    expect(body).toMatchObject({
      WorkflowArn: PAYOUTS,
      Name: "payouts-nightly",
      DefinitionS3Location: { Bucket: "demo-workflow-definitions", ObjectKey: "payouts/payouts-nightly.yaml" }
    })
  })

  it("pages ListWorkflowRuns through NextToken, and reads the failed task's XCom as stored", async () => {
    const seen: Array<string> = []
    let token: string | undefined
    do {
      const { body } = await call("ListWorkflowRuns", { WorkflowArn: PAYOUTS, ...(token === undefined ? {} : { NextToken: token }) })
      seen.push(...body["WorkflowRuns"].map((r: { RunId: string }) => r.RunId))
      token = body["NextToken"]
    } while (token !== undefined)
    expect(seen).toHaveLength(PAYOUTS_RUN_COUNT)
    expect(seen[0]).toBe(LATEST_PAYOUTS_RUN)
    const tasks = await call("ListTaskInstances", { WorkflowArn: PAYOUTS, RunId: LATEST_PAYOUTS_RUN })
    const failed = tasks.body["TaskInstances"].find((t: { Status: string }) => t.Status === "FAILED")
    const task = await call("GetTaskInstance", { WorkflowArn: PAYOUTS, RunId: LATEST_PAYOUTS_RUN, TaskInstanceId: failed.TaskInstanceId })
    expect(task.body["Xcom"]["db_password"]).toBe(DEMO_DB_PASSWORD)
  })

  it("answers the model's errors with __type, Message and the httpError status", async () => {
    const missing = await call("GetWorkflowRun", { WorkflowArn: PAYOUTS, RunId: "nope" })
    expect(missing.status).toBe(404)
    expect(missing.body).toEqual({
      __type: "ResourceNotFoundException",
      Message: "WorkflowRun nope not found",
      ResourceId: "nope",
      ResourceType: "WorkflowRun"
    })
    const invalid = await call("ListWorkflows", { MaxResults: 0 })
    expect(invalid.status).toBe(400)
    expect(invalid.body).toMatchObject({ __type: "ValidationException", Reason: "fieldValidationFailed" })
    const unknown = await call("CreateWorkflow", {})
    expect(unknown.status).toBe(400)
    expect(unknown.body["__type"]).toBe("UnknownOperationException")
  })

  it("starts one run for a retried ClientToken, and answers a clash as ConflictException 409", async () => {
    const first = await call("StartWorkflowRun", { WorkflowArn: PAYOUTS, ClientToken: "wire-retry-1" })
    const retry = await call("StartWorkflowRun", { WorkflowArn: PAYOUTS, ClientToken: "wire-retry-1" })
    expect(first.status).toBe(200)
    expect(retry.body).toEqual(first.body)
    expect(first.body).toMatchObject({ Status: "STARTING" })
    expect(fake.world(fake.account, fake.region).serverless.workflows.get(PAYOUTS)?.runs.size).toBe(PAYOUTS_RUN_COUNT + 1)
    const clash = await call("StartWorkflowRun", { WorkflowArn: PAYOUTS, ClientToken: "wire-retry-1", WorkflowVersion: "other" })
    expect(clash.status).toBe(409)
    expect(clash.body["__type"]).toBe("ConflictException")
  })

  it("throttles as the model's ThrottlingException (429) when a fault is injected", async () => {
    fake.throttleNext(1, { api: "AmazonMWAAServerless.ListWorkflows" })
    const throttled = await call("ListWorkflows", {})
    expect(throttled.status).toBe(429)
    expect(throttled.headers.get("content-type")).toBe("application/x-amz-json-1.0")
    expect(throttled.body).toMatchObject({ __type: "ThrottlingException", Message: "Rate exceeded" })
    expect((await call("ListWorkflows", {})).status).toBe(200)
    expect(fake.requests().map((r) => [r.operation, r.status, r.fault])).toEqual([
      ["AmazonMWAAServerless.ListWorkflows", 429, "throttle"],
      ["AmazonMWAAServerless.ListWorkflows", 200, undefined]
    ])
  })

  it("answers an injected 5xx as the model's InternalServerException or OperationTimeoutException", async () => {
    fake.failNext(1, { status: 500, api: "AmazonMWAAServerless.GetWorkflow" })
    fake.failNext(1, { status: 504, api: "AmazonMWAAServerless.GetWorkflow" })
    const failed = await call("GetWorkflow", { WorkflowArn: PAYOUTS })
    expect([failed.status, failed.body["__type"]]).toEqual([500, "InternalServerException"])
    const timedOut = await call("GetWorkflow", { WorkflowArn: PAYOUTS })
    expect([timedOut.status, timedOut.body["__type"]]).toEqual([504, "OperationTimeoutException"])
  })

  it("refuses a request signed for another service, before anything runs", async () => {
    const wrong = await call("ListWorkflows", {}, "airflow")
    expect(wrong.status).toBe(403)
    expect(wrong.body["__type"]).toBe("InvalidSignatureException")
  })

  it("logs each call with its AmazonMWAAServerless target, signed for airflow-serverless", async () => {
    await call("ListWorkflows", {})
    await call("GetWorkflow", { WorkflowArn: PAYOUTS })
    expect(fake.requests()).toEqual([
      expect.objectContaining({
        service: "airflow-serverless",
        signingService: "airflow-serverless",
        operation: "AmazonMWAAServerless.ListWorkflows",
        account: "123456789012",
        region: "us-east-1",
        httpMethod: "POST",
        httpPath: "/",
        status: 200
      }),
      expect.objectContaining({ operation: "AmazonMWAAServerless.GetWorkflow", signingService: "airflow-serverless", status: 200 })
    ])
  })
})
