import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { afterEach, describe, expect, it } from "vitest"
import { serveHttp, type HttpConnection, type ServeHttpOptions } from "../../../../src/adapters/mcp/http.js"
import { answerProbe, type Readiness } from "../../../../src/adapters/mcp/http-probes.js"
import { makeFakeHost } from "../../../support/fake-host.js"
import { initializeRequest, rawRequest } from "../../../support/mcp-http-client.js"

const servers: Array<HttpConnection> = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

const start = async (options: ServeHttpOptions = {}) => {
  const server = await serveHttp(makeFakeHost(), { port: 0, log: () => {}, ...options })
  servers.push(server)
  return server
}

const probe = (server: HttpConnection, path: string, headers: Record<string, string> = {}, method = "GET") =>
  rawRequest(`http://127.0.0.1:${server.port}${path}`, { method, headers })

describe("the HTTP transport's probes", () => {
  it("answers /healthz and /readyz to a health checker: any Host, no token", async () => {
    let asked = 0
    const server = await start({
      token: "team-secret-token-0123456789",
      readiness: async (): Promise<Readiness> => {
        asked++
        return { ready: true }
      }
    })
    // A load balancer's checker sends the target's own address as Host, and no Authorization.
    const health = await probe(server, "/healthz", { Host: "10.0.3.17:3000" })
    expect(health.status).toBe(200)
    expect(JSON.parse(health.body)).toEqual({ status: "ok" })
    expect(health.headers["cache-control"]).toBe("no-store")
    expect(asked).toBe(0)
    const ready = await probe(server, "/readyz?verbose=1", { Host: "10.0.3.17:3000" })
    expect(ready.status).toBe(200)
    expect(JSON.parse(ready.body)).toEqual({ status: "ready" })
    expect(asked).toBe(1)
    // The MCP endpoint keeps every guard.
    const mcp = await rawRequest(server.url, {
      ...initializeRequest(),
      headers: { ...initializeRequest().headers, Host: "10.0.3.17:3000" }
    })
    expect(mcp.status).toBe(403)
    expect((await rawRequest(server.url, initializeRequest())).status).toBe(401)
  })

  it("answers 503 with the reason when not ready", async () => {
    const server = await start({ readiness: async () => ({ ready: false, reason: "no target reachable" }) })
    const notReady = await probe(server, "/readyz")
    expect(notReady.status).toBe(503)
    expect(JSON.parse(notReady.body)).toEqual({ status: "not ready", reason: "no target reachable" })
    // Liveness is another question: the process serves.
    expect((await probe(server, "/healthz")).status).toBe(200)
  })

  it("says not ready while draining, without asking the check", async () => {
    let asked = 0
    const http = createServer((req, res) => {
      void answerProbe(req.url ?? "", req.method, res, {
        draining: true,
        readiness: async () => {
          asked++
          return { ready: true }
        }
      })
    })
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve))
    try {
      const { port } = http.address() as AddressInfo
      const during = await rawRequest(`http://127.0.0.1:${port}/readyz`, { method: "GET" })
      expect(during.status).toBe(503)
      expect(JSON.parse(during.body)).toEqual({ status: "not ready", reason: "shutting down" })
      expect((await rawRequest(`http://127.0.0.1:${port}/healthz`, { method: "GET" })).status).toBe(200)
      expect(asked).toBe(0)
    } finally {
      await new Promise((resolve) => http.close(resolve))
    }
  })

  it("refuses other methods with 405", async () => {
    const server = await start()
    const post = await probe(server, "/healthz", {}, "POST")
    expect(post.status).toBe(405)
    expect(post.headers["allow"]).toBe("GET, HEAD")
  })

  it("accepts any Host on the MCP endpoint when told to (a platform's proxy), and only then", async () => {
    const open = await start({ allowAnyHost: true })
    const request = initializeRequest({ Host: "runtime.agentcore.internal:8000" })
    expect((await rawRequest(open.url, request)).status).toBe(200)
    const guarded = await start()
    expect((await rawRequest(guarded.url, request)).status).toBe(403)
  })
})
