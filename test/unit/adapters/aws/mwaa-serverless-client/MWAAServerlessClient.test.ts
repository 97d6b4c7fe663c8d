import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest"
import {
  GetTaskInstanceCommand,
  GetWorkflowCommand,
  GetWorkflowRunCommand,
  ListTaskInstancesCommand,
  ListWorkflowRunsCommand,
  ListWorkflowsCommand,
  ListWorkflowVersionsCommand,
  MWAAServerlessClient,
  MWAAServerlessServiceException,
  ResourceNotFoundException,
  StartWorkflowRunCommand,
  StopWorkflowRunCommand,
  ThrottlingException,
  ValidationException
} from "../../../../../src/adapters/aws/mwaa-serverless-client/index.js"
import { type Answer, type SeenRequest, startLoopback } from "./loopback-server.js"

/**
 * The MWAA Serverless client against a loopback server: each command is POST / with the model's
 * X-Amz-Target and awsJson1_0's content type, signed SigV4 for airflow-serverless in the client's
 * region, its input as the JSON body; answers are read as the model says (date-time timestamps) and
 * error answers become the model's typed errors.
 */

const ARN = "arn:aws:airflow-serverless:eu-west-1:123456789012:workflow/payouts-abcdefghij"
const credentials = { accessKeyId: "AKIDLOOPBACK", secretAccessKey: "loopback-secret" }

let answers: Record<string, Answer> = {}
let server: Awaited<ReturnType<typeof startLoopback>>
const targetOf = (request: SeenRequest) => String(request.headers["x-amz-target"])
const ok = (body: unknown): Answer => ({ status: 200, body })

beforeAll(async () => {
  server = await startLoopback((request) => answers[targetOf(request)] ?? ok({}))
})
afterAll(() => server.close())
beforeEach(() => {
  answers = {}
  server.seen.length = 0
  // Only the client's own config applies: no profile, region or endpoint from the shell.
  vi.stubEnv("AWS_CONFIG_FILE", "/dev/null")
  vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
  return () => vi.unstubAllEnvs()
})

const client = () => new MWAAServerlessClient({ region: "eu-west-1", endpoint: server.endpoint, credentials, maxAttempts: 1 })

const COMMANDS = [
  ["GetWorkflow", new GetWorkflowCommand({ WorkflowArn: ARN }), { WorkflowArn: ARN }],
  ["ListWorkflows", new ListWorkflowsCommand({ MaxResults: 5, NextToken: "t1" }), { MaxResults: 5, NextToken: "t1" }],
  ["ListWorkflowVersions", new ListWorkflowVersionsCommand({ WorkflowArn: ARN }), { WorkflowArn: ARN }],
  ["GetWorkflowRun", new GetWorkflowRunCommand({ WorkflowArn: ARN, RunId: "r1" }), { WorkflowArn: ARN, RunId: "r1" }],
  ["ListWorkflowRuns", new ListWorkflowRunsCommand({ WorkflowArn: ARN, MaxResults: 2 }), { WorkflowArn: ARN, MaxResults: 2 }],
  [
    "GetTaskInstance",
    new GetTaskInstanceCommand({ WorkflowArn: ARN, RunId: "r1", TaskInstanceId: "t-9" }),
    { WorkflowArn: ARN, TaskInstanceId: "t-9", RunId: "r1" }
  ],
  ["ListTaskInstances", new ListTaskInstancesCommand({ WorkflowArn: ARN, RunId: "r1" }), { WorkflowArn: ARN, RunId: "r1" }],
  [
    "StartWorkflowRun",
    new StartWorkflowRunCommand({ WorkflowArn: ARN, ClientToken: "retry-safe-1", OverrideParameters: { day: "2026-12-05" } }),
    { WorkflowArn: ARN, ClientToken: "retry-safe-1", OverrideParameters: { day: "2026-12-05" } }
  ],
  ["StopWorkflowRun", new StopWorkflowRunCommand({ WorkflowArn: ARN, RunId: "r1" }), { WorkflowArn: ARN, RunId: "r1" }]
] as const

