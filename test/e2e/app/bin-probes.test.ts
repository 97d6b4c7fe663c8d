import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { type HttpBin, startHttpBin } from "../../support/http-bin.js"
import { type HttpFake, startHttpFake } from "../../support/http-fake/index.js"
import { rawRequest } from "../../support/mcp-http-client.js"
import { awsModeEnv } from "../../support/stdio-client.js"

/**
 * /healthz and /readyz of the built bin in AWS mode, over the HTTP fake: what a load balancer's
 * health checker meets (its own Host, no token). Liveness never asks AWS; readiness asks the control
 * plane only, and says "not ready" without telling the checker the credentials' trouble.
 */

const TOKEN = "probe-test-bearer-token-5b2c9e"
let fake: HttpFake
const bins: Array<HttpBin> = []

beforeAll(async () => {
  fake = await startHttpFake()
})
afterEach(async () => {
  fake.reset()
  await Promise.all(bins.splice(0).map((bin) => bin.stop()))
})
afterAll(async () => {
  await fake?.close()
})

const start = async (env: Record<string, string> = {}) => {
  const bin = await startHttpBin([], awsModeEnv(fake.url, { MWAA_MCP_HTTP_TOKEN: TOKEN, ...env }))
  bins.push(bin)
  return bin
}

const get = (bin: HttpBin, path: string) =>
  rawRequest(bin.url.replace(/\/mcp$/, path), { method: "GET", headers: { Host: "10.0.12.34:3000" } })

describe("probes in AWS mode", () => {
  it("answers liveness without any AWS call, and readiness with ListEnvironments alone", async () => {
    const bin = await start()
    fake.clearRequests()
    const health = await get(bin, "/healthz")
    expect(health.status).toBe(200)
    expect(fake.requests()).toEqual([])
    const ready = await get(bin, "/readyz")
    expect(ready.status).toBe(200)
    expect(JSON.parse(ready.body)).toEqual({ status: "ready" })
    expect(fake.requests().map((r) => r.operation)).toEqual(["ListEnvironments"])
    // A checker every few seconds from each load-balancer node is answered from the last check.
    await Promise.all([get(bin, "/readyz"), get(bin, "/readyz"), get(bin, "/readyz")])
    expect(fake.requests()).toHaveLength(1)
    expect(bin.stderr()).toMatch(/"message":"ready: the credentials and a target answer"/)
  })

  it("says not ready when MWAA cannot be asked, telling the reason to its log only", async () => {
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYPROBESECRET"
    const sessionToken = "IQoJb3JpZ2luX2VjEPROBE-SESSION-TOKEN-never-shown"
    const bin = await start({ AWS_SECRET_ACCESS_KEY: secret, AWS_SESSION_TOKEN: sessionToken })
    fake.failNext(20, { status: 503, api: "ListEnvironments" })
    const ready = await get(bin, "/readyz")
    expect(ready.status).toBe(503)
    expect(JSON.parse(ready.body)).toEqual({ status: "not ready", reason: "AWS credentials or MWAA cannot be used" })
    // Still alive: a restart would not mend credentials.
    expect((await get(bin, "/healthz")).status).toBe(200)
    const line = bin
      .stderr()
      .split("\n")
      .find((l) => l.includes('"message":"not ready"'))
    expect(JSON.parse(line ?? "{}")).toMatchObject({ level: "WARN", reason: "AWS credentials or MWAA cannot be used" })
    expect(line).toMatch(/"detail":"Unavailable: /)
    for (const text of [ready.body, bin.stderr(), bin.stdout()]) {
      expect(text).not.toContain(secret)
      expect(text).not.toContain(sessionToken)
    }
  })
})
