import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { type HttpFake, startHttpFake, type WebCredential, webFetch, webLogin } from "../../../support/http-fake/index.js"
import { loadSpecValidator } from "../../../support/openapi.js"
import { DAG_250, webserverSeed } from "../../../support/webserver-seed.js"

/** Airflow's REST API behind the webserver session on the HTTP fake: no Path limit, Airflow's own statuses. */
let fake: HttpFake
let v2: WebCredential
let v3: WebCredential
const specs = { 2: loadSpecValidator(2), 3: loadSpecValidator(3) } as const

beforeAll(async () => {
  fake = await startHttpFake({ seed: webserverSeed() })
  v2 = await webLogin(fake.url, "tiny-2", 2)
  v3 = await webLogin(fake.url, "tiny-3", 3)
  fake.clearRequests()
})

afterEach(() => {
  fake.reset()
  fake.clearRequests()
})

afterAll(() => fake.close())

const json = async (response: Response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> })

describe("HTTP fake: Airflow REST through the webserver", () => {
  it("triggers a run of a 250-character DAG id and reads it back, on both majors, per the OpenAPI spec", async () => {
    for (const credential of [v2, v3]) {
      const runs = `/dags/${DAG_250}/dagRuns`
      const trigger = { dag_run_id: `web_${credential.major}`, logical_date: "2026-11-25T10:00:00Z" }
      const created = await json(await webFetch(fake.url, credential, "POST", runs, { body: trigger }))
      expect(created).toMatchObject({ status: 200, body: { dag_id: DAG_250, dag_run_id: `web_${credential.major}` } })
      expect(specs[credential.major].validate("POST", runs, created.status, created.body)).toEqual([])
      const read = await json(await webFetch(fake.url, credential, "GET", `${runs}/web_${credential.major}`))
      expect(read).toMatchObject({ status: 200, body: { dag_id: DAG_250, state: "queued" } })
      expect(specs[credential.major].validate("GET", `${runs}/web_${credential.major}`, read.status, read.body)).toEqual([])
    }
    const records = fake.requests()
    expect(records[0]).toMatchObject({
      service: "webserver",
      operation: "AirflowWebserver",
      method: "POST",
      path: `/dags/${DAG_250}/dagRuns`,
      httpMethod: "POST",
      httpPath: `/api/v1/dags/${DAG_250}/dagRuns`,
      environmentName: "tiny-2",
      status: 200
    })
    expect(records[0]?.signingService).toBeUndefined()
    expect(records.map((r) => `${r.environmentName} ${r.httpMethod} ${r.httpPath.slice(0, 12)} ${r.status}`)).toEqual([
      "tiny-2 POST /api/v1/dags 200",
      "tiny-2 GET /api/v1/dags 200",
      "tiny-3 POST /api/v2/dags 200",
      "tiny-3 GET /api/v2/dags 200"
    ])
  })

  it("repeated query keys are arrays, as InvokeRestApi's QueryParameters give them", async () => {
    const both = await json(await webFetch(fake.url, v2, "GET", "/dags/d/dagRuns", { query: "state=failed&state=queued&limit=5" }))
    expect(both).toMatchObject({ status: 200, body: { total_entries: 1 } })
    const none = await json(await webFetch(fake.url, v3, "GET", "/dags/d/dagRuns", { query: "state=queued&state=running" }))
    expect(none).toMatchObject({ status: 200, body: { total_entries: 0 } })
  })

  it("answers Airflow's errors: 404 problem JSON, 409, 422 for Airflow 3 unknown keys, 400 for Airflow 2's", async () => {
    const missing = await webFetch(fake.url, v2, "GET", `/dags/${DAG_250}x`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get("content-type")).toBe("application/problem+json")
    expect(await missing.json()).toMatchObject({ status: 404, title: "DAG not found" })
    const trigger = { dag_run_id: "r", logical_date: "2026-11-25T11:00:00Z" }
    expect((await webFetch(fake.url, v3, "POST", "/dags/d/dagRuns", { body: trigger })).status).toBe(409)
    const extra = await json(await webFetch(fake.url, v3, "PATCH", "/dags/d", { body: { is_paused: true, paused: true } }))
    expect(extra).toMatchObject({ status: 422, body: { detail: [{ type: "extra_forbidden", loc: ["body", "paused"] }] } })
    expect((await webFetch(fake.url, v2, "PATCH", "/dags/d", { body: { is_paused: true, paused: true } })).status).toBe(400)
    const notJson = await fetch(`${fake.url}/api/v2/dags/d`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${v3.value}`, "content-type": "application/json" },
      body: "{"
    })
    expect(notJson.status).toBe(422)
  })

  it("401 without credentials, with a made-up one, or once sessions are stale; the other major's prefix is 404", async () => {
    const bare = await webFetch(fake.url, undefined, "GET", "/dags", { major: 2 })
    expect(bare.status).toBe(401)
    expect(await bare.json()).toMatchObject({ status: 401, title: "Unauthorized", detail: null })
    expect(await json(await webFetch(fake.url, undefined, "GET", "/dags", { major: 3 }))).toEqual({
      status: 401,
      body: { detail: "Not authenticated" }
    })
    // The credential's own webserver answers: Airflow 2 has no /api/v2, Airflow 3 no /api/v1.
    expect((await webFetch(fake.url, v2, "GET", "/dags", { major: 3 })).status).toBe(404)
    expect(await json(await webFetch(fake.url, v3, "GET", "/dags", { major: 2 }))).toEqual({ status: 404, body: { detail: "Not Found" } })
    const madeUp = await webFetch(fake.url, { ...v3, value: `${v3.value}x` }, "GET", "/dags")
    expect([madeUp.status, await madeUp.json()]).toEqual([401, { detail: "Invalid JWT token" }])
    fake.expireWebSessions()
    expect((await webFetch(fake.url, v2, "GET", "/dags")).status).toBe(401)
    expect((await webFetch(fake.url, v3, "GET", "/dags")).status).toBe(401)
    v2 = await webLogin(fake.url, "tiny-2", 2)
    v3 = await webLogin(fake.url, "tiny-3", 3)
    expect((await webFetch(fake.url, v2, "GET", "/dags")).status).toBe(200)
  })

  it("takes injected faults with { api: 'AirflowWebserver' }", async () => {
    fake.throttleNext(1, { api: "AirflowWebserver" })
    fake.failNext(1, { status: 503, api: "AirflowWebserver" })
    fake.htmlNext({ api: "AirflowWebserver" })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await webFetch(fake.url, v3, "GET", "/dags")).status)
    expect(statuses).toEqual([429, 503, 502, 200])
    fake.resetConnectionNext({ api: "AirflowWebserver" })
    await expect(webFetch(fake.url, v3, "GET", "/dags")).rejects.toThrow()
    fake.delayNext(50, { api: "AirflowWebserver" })
    const started = performance.now()
    expect((await webFetch(fake.url, v3, "GET", "/dags")).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(45)
    // The environment is told from the credential before any fault answers.
    expect(fake.requests().map((r) => `${r.fault ?? "-"} ${r.environmentName}`)).toEqual([
      "throttle tiny-3",
      "fail tiny-3",
      "html tiny-3",
      "- tiny-3",
      "reset tiny-3",
      "delay tiny-3"
    ])
  })

  it("the rate limit keeps one bucket per environment on the webserver routes too", async () => {
    fake.rateLimit({ perSecond: 0.001, burst: 1, api: "AirflowWebserver" })
    const statuses = []
    for (const credential of [v2, v3, v2]) statuses.push((await webFetch(fake.url, credential, "GET", "/dags")).status)
    expect(statuses).toEqual([200, 200, 429])
  })

  it("no credential appears in the request log", async () => {
    await webLogin(fake.url, "tiny-2", 2)
    await webFetch(fake.url, v2, "GET", "/dags")
    const log = JSON.stringify(fake.requests())
    for (const credential of fake.issuedCredentials()) expect(log).not.toContain(credential)
  })
})
