import { Effect, Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { FakeMwaa } from "../../../../src/adapters/fake-mwaa/index.js"
import { type HttpFake, invokeRestApi, signedFetch, startHttpFake } from "../../../support/http-fake/index.js"
import { tinySeed } from "../../../support/tiny-seed.js"

/**
 * InvokeRestApi over restJson1 with a raw SigV4-signed request (client-mwaa 3.523 has no
 * command for it): the model's constraints, Airflow's errors as RestApi*Exception, writes.
 */
let fake: HttpFake

beforeAll(async () => {
  fake = await startHttpFake({ seed: tinySeed() })
})

afterAll(() => fake.close())

const call = async (name: string, input: Parameters<typeof invokeRestApi>[2]) => {
  const response = await invokeRestApi(fake.url, name, input)
  return {
    status: response.status,
    type: response.headers.get("x-amzn-errortype"),
    body: (await response.json()) as Record<string, unknown>
  }
}

describe("HTTP fake: InvokeRestApi", () => {
  it("answers 200 with Airflow's status and document", async () => {
    const out = await call("tiny-2", { Path: "/dags", Method: "GET", QueryParameters: { limit: 1 } })
    expect(out).toMatchObject({ status: 200, type: null, body: { RestApiStatusCode: 200, RestApiResponse: { total_entries: 1 } } })
    expect((out.body["RestApiResponse"] as { dags: Array<{ dag_id: string }> }).dags[0]?.dag_id).toBe("d")
  })

  it("a Path over 64 characters is ValidationException (400), and Airflow is never called", async () => {
    await fake.runtime.runPromise(Effect.flatMap(FakeMwaa, (f) => f.clearCalls))
    const out = await call("tiny-2", { Path: `/dags/${"d".repeat(59)}`, Method: "GET" })
    expect(out.status).toBe(400)
    expect(out.type).toBe("ValidationException")
    expect(out.body["message"]).toBe(
      "1 validation error detected: Value '/dags/" +
        "d".repeat(59) +
        "' at 'path' failed to satisfy constraint: Member must have length less than or equal to 64"
    )
    expect(await fake.runtime.runPromise(Effect.flatMap(FakeMwaa, (f) => f.calls))).toEqual([])
  })

  it("an empty Path, a Method outside the enum, a missing member or a bad name are ValidationException", async () => {
    const cases = [
      [{ Path: "", Method: "GET" }, "tiny-2", /at 'path'.*greater than or equal to 1/],
      [{ Path: "/dags", Method: "HEAD" }, "tiny-2", /'HEAD' at 'method'.*enum value set: \[GET, PUT, POST, PATCH, DELETE\]/],
      [{ Path: "/dags" }, "tiny-2", /Value null at 'method'/],
      [{ Path: "/dags", Method: "GET" }, "-bad", /at 'name'.*regular expression pattern/]
    ] as const
    for (const [input, name, message] of cases) {
      const out = await call(name, input as never)
      expect(out.status, JSON.stringify(input)).toBe(400)
      expect(out.type).toBe("ValidationException")
      expect(out.body["message"]).toMatch(message)
    }
    const both = await call("tiny-2", { Path: "x".repeat(65), Method: "TRACE" })
    expect(both.body["message"]).toMatch(/^2 validation errors detected: .*'path'.*; .*'method'/)
  })

  it("Airflow's 404 comes back as RestApiClientException, HTTP 400, with its status and body", async () => {
    const out = await call("tiny-2", { Path: "/dags/nope", Method: "GET" })
    expect(out.status).toBe(400)
    expect(out.type).toBe("RestApiClientException")
    expect(out.body["RestApiStatusCode"]).toBe(404)
    expect(out.body["RestApiResponse"]).toMatchObject({ status: 404, title: "DAG not found" })
  })

  it("an unknown environment is ResourceNotFoundException (404)", async () => {
    const out = await call("nope", { Path: "/dags", Method: "GET" })
    expect(out).toMatchObject({ status: 404, type: "ResourceNotFoundException" })
  })

  it("a body that is not JSON is SerializationException", async () => {
    const response = await signedFetch(fake.url, {
      service: "airflow",
      method: "POST",
      path: "/restapi/tiny-2",
      body: "{not json",
      headers: { "content-type": "application/json" }
    })
    expect(response.status).toBe(400)
    expect(response.headers.get("x-amzn-errortype")).toBe("SerializationException")
  })

  it("a write changes the in-memory fake's state (PATCH is_paused on Airflow 3)", async () => {
    const out = await call("tiny-3", { Path: "/dags/d", Method: "PATCH", Body: { is_paused: true } })
    expect(out.body).toMatchObject({ RestApiStatusCode: 200, RestApiResponse: { dag_id: "d", is_paused: true } })
    const dag = await fake.runtime.runPromise(Effect.flatMap(FakeMwaa, (f) => f.dag("tiny-3", "d")))
    expect(Option.map(dag, (d) => d.isPaused)).toEqual(Option.some(true))
  })

  it("the request log carries InvokeRestApi's Method and Path, and the wire's", () => {
    const entry = fake.requests().find((r) => r.operation === "InvokeRestApi" && r.method === "PATCH")
    expect(entry).toMatchObject({
      service: "airflow",
      signingService: "airflow",
      region: "us-east-1",
      method: "PATCH",
      path: "/dags/d",
      httpMethod: "POST",
      httpPath: "/restapi/tiny-3",
      environmentName: "tiny-3",
      status: 200
    })
    expect(fake.requests().find((r) => r.errorType === "ValidationException")).toMatchObject({ status: 400 })
  })
})
