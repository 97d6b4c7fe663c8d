import type { ChildProcess } from "node:child_process"
import { once } from "node:events"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { connectClient, rawRequest } from "../../support/mcp-http-client.js"
import { spawnBin } from "../../support/http-bin.js"

/**
 * The shipped bin with `--transport http`: it says where it listens (stderr), serves the catalogue
 * over Streamable HTTP, refuses a foreign Host, asks for the bearer token when one is set, and
 * stops cleanly on SIGTERM. Bad flags end it at once with exit code 2.
 */

/** The URL from the "ready on http://…/mcp" log line. */
const readyUrl = async (server: ReturnType<typeof spawnBin>): Promise<string> => {
  for (let i = 0; i < 200; i++) {
    const m = /ready on (http:\/\/[^\s"]+\/mcp)/.exec(server.stderr())
    if (m?.[1] !== undefined) return m[1]
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.stderr()}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`no ready line: ${server.stderr()}`)
}

const exitOf = async (child: ChildProcess): Promise<number | null> => {
  if (child.exitCode !== null) return child.exitCode
  const [code] = (await once(child, "exit")) as [number | null]
  return code
}

describe("bin --transport http --demo", () => {
  let server: ReturnType<typeof spawnBin>
  let url: string
  beforeAll(async () => {
    server = spawnBin(["--demo", "--transport", "http", "--port", "0", "--allowed-hosts", "mcp.lb.example"], {
      MWAA_MCP_HTTP_TOKEN: "s3cret-token-for-tests"
    })
    url = await readyUrl(server)
  })
  afterAll(() => {
    if (server.child.exitCode === null) server.child.kill("SIGKILL")
  })

  it("binds loopback and serves every tool to a client with the token", async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/)
    const client = await connectClient(url, { Authorization: "Bearer s3cret-token-for-tests" })
    const { tools } = await client.listTools()
    expect(tools.length).toBeGreaterThanOrEqual(20)
    const answer = await client.callTool({ name: "list-environments", arguments: {} })
    expect(answer.isError).not.toBe(true)
    expect(JSON.stringify(answer.structuredContent)).toContain("demo-airflow-2")
    await client.close()
  })

  it("refuses a request without the token (401) and one for a foreign Host (403)", async () => {
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" })
    const headers = { "Content-Type": "application/json", Accept: "application/json, text/event-stream" }
    expect((await rawRequest(url, { headers, body })).status).toBe(401)
    const foreign = await rawRequest(url, {
      headers: { ...headers, Authorization: "Bearer s3cret-token-for-tests", Host: "evil.example" },
      body
    })
    expect(foreign.status).toBe(403)
  })

  it("answers under a host name given with --allowed-hosts, as behind a load balancer", async () => {
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" })
    const headers = {
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
      Authorization: "Bearer s3cret-token-for-tests"
    }
    const viaBalancer = await rawRequest(url, { headers: { ...headers, Host: "mcp.lb.example" }, body })
    expect(viaBalancer.status).toBe(200)
    expect(viaBalancer.body).toContain('"result"')
  })

  it("refuses a batch of 33 messages (-32600) and answers a batch of 2", async () => {
    const headers = {
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
      Authorization: "Bearer s3cret-token-for-tests",
      "mcp-protocol-version": "2025-03-26"
    }
    const batch = (size: number) =>
      JSON.stringify(Array.from({ length: size }, (_, i) => ({ jsonrpc: "2.0", id: i + 1, method: "tools/list" })))
    const refused = await rawRequest(url, { headers, body: batch(33) })
    expect(refused.status).toBe(400)
    expect(JSON.parse(refused.body)).toMatchObject({ id: null, error: { code: -32600, message: expect.stringContaining("32") } })
    const answered = await rawRequest(url, { headers, body: batch(2) })
    expect(answered.status).toBe(200)
    expect(answered.body.match(/"name":"list-environments"/g)).toHaveLength(2)
  })

  it("stops on SIGTERM with exit code 0, having written nothing to stdout", async () => {
    server.child.kill("SIGTERM")
    expect(await exitOf(server.child)).toBe(0)
    expect(server.stdout()).toBe("")
  })
})

describe("bad flags", () => {
  it.each([
    [["--bogus"], /Unknown option '--bogus'/],
    [["--transport", "ftp"], /--transport must be stdio or http/],
    [["--port", "3"], /--port is for --transport http only/],
    [["--transport", "http", "--port", "70000"], /--port must be an integer from 0 to 65535/],
    [["--log-level", "loud"], /--log-level must be one of debug, info, warning, error, none/],
    [["--profile", "team ops"], /--profile must be an AWS profile name/]
  ])("%j exits 2 with a message naming the flag", async (args, message) => {
    const run = spawnBin(args)
    expect(await exitOf(run.child)).toBe(2)
    expect(run.stderr()).toMatch(message)
    expect(run.stdout()).toBe("")
  })
})
