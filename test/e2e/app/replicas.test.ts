import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client"
import { DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3 } from "../../../src/adapters/fake-mwaa/index.js"
import { type HttpBin, startHttpBin } from "../../support/http-bin.js"
import { type RoundRobinProxy, startRoundRobinProxy } from "../../support/round-robin-proxy.js"

/**
 * Replicas without sticky sessions (issue 13, point 7): three `--demo --transport http` processes
 * behind a plain round-robin proxy, and one 2026-07-28 client going list → call → prompts →
 * completions through it. Every request lands on whichever replica is next, so each answer must
 * stand on its own: no session, no state kept between requests on one process.
 */
describe("three HTTP replicas behind a round-robin proxy, a 2026-07-28 client", () => {
  let proxy: RoundRobinProxy
  let replicas: ReadonlyArray<HttpBin> = []
  let client: Client

  beforeAll(async () => {
    proxy = await startRoundRobinProxy()
    // The proxy passes the client's Host on, as a load balancer does: each replica is told to accept it.
    const allowed = `127.0.0.1:${proxy.port}`
    replicas = await Promise.all([0, 1, 2].map(() => startHttpBin(["--demo", "--allowed-hosts", allowed])))
    proxy.setUpstreams(replicas.map((r) => r.url))
    client = new Client({ name: "replica-test", version: "0.0.0" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } })
    await client.connect(new StreamableHTTPClientTransport(new URL(proxy.url)))
  })
  afterAll(async () => {
    await client?.close()
    await proxy?.close()
    await Promise.all(replicas.map((r) => r.stop()))
  })

  it("negotiated 2026-07-28 through the proxy", () => {
    expect(client.getNegotiatedProtocolVersion()).toBe("2026-07-28")
    expect(client.getProtocolEra()).toBe("modern")
    expect(client.getServerVersion()?.name).toBe("mwaa-mcp-server")
  })

  it("lists the tools and calls list-environments and get-environment", async () => {
    const { tools } = await client.listTools()
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(["list-environments", "get-environment"]))

    const listed = await client.callTool({ name: "list-environments", arguments: {} })
    expect(listed.isError).not.toBe(true)
    expect(JSON.stringify(listed.structuredContent)).toContain(DEMO_ENVIRONMENT_2)
    expect(JSON.stringify(listed.structuredContent)).toContain(DEMO_ENVIRONMENT_3)

    const got = await client.callTool({ name: "get-environment", arguments: { environment_name: DEMO_ENVIRONMENT_3 } })
    expect(got.isError).not.toBe(true)
    expect(got.structuredContent).toMatchObject({ name: DEMO_ENVIRONMENT_3, airflow_version: "3.3.1" })
  })

  it("lists the prompts and renders one with its argument", async () => {
    const { prompts } = await client.listPrompts()
    expect(prompts.map((p) => p.name).sort()).toEqual(["environment-health-check", "triage-failed-dag-run"])
    const rendered = await client.getPrompt({ name: "environment-health-check", arguments: { environment_name: DEMO_ENVIRONMENT_2 } })
    const text = rendered.messages.map((m) => (m.content.type === "text" ? m.content.text : "")).join("\n")
    expect(text).toContain(DEMO_ENVIRONMENT_2)
  })

  // Needs ToolHost.complete from src/app (completion of environment_name from the region's
  // environments); without it the adapter answers no values.
  it("completes a prompt's environment_name from the region's environments", async () => {
    for (const prompt of ["environment-health-check", "triage-failed-dag-run"]) {
      const { completion } = await client.complete({
        ref: { type: "ref/prompt", name: prompt },
        argument: { name: "environment_name", value: "demo-airflow-" }
      })
      expect(completion.values).toEqual(expect.arrayContaining([DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3]))
      for (const value of completion.values) expect(value.startsWith("demo-airflow-")).toBe(true)
    }
  })

  it("spread the requests over all three replicas, none refused", () => {
    const counts = proxy.counts()
    expect(counts).toHaveLength(3)
    for (const count of counts) expect(count).toBeGreaterThanOrEqual(2)
    // Round robin: no replica got more than one request more than another.
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)
    expect(proxy.requests().filter((r) => r.status >= 400)).toEqual([])
    // Each replica answered MCP work, not just the connect-time discover.
    const methods = new Set(proxy.requests().map((r) => r.mcpMethod))
    expect(methods).toEqual(new Set(["server/discover", "tools/list", "tools/call", "prompts/list", "prompts/get", "completion/complete"]))
    for (const replica of replicas) expect(replica.stdout()).toBe("")
  })
})
