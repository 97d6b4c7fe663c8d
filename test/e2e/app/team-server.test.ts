import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DASHBOARD_DAG, DEMO_ENVIRONMENT_2 } from "../../../src/adapters/fake-mwaa/index.js"
import { type HttpBin, startHttpBin } from "../../support/http-bin.js"
import { type HttpFake, startHttpFake } from "../../support/http-fake/index.js"
import { connectClient } from "../../support/mcp-http-client.js"
import { startIdp, type TestIdp } from "../../support/oauth-idp.js"
import { type OtlpCollector, startOtlpCollector } from "../../support/otlp-collector.js"
import { until } from "../../support/until.js"
import { awsModeEnv } from "../../support/stdio-client.js"

/**
 * The team server as a person meets it: the bin over HTTP in AWS mode (real SDK calls to the HTTP
 * fake), OAuth tokens from a loopback identity provider, traces to a local OTLP collector. One call
 * by one person is one tool span naming that person, with the AWS calls as its children, and one
 * audit line naming the same person; the token itself reaches neither.
 */

const AUDIENCE = "https://mcp.team.example.test/mcp"
let fake: HttpFake
let idp: TestIdp
let collector: OtlpCollector
let server: HttpBin

beforeAll(async () => {
  fake = await startHttpFake()
  idp = await startIdp()
  collector = await startOtlpCollector()
  server = await startHttpBin(
    ["--oauth-issuer", idp.issuer, "--oauth-audience", AUDIENCE],
    awsModeEnv(fake.url, { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: "100" })
  )
})
afterAll(async () => {
  await server?.stop()
  await collector?.close()
  await idp?.close()
  await fake?.close()
})

describe("one person's call on the team server", () => {
  it("is one tool span naming the person, its AWS calls as children, and one audit line naming the same person", async () => {
    const key = await idp.newKey("team-key")
    idp.publish([key])
    const token = await idp.sign(key, {
      sub: "00u1dana2EXAMPLE",
      email: "dana@example.com",
      preferred_username: "dana",
      client_id: "mcp-team-client",
      aud: AUDIENCE,
      iss: idp.issuer,
      scope: "mwaa:read"
    })
    const client = await connectClient(server.url, { Authorization: `Bearer ${token}` })
    try {
      const answer = await client.callTool({ name: "get-dag", arguments: { environment_name: DEMO_ENVIRONMENT_2, dag_id: DASHBOARD_DAG } })
      expect(answer.isError).not.toBe(true)
    } finally {
      await client.close()
    }

    const tool = await until("the tool span", () => collector.spans().find((s) => s.name === "tool get-dag"))
    expect(collector.spans().filter((s) => s.name.startsWith("tool "))).toHaveLength(1)
    expect(tool.attributes).toMatchObject({
      "user.id": "00u1dana2EXAMPLE",
      "user.email": "dana@example.com",
      "user.name": "dana",
      "mwaa_mcp.caller.client_id": "mcp-team-client",
      "mwaa_mcp.environment": DEMO_ENVIRONMENT_2,
      "mwaa_mcp.outcome": "ok"
    })
    const children = await until("the AWS child spans", () => {
      const found = collector.spans().filter((s) => s.traceId === tool.traceId && s.parentSpanId === tool.spanId)
      return found.some((s) => s.name === "MWAA.InvokeRestApi") ? found : undefined
    })
    for (const span of children) expect(span.attributes).toMatchObject({ "rpc.system": "aws-api" })

    const audit = server
      .stderr()
      .split("\n")
      .filter((line) => line.includes('"audit":true'))
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!)).toMatchObject({
      tool: "get-dag",
      kind: "read",
      outcome: "ok",
      environment: DEMO_ENVIRONMENT_2,
      caller: { sub: "00u1dana2EXAMPLE", email: "dana@example.com", username: "dana", client_id: "mcp-team-client" }
    })
    for (const text of [server.stderr(), ...collector.rawBodies()]) expect(text).not.toContain(token)
  })
})