describe("MWAAServerlessClient on the wire (awsJson1_0)", () => {
  it.each(COMMANDS)(
    "%s: POST / with its target, content type, SigV4 for airflow-serverless and its input as JSON",
    async (name, command, body) => {
      await client().send(command as never)
      const request = server.seen[0]!
      expect(request).toMatchObject({ method: "POST", url: "/" })
      expect(request.headers["x-amz-target"]).toBe(`AmazonMWAAServerless.${name}`)
      expect(request.headers["content-type"]).toBe("application/x-amz-json-1.0")
      expect(request.headers["authorization"]).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDLOOPBACK\/\d{8}\/eu-west-1\/airflow-serverless\/aws4_request, SignedHeaders=.*x-amz-target/
      )
      expect(JSON.parse(request.body)).toEqual(body)
    }
  )

  it("StartWorkflowRun without a ClientToken gets one from the SDK (the model's idempotencyToken)", async () => {
    await client().send(new StartWorkflowRunCommand({ WorkflowArn: ARN }))
    expect(JSON.parse(server.seen[0]!.body).ClientToken).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe("MWAAServerlessClient reads the model's outputs", () => {
  it("GetWorkflowRun: date-time timestamps as Dates, the run's task instances and state", async () => {
    answers["AmazonMWAAServerless.GetWorkflowRun"] = ok({
      WorkflowArn: ARN,
      RunId: "r1",
      RunType: "ON_DEMAND",
      RunDetail: {
        StartedOn: "2026-12-05T04:00:00Z",
        CompletedOn: "2026-12-05T04:01:30.5Z",
        Duration: 90,
        RunState: "FAILED",
        TaskInstances: ["a", "b"]
      }
    })
    const out = await client().send(new GetWorkflowRunCommand({ WorkflowArn: ARN, RunId: "r1" }))
    expect(out.RunDetail?.StartedOn).toEqual(new Date("2026-12-05T04:00:00Z"))
    expect(out.RunDetail?.CompletedOn).toEqual(new Date("2026-12-05T04:01:30.500Z"))
    expect(out.RunDetail).toMatchObject({ Duration: 90, RunState: "FAILED", TaskInstances: ["a", "b"] })
    expect(out.$metadata.httpStatusCode).toBe(200)
  })

  it("GetTaskInstance: attempt, error message, log stream and XCom", async () => {
    answers["AmazonMWAAServerless.GetTaskInstance"] = ok({
      WorkflowArn: ARN,
      RunId: "r1",
      TaskInstanceId: "t-9",
      Status: "FAILED",
      AttemptNumber: 2,
      ErrorMessage: "boom",
      LogStream: "workflow/payouts/r1/t-9",
      Xcom: { return_value: "42" },
      EndedAt: "2026-12-05T04:02:00Z"
    })
    const out = await client().send(new GetTaskInstanceCommand({ WorkflowArn: ARN, RunId: "r1", TaskInstanceId: "t-9" }))
    expect(out).toMatchObject({
      Status: "FAILED",
      AttemptNumber: 2,
      ErrorMessage: "boom",
      LogStream: "workflow/payouts/r1/t-9",
      Xcom: { return_value: "42" }
    })
    expect(out.EndedAt).toEqual(new Date("2026-12-05T04:02:00Z"))
  })

  it("ListWorkflowRuns and ListWorkflows: pages of summaries and the next token", async () => {
    answers["AmazonMWAAServerless.ListWorkflowRuns"] = ok({
      WorkflowRuns: [{ RunId: "r1", RunDetailSummary: { Status: "SUCCESS", StartedAt: "2026-12-05T03:00:00Z" } }],
      NextToken: "more"
    })
    answers["AmazonMWAAServerless.ListWorkflows"] = ok({ Workflows: [{ WorkflowArn: ARN, Name: "payouts", WorkflowStatus: "READY" }] })
    const runs = await client().send(new ListWorkflowRunsCommand({ WorkflowArn: ARN }))
    expect(runs.NextToken).toBe("more")
    expect(runs.WorkflowRuns?.[0]?.RunDetailSummary?.StartedAt).toEqual(new Date("2026-12-05T03:00:00Z"))
    const workflows = await client().send(new ListWorkflowsCommand({}))
    expect(workflows.Workflows).toEqual([{ WorkflowArn: ARN, Name: "payouts", WorkflowStatus: "READY" }])
  })

  it("GetWorkflow: the definition's S3 location, role and schedule", async () => {
    answers["AmazonMWAAServerless.GetWorkflow"] = ok({
      WorkflowArn: ARN,
      DefinitionS3Location: { Bucket: "b", ObjectKey: "payouts.yaml" },
      RoleArn: "arn:aws:iam::123456789012:role/r",
      ScheduleConfiguration: { CronExpression: "0 3 * * *" },
      EngineVersion: 1
    })
    const out = await client().send(new GetWorkflowCommand({ WorkflowArn: ARN }))
    expect(out).toMatchObject({
      DefinitionS3Location: { Bucket: "b", ObjectKey: "payouts.yaml" },
      ScheduleConfiguration: { CronExpression: "0 3 * * *" },
      EngineVersion: 1
    })
  })
})

describe("MWAAServerlessClient errors", () => {
  const failing = async (answer: Answer) => {
    answers["AmazonMWAAServerless.GetWorkflowRun"] = answer
    return client()
      .send(new GetWorkflowRunCommand({ WorkflowArn: ARN, RunId: "r1" }))
      .then(
        () => expect.unreachable("the command should fail"),
        (error: unknown) => error
      )
  }

  it("a 400 with __type ThrottlingException is the typed ThrottlingException, with the model's members", async () => {
    const error = await failing({
      status: 400,
      body: { __type: "com.amazonaws.mwaaserverless#ThrottlingException", message: "Rate exceeded", QuotaCode: "q-1" }
    })
    expect(error).toBeInstanceOf(ThrottlingException)
    expect(error).toMatchObject({ name: "ThrottlingException", message: "Rate exceeded", QuotaCode: "q-1", $fault: "client" })
  })

  it("the error type in x-amzn-errortype names the error when the body does not", async () => {
    const error = await failing({
      status: 404,
      headers: { "x-amzn-errortype": "ResourceNotFoundException:http://internal.amazon.com/" },
      body: { Message: "no run r1", ResourceId: "r1" }
    })
    expect(error).toBeInstanceOf(ResourceNotFoundException)
    expect(error).toMatchObject({ message: "no run r1", ResourceId: "r1" })
  })

  it("ValidationException carries its reason and field list", async () => {
    const error = await failing({
      status: 400,
      body: {
        __type: "ValidationException",
        Message: "bad",
        Reason: "FIELD_VALIDATION_FAILED",
        FieldList: [{ Name: "RunId", Message: "too long" }]
      }
    })
    expect(error).toBeInstanceOf(ValidationException)
    expect(error).toMatchObject({ Reason: "FIELD_VALIDATION_FAILED", FieldList: [{ Name: "RunId", Message: "too long" }] })
  })

  it("an error type the model lacks, or none at all, is still a service exception, never a SyntaxError", async () => {
    const unknown = await failing({ status: 400, body: { __type: "UnrecognizedClientException", message: "who?" } })
    expect(unknown).toBeInstanceOf(MWAAServerlessServiceException)
    expect(unknown).toMatchObject({ name: "UnrecognizedClientException", message: "who?" })
    const unnamed = await failing({ status: 502, body: "<html>Bad Gateway</html>" })
    expect(unnamed).toBeInstanceOf(MWAAServerlessServiceException)
    expect((unnamed as MWAAServerlessServiceException).$metadata.httpStatusCode).toBe(502)
  })
})

describe("MWAAServerlessClient endpoints, from the model's rule set", () => {
  /** Where a command would go: the request handler records the request and stops there, nothing leaves the process. */
  const hostFor = async (config: { region: string; useFipsEndpoint?: boolean }) => {
    const requests: Array<{ protocol: string; hostname: string }> = []
    const requestHandler = {
      handle: async (request: { protocol: string; hostname: string }) => {
        requests.push(request)
        throw new Error("recorded")
      }
    }
    const stopped = new MWAAServerlessClient({ ...config, credentials, maxAttempts: 1, requestHandler: requestHandler as never })
    await expect(stopped.send(new ListWorkflowsCommand({}))).rejects.toThrow("recorded")
    return `${requests[0]?.protocol}//${requests[0]?.hostname}`
  }

  it("us-east-1 → airflow-serverless.us-east-1.api.aws (dual-stack only); FIPS → airflow-serverless-fips", async () => {
    expect(await hostFor({ region: "us-east-1" })).toBe("https://airflow-serverless.us-east-1.api.aws")
    expect(await hostFor({ region: "us-east-1", useFipsEndpoint: true })).toBe("https://airflow-serverless-fips.us-east-1.api.aws")
  })
})
