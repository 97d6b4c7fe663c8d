import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client"
import { DEMO_ENVIRONMENT_2, ORDERS_DAG } from "../../../src/adapters/fake-mwaa/index.js"
import { type HttpFake, startHttpFake } from "../../support/http-fake/index.js"
import { type HttpBin, startHttpBin } from "../../support/http-bin.js"
import { type RoundRobinProxy, startRoundRobinProxy } from "../../support/round-robin-proxy.js"
import { awsModeEnv } from "../../support/stdio-client.js"

/**
 * Scale-out within MWAA's budget (issue 18, point 4): three replicas in AWS mode behind a
 * round-robin proxy, each started with `--max-rps 20 --replicas 3`, and the HTTP fake throttling
 * InvokeRestApi at 20 calls per second for the whole account (one bucket of 20, a second's worth,
 * for all its environments). 90 get-dag calls at once (one InvokeRestApi each, GetEnvironment cached by a
 * warm-up call on each replica) must all succeed within 1.5 × the ideal 90 / 20 = 4.5 s: each
 * replica paces its 30 calls at 20 / 3 per second, so the fleet stays under the account's rate,
 * and a throttle that slips through is retried after its replica halved its rate.
 */

const CALLS = 90
const ACCOUNT_RPS = 20
const ACCOUNT_BURST = 20
const IDEAL_MS = (CALLS / ACCOUNT_RPS) * 1000
const args = { environment_name: DEMO_ENVIRONMENT_2, dag_id: ORDERS_DAG }

describe("three replicas sharing --max-rps 20 against an account throttled at 20 per second", () => {
  let fake: HttpFake
  let proxy: RoundRobinProxy
  let replicas: ReadonlyArray<HttpBin> = []
  let client: Client

  beforeAll(async () => {
    fake = await startHttpFake()
    proxy = await startRoundRobinProxy()
    const flags = ["--max-rps", String(ACCOUNT_RPS), "--replicas", "3", "--allowed-hosts", `127.0.0.1:${proxy.port}`]
    replicas = await Promise.all([0, 1, 2].map(() => startHttpBin(flags, awsModeEnv(fake.url))))
    proxy.setUpstreams(replicas.map((r) => r.url))
    client = new Client({ name: "throttled-fleet-test", version: "0.0.0" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } })
    await client.connect(new StreamableHTTPClientTransport(new URL(proxy.url)))
  })
  afterAll(async () => {
    await client?.close()
    await proxy?.close()
    await Promise.all(replicas.map((r) => r.stop()))
    await fake?.close()
  })

  it("answers 90 concurrent reads with no failure within 1.5 × the ideal 4.5 s", async () => {
    // One call per replica first (round robin: three in a row land on three replicas): each caches GetEnvironment.
    for (let i = 0; i < 3; i++) expect((await client.callTool({ name: "get-dag", arguments: args })).isError).not.toBe(true)
    const warmed = fake.requests().filter((r) => r.operation === "GetEnvironment")
    expect(warmed).toHaveLength(3)
    fake.rateLimit({ perSecond: ACCOUNT_RPS, burst: ACCOUNT_BURST, per: "account" })
    fake.clearRequests()
    const before = proxy.counts()

    const start = performance.now()
    const results = await Promise.all(Array.from({ length: CALLS }, () => client.callTool({ name: "get-dag", arguments: args })))
    const elapsedMs = performance.now() - start

    const failures = results.filter((r) => r.isError !== false)
    const requests = fake.requests()
    const invokes = requests.filter((r) => r.operation === "InvokeRestApi")
    const throttled = invokes.filter((r) => r.fault === "rateLimit")
    const figures = `${CALLS} calls in ${(elapsedMs / 1000).toFixed(2)} s (ideal ${IDEAL_MS / 1000} s), ${failures.length} failed, ${throttled.length} throttled by the fake and retried`
    console.info(`replicas-throttled: ${figures}`)

    expect(
      failures.map((r) => JSON.stringify(r.content).slice(0, 300)),
      figures
    ).toEqual([])
    for (const result of results) expect(result.structuredContent).toMatchObject({ dag_id: ORDERS_DAG })
    expect(elapsedMs, figures).toBeLessThanOrEqual(1.5 * IDEAL_MS)
    // Exactly one InvokeRestApi answered per call (each throttled attempt was retried), and nothing else asked of AWS.
    expect(invokes.length - throttled.length).toBe(CALLS)
    expect(invokes.filter((r) => r.fault === undefined).every((r) => r.status === 200 && r.path === `/dags/${ORDERS_DAG}`)).toBe(true)
    expect(requests.filter((r) => r.operation !== "InvokeRestApi")).toEqual([])
    for (const t of throttled) expect(t).toMatchObject({ status: 429, errorType: "ThrottlingException" })
    // The proxy spread the calls evenly: 30 per replica.
    expect(proxy.counts().map((n, i) => n - before[i]!)).toEqual([CALLS / 3, CALLS / 3, CALLS / 3])
  })
})
