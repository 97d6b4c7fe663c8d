import {
  CreateEnvironmentCommand,
  DeleteEnvironmentCommand,
  GetEnvironmentCommand,
  ListEnvironmentsCommand,
  MWAAClient,
  ResourceNotFoundException,
  UpdateEnvironmentCommand,
  ValidationException
} from "../../../../src/adapters/aws/index.js"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type HttpFake, signedFetch, startHttpFake } from "../../../support/http-fake/index.js"

/** The MWAA control plane over restJson1, driven by the adapter's MWAA client (the AWS SDK's machinery). */
let fake: HttpFake
let client: MWAAClient

beforeAll(async () => {
  fake = await startHttpFake()
  client = new MWAAClient({
    region: "us-east-1",
    endpoint: fake.url,
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
    disableHostPrefix: true,
    maxAttempts: 1
  })
})

afterAll(async () => {
  client.destroy()
  await fake.close()
})

const NEW_ENVIRONMENT = {
  ExecutionRoleArn: "arn:aws:iam::123456789012:role/mwaa-exec",
  SourceBucketArn: "arn:aws:s3:::airflow-fresh",
  DagS3Path: "dags",
  NetworkConfiguration: { SubnetIds: ["subnet-1", "subnet-2"], SecurityGroupIds: ["sg-1"] },
  AirflowVersion: "3.0.6"
}

describe("HTTP fake: MWAA control plane with the AWS SDK", () => {
  it("ListEnvironments answers the seeded environments", async () => {
    const out = await client.send(new ListEnvironmentsCommand({}))
    expect(out.Environments).toEqual(["demo-airflow-2", "demo-airflow-3"])
  })

  it("ListEnvironments pages with MaxResults and NextToken", async () => {
    const first = await client.send(new ListEnvironmentsCommand({ MaxResults: 1 }))
    expect(first.Environments).toEqual(["demo-airflow-2"])
    const second = await client.send(new ListEnvironmentsCommand({ MaxResults: 1, NextToken: first.NextToken }))
    expect(second).toMatchObject({ Environments: ["demo-airflow-3"] })
    expect(second.NextToken).toBeUndefined()
  })

  it("GetEnvironment decodes into the SDK's Environment, timestamps as Dates", async () => {
    const { Environment: env } = await client.send(new GetEnvironmentCommand({ Name: "demo-airflow-3" }))
    expect(env).toMatchObject({
      Name: "demo-airflow-3",
      AirflowVersion: "3.3.1",
      Status: "AVAILABLE",
      SourceBucketArn: "arn:aws:s3:::airflow-demo-airflow-3",
      LoggingConfiguration: {
        TaskLogs: { Enabled: true, CloudWatchLogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:airflow-demo-airflow-3-Task" }
      }
    })
    expect(env?.CreatedAt).toBeInstanceOf(Date)
    expect(env?.LastUpdate?.CreatedAt).toBeInstanceOf(Date)
  })

  it("GetEnvironment on the wire carries every member the in-memory fake has, timestamps as epoch seconds", async () => {
    const response = await signedFetch(fake.url, { service: "airflow", path: "/environments/demo-airflow-2" })
    expect(response.status).toBe(200)
    const { Environment: env } = (await response.json()) as { Environment: Record<string, unknown> }
    // Members client-mwaa 3.523 (the last generated MWAA client) does not know must still be on the wire.
    expect(env).toMatchObject({ MinWebservers: 2, MaxWebservers: 2, EndpointManagement: "SERVICE" })
    expect(typeof env["CreatedAt"]).toBe("number")
    expect(env["CreatedAt"]).toBeLessThan(10_000_000_000)
    expect(typeof (env["LastUpdate"] as Record<string, unknown>)["CreatedAt"]).toBe("number")
  })

  it("an unknown environment is ResourceNotFoundException (404)", async () => {
    const error = await client.send(new GetEnvironmentCommand({ Name: "nope" })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ResourceNotFoundException)
    expect((error as ResourceNotFoundException).$metadata.httpStatusCode).toBe(404)
  })

  it("a name outside the model's pattern or length is ValidationException before any lookup", async () => {
    for (const name of ["9starts-with-digit", "has.dot", "x".repeat(81)]) {
      const error = await client.send(new GetEnvironmentCommand({ Name: name })).catch((e: unknown) => e)
      expect(error, name).toBeInstanceOf(ValidationException)
      expect((error as ValidationException).message).toMatch(/at 'name' failed to satisfy constraint/)
    }
  })

  it("CreateEnvironment answers the Arn; the environment shows CREATING once, then AVAILABLE", async () => {
    const created = await client.send(new CreateEnvironmentCommand({ Name: "fresh", ...NEW_ENVIRONMENT }))
    expect(created.Arn).toBe("arn:aws:airflow:us-east-1:123456789012:environment/fresh")
    const first = await client.send(new GetEnvironmentCommand({ Name: "fresh" }))
    expect(first.Environment?.Status).toBe("CREATING")
    const second = await client.send(new GetEnvironmentCommand({ Name: "fresh" }))
    expect(second.Environment).toMatchObject({ Status: "AVAILABLE", AirflowVersion: "3.0.6" })
  })

  it("CreateEnvironment without required members is ValidationException", async () => {
    const error = await client.send(new CreateEnvironmentCommand({ Name: "half", DagS3Path: "dags" } as never)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationException)
  })

  it("UpdateEnvironment then DeleteEnvironment change what GetEnvironment shows", async () => {
    const updated = await client.send(new UpdateEnvironmentCommand({ Name: "fresh", MaxWorkers: 4 }))
    expect(updated.Arn).toBe("arn:aws:airflow:us-east-1:123456789012:environment/fresh")
    const env = await client.send(new GetEnvironmentCommand({ Name: "fresh" }))
    expect(env.Environment).toMatchObject({ Status: "UPDATING", MaxWorkers: 4 })
    await client.send(new DeleteEnvironmentCommand({ Name: "fresh" }))
    expect((await client.send(new GetEnvironmentCommand({ Name: "fresh" }))).Environment?.Status).toBe("DELETING")
    const gone = await client.send(new GetEnvironmentCommand({ Name: "fresh" })).catch((e: unknown) => e)
    expect(gone).toBeInstanceOf(ResourceNotFoundException)
  })

  it("the request log names each operation, signed for airflow in us-east-1", () => {
    const log = fake.requests()
    expect(log.length).toBeGreaterThan(5)
    expect(new Set(log.map((r) => r.service))).toEqual(new Set(["airflow"]))
    expect(log.every((r) => r.signingService === "airflow" && r.region === "us-east-1")).toBe(true)
    expect(log.map((r) => r.operation)).toEqual(
      expect.arrayContaining(["ListEnvironments", "GetEnvironment", "CreateEnvironment", "UpdateEnvironment", "DeleteEnvironment"])
    )
    expect(log.find((r) => r.operation === "CreateEnvironment")).toMatchObject({
      httpMethod: "PUT",
      path: "/environments/fresh",
      status: 200
    })
  })
})
