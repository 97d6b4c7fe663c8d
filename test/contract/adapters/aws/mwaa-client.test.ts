import type { Logger } from "@smithy/types"
import { describe, expect, it, vi } from "vitest"
import {
  CreateEnvironmentCommand,
  CreateWebLoginTokenCommand,
  GetEnvironmentCommand,
  InvokeRestApiCommand,
  MWAAClient,
  type MWAAClientConfig
} from "../../../../src/adapters/aws/index.js"
import { hermeticAwsEnv } from "./gateway-harness.js"
import { bodyOf, credentials, json, stubHandler } from "./stub-handler.js"

/** The MWAA client built in the adapter: the model's endpoints, the SDK's credential chain and user agent, sensitive members kept out of logs. */

hermeticAwsEnv()

const clientWith = (config: MWAAClientConfig, respond: Parameters<typeof stubHandler>[0] = () => json({})) => {
  const stub = stubHandler(respond)
  return { ...stub, client: new MWAAClient({ credentials, ...config, requestHandler: stub.handler }) }
}

/** Cases from botocore's endpoint tests for MWAA (tests/functional/endpoint-rules/mwaa/endpoint-tests-1.json). */
const ENDPOINTS = [
  [{ region: "us-east-1" }, "airflow.us-east-1.amazonaws.com"],
  [{ region: "eu-west-1" }, "airflow.eu-west-1.amazonaws.com"],
  [{ region: "us-east-1", useFipsEndpoint: true }, "airflow-fips.us-east-1.amazonaws.com"],
  [{ region: "us-east-1", useDualstackEndpoint: true }, "airflow.us-east-1.api.aws"],
  [{ region: "cn-north-1" }, "airflow.cn-north-1.amazonaws.com.cn"],
  [{ region: "us-gov-east-1", useFipsEndpoint: true }, "airflow-fips.us-gov-east-1.amazonaws.com"],
  [{ region: "us-iso-east-1" }, "airflow.us-iso-east-1.c2s.ic.gov"]
] as const

describe("MWAAClient endpoints, from the model's rule set", () => {
  it.each(ENDPOINTS)("%o → the api. host of %s", async (config, host) => {
    const { client, requests } = clientWith(config, () => json({ Environment: { Name: "my-env" } }))
    await client.send(new GetEnvironmentCommand({ Name: "my-env" }))
    expect(requests[0]).toMatchObject({ protocol: "https:", hostname: `api.${host}`, path: "/environments/my-env" })
  })

  it("refuses FIPS with a custom endpoint, as the rule set says", async () => {
    const { client, requests } = clientWith({ region: "us-east-1", useFipsEndpoint: true, endpoint: "https://example.com" })
    await expect(client.send(new GetEnvironmentCommand({ Name: "my-env" }))).rejects.toThrow(
      "Invalid Configuration: FIPS and custom endpoint are not supported"
    )
    expect(requests).toHaveLength(0)
  })
})

describe("MWAAClient on the SDK's machinery", () => {
  it("signs with the SDK's default credential chain (here: the environment) for airflow, and says who it is in the user agent", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDFROMENV")
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "secret-from-env")
    const stub = stubHandler(() => json({ Environment: { Name: "my-env" } }))
    const client = new MWAAClient({ region: "eu-west-1", requestHandler: stub.handler, customUserAgent: "mwaa-mcp-server/test" })
    await client.send(new GetEnvironmentCommand({ Name: "my-env" }))
    const headers = stub.requests[0]!.headers
    expect(headers["authorization"]).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDFROMENV\/\d{8}\/eu-west-1\/airflow\/aws4_request, /)
    expect(headers["user-agent"]).toMatch(/^aws-sdk-js\/3\.1178\.0 .*api\/mwaa#3\.1178\.0/)
    expect(headers["user-agent"]).toContain("mwaa-mcp-server/test")
  })

  it("passes documents as JSON: 2 500 levels deep (as Airflow takes them), non-ASCII text and nulls, both ways", async () => {
    let deep: unknown = { note: "Zürich — 東京 ✓", gone: null }
    for (let i = 0; i < 2_500; i++) deep = { a: deep }
    const { client, requests } = clientWith({ region: "us-east-1" }, (request) =>
      json({ RestApiStatusCode: 200, RestApiResponse: (bodyOf(request) as { Body: unknown }).Body })
    )
    const out = await client.send(new InvokeRestApiCommand({ Name: "my-env", Path: "/dags/d/dagRuns", Method: "POST", Body: deep }))
    // Compared as JSON text: a deep-equality walk of 2 500 levels can itself overflow the stack, depending on
    // how deep the test runner already is when it runs.
    expect(JSON.stringify(bodyOf(requests[0]))).toBe(JSON.stringify({ Path: "/dags/d/dagRuns", Method: "POST", Body: deep }))
    expect(JSON.stringify(out.RestApiResponse)).toBe(JSON.stringify(deep))
  })

  it("keeps the model's sensitive members out of the SDK's logs: Body, RestApiResponse, WebToken, AirflowConfigurationOptions", async () => {
    const lines: Array<unknown> = []
    const logger: Logger = { trace: () => {}, debug: () => {}, info: (line) => lines.push(line), warn: () => {}, error: () => {} }
    const answers: Record<string, unknown> = {
      "/restapi/my-env": { RestApiStatusCode: 200, RestApiResponse: { value: "a-variable-secret" } },
      "/webtoken/my-env": { WebToken: "web-token-secret", WebServerHostname: "abc.airflow.amazonaws.com" },
      "/environments/my-env": { Environment: { Name: "my-env", AirflowConfigurationOptions: { "secrets.backend_kwargs": "cfg-secret" } } }
    }
    const { client } = clientWith({ region: "us-east-1", logger }, (request) => json(answers[request.path] ?? {}))
    await client.send(new InvokeRestApiCommand({ Name: "my-env", Path: "/variables", Method: "POST", Body: { value: "body-secret" } }))
    await client.send(new CreateWebLoginTokenCommand({ Name: "my-env" }))
    await client.send(new GetEnvironmentCommand({ Name: "my-env" }))
    await client.send(
      new CreateEnvironmentCommand({
        Name: "my-env",
        ExecutionRoleArn: "arn:aws:iam::123456789012:role/r",
        SourceBucketArn: "arn:aws:s3:::b",
        DagS3Path: "dags",
        NetworkConfiguration: {},
        AirflowConfigurationOptions: { "core.fernet_key": "create-secret" }
      })
    )
    const logged = JSON.stringify(lines)
    expect(lines).toHaveLength(4)
    expect(logged).toContain("InvokeRestApiCommand")
    for (const secret of ["a-variable-secret", "body-secret", "web-token-secret", "cfg-secret", "create-secret"]) {
      expect(logged).not.toContain(secret)
    }
    expect(logged).toContain("abc.airflow.amazonaws.com")
  })
})
