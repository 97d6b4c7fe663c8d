import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import {
  InvokeRestApiCommand,
  MWAAClient,
  MWAAServiceException,
  RestApiClientException,
  RestApiServerException
} from "../../../../src/adapters/aws/index.js"
import { gatewayWith, hermeticAwsEnv } from "./gateway-harness.js"
import { bodyMembersOf, metadata, operation } from "./model.js"
import { awsError, bodyOf, credentials, json, stubHandler } from "./stub-handler.js"
import { viaInvoke } from "../../../support/airflow-routes.js"

/** InvokeRestApi on the wire, as the model describes it: method, path, host prefix, body, signing. */

const model = operation("InvokeRestApi")
const answer = json({ RestApiStatusCode: 200, RestApiResponse: { dags: [{ dag_id: "etl", note: null }], total_entries: 1 } })

hermeticAwsEnv()

describe("InvokeRestApiCommand", () => {
  it("POSTs the model's body members to /restapi/{Name} on the env. host, signed for airflow", async () => {
    const { handler, requests } = stubHandler(() => answer)
    const client = new MWAAClient({ region: "us-east-1", credentials, requestHandler: handler })
    const out = await client.send(
      new InvokeRestApiCommand({
        Name: "my-env",
        Path: "/dags/etl/dagRuns",
        Method: "POST",
        QueryParameters: { limit: 5 },
        Body: { dag_run_id: "manual__1", conf: { a: null }, note: null }
      })
    )
    const request = requests[0]!
    expect(request.method).toBe(model.http.method)
    expect(request.path).toBe(model.http.requestUri.replace("{Name}", "my-env"))
    expect(request.hostname).toBe(`${model.endpoint?.hostPrefix}airflow.us-east-1.amazonaws.com`)
    expect(request.headers["host"]).toBe("env.airflow.us-east-1.amazonaws.com")
    expect(request.headers["content-type"]).toBe("application/json")
    const body = bodyOf(request) as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual(bodyMembersOf("InvokeRestApiRequest").sort())
    // Documents pass untouched: Airflow bodies use null on purpose.
    expect(body).toEqual({
      Path: "/dags/etl/dagRuns",
      Method: "POST",
      QueryParameters: { limit: 5 },
      Body: { dag_run_id: "manual__1", conf: { a: null }, note: null }
    })
    const authorization = String(request.headers["authorization"])
    expect(metadata["signingName"]).toBe("airflow")
    expect(authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/airflow\/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$/
    )
    expect(out.RestApiStatusCode).toBe(200)
    expect(out.RestApiResponse).toEqual({ dags: [{ dag_id: "etl", note: null }], total_entries: 1 })
  })

  it("sends no QueryParameters or Body when none are given", async () => {
    const { handler, requests } = stubHandler(() => answer)
    const client = new MWAAClient({ region: "us-east-1", credentials, requestHandler: handler })
    await client.send(new InvokeRestApiCommand({ Name: "my-env", Path: "/dags", Method: "GET" }))
    expect(bodyOf(requests[0])).toEqual({ Path: "/dags", Method: "GET" })
  })

  it("respects disableHostPrefix: behind an endpoint override the host is the override's", async () => {
    const { handler, requests } = stubHandler(() => answer)
    const client = new MWAAClient({
      region: "us-east-1",
      credentials,
      requestHandler: handler,
      endpoint: "http://127.0.0.1:4510",
      disableHostPrefix: true
    })
    await client.send(new InvokeRestApiCommand({ Name: "my-env", Path: "/dags", Method: "GET" }))
    expect(requests[0]).toMatchObject({ protocol: "http:", hostname: "127.0.0.1", port: 4510, path: "/restapi/my-env" })
    expect(String(requests[0]?.headers["authorization"])).toContain("/us-east-1/airflow/aws4_request")
  })
  // The two are built by one factory: each must still be its own class, told apart by type alone.
  it.each([
    ["RestApiClientException", RestApiClientException, RestApiServerException],
    ["RestApiServerException", RestApiServerException, RestApiClientException]
  ] as const)("throws %s, with Airflow's status and answer, as its own class", async (type, Own, Other) => {
    const { handler } = stubHandler(() => awsError(type, 400, { message: "m", RestApiStatusCode: 409, RestApiResponse: { detail: "x" } }))
    const client = new MWAAClient({ region: "us-east-1", credentials, requestHandler: handler, maxAttempts: 1 })
    const error = await client.send(new InvokeRestApiCommand({ Name: "my-env", Path: "/dags", Method: "GET" })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Own)
    expect(error).toBeInstanceOf(MWAAServiceException)
    expect(error).not.toBeInstanceOf(Other)
    expect(error).toMatchObject({ name: type, $fault: "client", message: "m", RestApiStatusCode: 409, RestApiResponse: { detail: "x" } })
  })
})

describe("AwsGateway.invokeRestApi", () => {
  it.effect("maps the port's request to the command and RestApiStatusCode/RestApiResponse back", () =>
    Effect.gen(function* () {
      const { requests, run } = gatewayWith(() => answer)
      const response = yield* run(() =>
        viaInvoke({ environmentName: "my-env", method: "GET", path: "/dags", queryParameters: { limit: 1 } })
      )
      expect(response).toEqual({ status: 200, body: { dags: [{ dag_id: "etl", note: null }], total_entries: 1 } })
      expect(bodyOf(requests[0])).toEqual({ Path: "/dags", Method: "GET", QueryParameters: { limit: 1 } })
    })
  )

  it.effect("makes one attempt only: the domain's retry policy owns retries", () =>
    Effect.gen(function* () {
      const { requests, run } = gatewayWith(() => json({ message: "Rate exceeded" }, 400, { "x-amzn-errortype": "ThrottlingException" }))
      const error = yield* Effect.flip(run(() => viaInvoke({ environmentName: "my-env", method: "GET", path: "/dags" })))
      expect(error.reason).toBe("Throttled")
      expect(requests).toHaveLength(1)
      expect(requests[0]?.headers["amz-sdk-request"]).toBe("attempt=1; max=1")
    })
  )
})
