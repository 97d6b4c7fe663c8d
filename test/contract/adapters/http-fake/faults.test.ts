import { ConfiguredRetryStrategy } from "@smithy/core/retry"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { GetEnvironmentCommand, InternalServerException, ListEnvironmentsCommand, MWAAClient } from "../../../../src/adapters/aws/index.js"
import { type HttpFake, invokeRestApi, startHttpFake } from "../../../support/http-fake/index.js"
import { tinySeed } from "../../../support/tiny-seed.js"

/** Injected throttling, 5xx, slow, malformed and dropped answers, and the token-bucket rate limit. */
let fake: HttpFake

beforeAll(async () => {
  fake = await startHttpFake({ seed: tinySeed() })
})

afterEach(() => {
  fake.reset()
  fake.clearRequests()
})

afterAll(() => fake.close())

const DAGS = { Path: "/dags", Method: "GET" }
const dags = () => invokeRestApi(fake.url, "tiny-2", DAGS)
const typeOf = (r: Response) => r.headers.get("x-amzn-errortype")

const mwaaClient = (maxAttempts: number) =>
  new MWAAClient({
    region: "us-east-1",
    endpoint: fake.url,
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
    disableHostPrefix: true,
    retryStrategy: new ConfiguredRetryStrategy(maxAttempts, 1)
  })

describe("HTTP fake: fault injection", () => {
  it("throttleNext(2): two ThrottlingException (429), then the real answer", async () => {
    fake.throttleNext(2)
    const answers = [await dags(), await dags(), await dags()]
    expect(answers.map((r) => r.status)).toEqual([429, 429, 200])
    expect(answers.map(typeOf)).toEqual(["ThrottlingException", "ThrottlingException", null])
    expect(await answers[0]!.json()).toEqual({ message: "Rate exceeded" })
    expect(fake.requests().map((r) => r.fault)).toEqual(["throttle", "throttle", undefined])
  })

  it("faults target InvokeRestApi by default, another operation when named", async () => {
    fake.throttleNext(1)
    const client = mwaaClient(1)
    await expect(client.send(new ListEnvironmentsCommand({}))).resolves.toMatchObject({ Environments: ["tiny-2", "tiny-3"] })
    expect((await dags()).status).toBe(429)
    // The SDK knows ThrottlingException as throttling and retries it on its own.
    fake.throttleNext(2, { api: "ListEnvironments" })
    const retried = await mwaaClient(3).send(new ListEnvironmentsCommand({}))
    expect(retried.$metadata.attempts).toBe(3)
    client.destroy()
  })

  it("throttleAlways throttles until reset()", async () => {
    fake.throttleAlways()
    for (let i = 0; i < 5; i++) expect((await dags()).status).toBe(429)
    fake.reset()
    expect((await dags()).status).toBe(200)
  })

  it("failNext: RestApiServerException (400, Airflow's status inside) or InternalServerException (the status itself)", async () => {
    fake.failNext(1, { status: 503 })
    fake.failNext(1, { status: 500, as: "InternalServerException" })
    const proxied = await dags()
    expect([proxied.status, typeOf(proxied)]).toEqual([400, "RestApiServerException"])
    expect(await proxied.json()).toMatchObject({ RestApiStatusCode: 503, RestApiResponse: { status: 503, title: "Service Unavailable" } })
    const internal = await dags()
    expect([internal.status, typeOf(internal)]).toEqual([500, "InternalServerException"])
    fake.failNext(1, { status: 500, api: "GetEnvironment" })
    const error = await mwaaClient(1)
      .send(new GetEnvironmentCommand({ Name: "tiny-2" }))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InternalServerException)
  })

  it("delayNext holds the answer", async () => {
    fake.delayNext(300)
    const started = performance.now()
    expect((await dags()).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(290)
    expect(fake.requests()[0]?.fault).toBe("delay")
  })

  it("malformedNext answers 200 with a body that is not JSON", async () => {
    fake.malformedNext()
    const response = await dags()
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text.startsWith('{"RestApiStatusCode":200')).toBe(true)
    expect(() => JSON.parse(text)).toThrow()
  })

  it("htmlNext answers a proxy's 502 HTML page", async () => {
    fake.htmlNext()
    const response = await dags()
    expect(response.status).toBe(502)
    expect(response.headers.get("content-type")).toBe("text/html")
    expect(await response.text()).toMatch(/<h1>502 Bad Gateway<\/h1>/)
  })

  it("resetConnectionNext drops the socket; the next call is answered", async () => {
    fake.resetConnectionNext()
    await expect(dags()).rejects.toThrow()
    expect((await dags()).status).toBe(200)
    expect(fake.requests()[0]).toMatchObject({ status: 0, fault: "reset" })
  })

  it("rateLimit: a token bucket per environment; beyond the burst, ThrottlingException", async () => {
    fake.rateLimit({ perSecond: 2, burst: 3 })
    const burst = await Promise.all(Array.from({ length: 5 }, () => dags()))
    expect(burst.map((r) => r.status).sort()).toEqual([200, 200, 200, 429, 429])
    const other = await invokeRestApi(fake.url, "tiny-3", DAGS)
    expect(other.status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect((await dags()).status).toBe(200)
    expect(fake.requests().filter((r) => r.fault === "rateLimit")).toHaveLength(2)
    fake.rateLimit(undefined)
    const after = await Promise.all(Array.from({ length: 5 }, () => dags()))
    expect(after.every((r) => r.status === 200)).toBe(true)
  })

  it("rateLimit per account: every environment of the account takes from one bucket; beyond it, MWAA's ThrottlingException", async () => {
    fake.rateLimit({ perSecond: 2, burst: 3, per: "account" })
    const both = await Promise.all([dags(), invokeRestApi(fake.url, "tiny-3", DAGS), dags(), invokeRestApi(fake.url, "tiny-3", DAGS)])
    expect(both.map((r) => r.status).sort()).toEqual([200, 200, 200, 429])
    const refused = both.find((r) => r.status === 429)!
    expect(typeOf(refused)).toBe("ThrottlingException")
    expect(await refused.json()).toEqual({ message: "Rate exceeded" })
    // Other operations are not counted (InvokeRestApi is the default target).
    expect((await mwaaClient(1).send(new GetEnvironmentCommand({ Name: "tiny-3" }))).Environment?.Name).toBe("tiny-3")
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect((await invokeRestApi(fake.url, "tiny-3", DAGS)).status).toBe(200)
    const limited = fake.requests().filter((r) => r.fault === "rateLimit")
    expect(limited).toHaveLength(1)
    expect(limited.every((r) => r.operation === "InvokeRestApi" && r.errorType === "ThrottlingException")).toBe(true)
  })

  it("faults come after the signature check: an unsigned request does not consume them", async () => {
    fake.throttleNext(1)
    const unsigned = await fetch(`${fake.url}/restapi/tiny-2`, { method: "POST", body: JSON.stringify(DAGS) })
    expect(unsigned.status).toBe(403)
    expect((await dags()).status).toBe(429)
  })
})
