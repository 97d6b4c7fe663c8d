import { connect as netConnect } from "node:net"
import type { Client } from "@modelcontextprotocol/sdk/client/index.js"
import type { Progress } from "@modelcontextprotocol/sdk/types.js"
import { afterEach, describe, expect, it, vi } from "vitest"
import { serveHttp, type HttpConnection, type ServeHttpOptions } from "../../../../src/adapters/mcp/http.js"
import type { ToolHost } from "../../../../src/ports/ToolHost.js"
import { makeFakeHost } from "../../../support/fake-host.js"
import { connectClient, initializeRequest, rawRequest } from "../../../support/mcp-http-client.js"

const servers: Array<HttpConnection> = []
const clients: Array<Client> = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()))
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

const start = async (options: ServeHttpOptions = {}, host: ToolHost = makeFakeHost()) => {
  const server = await serveHttp(host, { port: 0, log: () => {}, ...options })
  servers.push(server)
  return server
}

const client = async (url: string, headers: Record<string, string> = {}) => {
  const connected = await connectClient(url, headers)
  clients.push(connected)
  return connected
}

const canConnect = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = netConnect(port, "127.0.0.1")
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })

describe("serveHttp", () => {
  it("binds 127.0.0.1 and answers on /mcp", async () => {
    const server = await start()
    expect(server.host).toBe("127.0.0.1")
    expect(server.port).toBeGreaterThan(0)
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/mcp`)
  })

  it("serves initialize, tools, prompts and ping as over stdio", async () => {
    const server = await start()
    const mcp = await client(server.url)
    expect(mcp.getServerVersion()).toMatchObject({ name: "fake-mwaa-mcp", version: "9.9.9" })
    expect(mcp.getInstructions()).toContain("Read before you write")
    expect(mcp.getServerCapabilities()).toMatchObject({ tools: {}, prompts: {}, logging: {} })
    const { tools } = await mcp.listTools()
    expect(tools.map((tool) => tool.name)).toEqual(["echo", "fail"])
    expect(await mcp.callTool({ name: "echo", arguments: { text: "hi" } })).toEqual({
      content: [{ type: "text", text: "echo: hi" }],
      structuredContent: { echoed: "hi" },
      isError: false
    })
    expect((await mcp.listPrompts()).prompts.map((prompt) => prompt.name)).toEqual(["triage"])
    expect((await mcp.getPrompt({ name: "triage", arguments: { dag_id: "etl" } })).messages).toHaveLength(1)
    expect(await mcp.ping()).toEqual({})
    expect(await mcp.setLoggingLevel("warning")).toEqual({})
  })

  it("streams progress notifications on the call's response", async () => {
    const server = await start()
    const updates: Array<Progress> = []
    await (await client(server.url)).callTool({ name: "echo", arguments: { text: "x" } }, undefined, {
      onprogress: (update) => updates.push(update)
    })
    expect(updates).toEqual([
      { progress: 1, total: 2, message: "halfway" },
      { progress: 2, total: 2 }
    ])
  })

  it("serves two clients in parallel, each getting its own answers", async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const callTool: ToolHost["callTool"] = async (_name, args) => {
      const text = String((args as { text: string }).text)
      if (text === "slow") await gate
      return { isError: false, text, structuredContent: { echoed: text } }
    }
    const server = await start({}, makeFakeHost({ callTool }))
    const [a, b] = await Promise.all([client(server.url), client(server.url)])
    const slow = a!.callTool({ name: "echo", arguments: { text: "slow" } })
    // b is answered while a's call is still waiting.
    expect((await b!.callTool({ name: "echo", arguments: { text: "fast" } })).structuredContent).toEqual({ echoed: "fast" })
    release()
    expect((await slow).structuredContent).toEqual({ echoed: "slow" })
  })

  it("aborts the tool call when the client hangs up", async () => {
    let aborted: AbortSignal | undefined
    const callTool: ToolHost["callTool"] = (_name, _args, context) => {
      aborted = context.signal
      return new Promise(() => {})
    }
    const server = await start({}, makeFakeHost({ callTool }))
    const controller = new AbortController()
    const pending = fetch(server.url, {
      method: "POST",
      signal: controller.signal,
      headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 7, method: "tools/call", params: { name: "echo", arguments: { text: "x" } } })
    })
    await vi.waitFor(() => expect(aborted).toBeDefined())
    controller.abort()
    await expect(pending.then((res) => res.text())).rejects.toThrow()
    await vi.waitFor(() => expect(aborted?.aborted).toBe(true))
  })

  describe("DNS-rebinding protection", () => {
    it("refuses a foreign Host with 403 and a JSON-RPC error", async () => {
      const server = await start()
      const response = await rawRequest(server.url, initializeRequest({ Host: "evil.example" }))
      expect(response.status).toBe(403)
      expect(JSON.parse(response.body)).toMatchObject({
        jsonrpc: "2.0",
        error: { code: -32000, message: expect.stringContaining("Host") },
        id: null
      })
    })

    it("refuses a loopback name on another port, and a Host smuggling user info", async () => {
      const server = await start()
      for (const host of [`localhost:${server.port + 1}`, `evil.example@localhost:${server.port}`, `localhost:${server.port}/x`]) {
        expect((await rawRequest(server.url, initializeRequest({ Host: host }))).status).toBe(403)
      }
    })

    it("refuses a request without Host (HTTP/1.0)", async () => {
      const server = await start()
      const { body } = initializeRequest()
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = netConnect(server.port, "127.0.0.1", () => {
          socket.end(
            `POST /mcp HTTP/1.0\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
          )
        })
        let text = ""
        socket.on("data", (chunk: Buffer) => {
          text += chunk.toString()
        })
        socket.on("end", () => resolve(text))
        socket.on("error", reject)
      })
      expect(answer).toMatch(/^HTTP\/1\.[01] 403 /)
    })

    it("refuses a foreign Origin with 403 even under an allowed Host", async () => {
      const server = await start()
      const response = await rawRequest(server.url, initializeRequest({ Origin: "http://evil.example" }))
      expect(response.status).toBe(403)
      expect(JSON.parse(response.body)).toMatchObject({ error: { message: expect.stringContaining("Origin") } })
      expect((await rawRequest(server.url, initializeRequest({ Origin: "null" }))).status).toBe(403)
    })

    it("accepts each loopback name with the bound port, with or without a loopback Origin", async () => {
      const server = await start()
      for (const name of ["localhost", "127.0.0.1", "[::1]"]) {
        const host = `${name}:${server.port}`
        expect((await rawRequest(server.url, initializeRequest({ Host: host }))).status).toBe(200)
        expect((await rawRequest(server.url, initializeRequest({ Host: host, Origin: `http://${host}` }))).status).toBe(200)
      }
    })

    it("accepts configured extra hosts and origins", async () => {
      const server = await start({ allowedHosts: ["mcp.internal.example"], allowedOrigins: ["https://console.example"] })
      const response = await rawRequest(
        server.url,
        initializeRequest({ Host: "mcp.internal.example:8443", Origin: "https://console.example" })
      )
      expect(response.status).toBe(200)
    })
  })

  describe("bearer token", () => {
    const token = "s3cret-token-value"

    it("answers 401 with a Bearer challenge without a token or with a wrong one", async () => {
      const server = await start({ token })
      const missing = await rawRequest(server.url, initializeRequest())
      expect(missing.status).toBe(401)
      expect(missing.headers["www-authenticate"]).toMatch(/^Bearer/)
      expect(JSON.parse(missing.body)).toMatchObject({ jsonrpc: "2.0", error: { code: -32000 } })
      const wrong = await rawRequest(server.url, initializeRequest({ Authorization: "Bearer s3cret-token-valuE" }))
      expect(wrong.status).toBe(401)
      expect(wrong.headers["www-authenticate"]).toContain(`error="invalid_token"`)
      expect((await rawRequest(server.url, initializeRequest({ Authorization: `Basic ${token}` }))).status).toBe(401)
    })

    it("serves a client that sends the right token", async () => {
      const server = await start({ token })
      expect((await rawRequest(server.url, initializeRequest({ Authorization: `Bearer ${token}` }))).status).toBe(200)
      const mcp = await client(server.url, { Authorization: `Bearer ${token}` })
      expect((await mcp.listTools()).tools).toHaveLength(2)
    })

    it("refuses an empty token at start-up rather than accepting an empty bearer", async () => {
      await expect(serveHttp(makeFakeHost(), { port: 0, log: () => {}, token: "" })).rejects.toThrow(/empty/)
    })
  })

  describe("HTTP surface", () => {
    it("answers GET and DELETE on /mcp with 405 (stateless: no stream, no session)", async () => {
      const server = await start()
      for (const method of ["GET", "DELETE"]) {
        const response = await rawRequest(server.url, { method, headers: { Accept: "text/event-stream" } })
        expect(response.status).toBe(405)
        expect(response.headers["allow"]).toBe("POST")
        expect(JSON.parse(response.body)).toMatchObject({ jsonrpc: "2.0", error: { code: -32000 } })
      }
    })

    it("answers other paths with 404", async () => {
      const server = await start()
      for (const path of ["/", "/mcp/", "/sse", "/mcpx"]) {
        expect((await rawRequest(`http://127.0.0.1:${server.port}${path}`, initializeRequest())).status).toBe(404)
      }
      expect((await rawRequest(`${server.url}?x=1`, initializeRequest())).status).toBe(200)
    })

    it("answers a body over the limit with 413, declared or streamed", async () => {
      const server = await start({ maxBodyBytes: 1024 })
      const big = initializeRequest()
      const padded = JSON.stringify({ ...JSON.parse(big.body), padding: "x".repeat(2048) })
      expect((await rawRequest(server.url, { headers: big.headers, body: padded })).status).toBe(413)
      const chunked = await rawRequest(server.url, { headers: { ...big.headers, "Transfer-Encoding": "chunked" }, body: padded })
      expect(chunked.status).toBe(413)
      expect((await rawRequest(server.url, big)).status).toBe(200)
    })

    it("answers malformed JSON with a JSON-RPC parse error", async () => {
      const server = await start()
      const response = await rawRequest(server.url, { headers: initializeRequest().headers, body: "{not json" })
      expect(response.status).toBe(400)
      expect(JSON.parse(response.body)).toMatchObject({ error: { code: -32700 } })
    })

    const batchOf = (size: number) => ({
      headers: { ...initializeRequest().headers, "mcp-protocol-version": "2025-03-26" },
      body: JSON.stringify(
        Array.from({ length: size }, (_, i) => ({
          jsonrpc: "2.0",
          id: i + 1,
          method: "tools/call",
          params: { name: "echo", arguments: { text: `m${i + 1}` } }
        }))
      )
    })
    const countingHost = () => {
      const calls = { count: 0 }
      const base = makeFakeHost()
      const host = makeFakeHost({
        callTool: (name, args, context) => {
          calls.count += 1
          return base.callTool(name, args, context)
        }
      })
      return { calls, host }
    }

    it("refuses a JSON-RPC batch of more than 32 messages with -32600, before any message runs", async () => {
      const { calls, host } = countingHost()
      const server = await start({}, host)
      for (const size of [33, 1000]) {
        const response = await rawRequest(server.url, batchOf(size))
        expect(response.status).toBe(400)
        const body = JSON.parse(response.body)
        expect(body).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32600 } })
        expect(body.error.message).toContain("at most 32 messages")
      }
      expect(calls.count).toBe(0)
    })

    it("still answers every message of a batch of 2 or 32, as the SDK does", async () => {
      const { calls, host } = countingHost()
      const server = await start({}, host)
      for (const size of [2, 32]) {
        const response = await rawRequest(server.url, batchOf(size))
        expect(response.status).toBe(200)
        const ids = [...response.body.matchAll(/"echo: m(\d+)"/g)].map((m) => Number(m[1])).sort((a, b) => a - b)
        expect(ids).toEqual(Array.from({ length: size }, (_, i) => i + 1))
      }
      expect(calls.count).toBe(34)
    })
  })

  describe("close", () => {
    it("resolves and the port stops accepting", async () => {
      const server = await serveHttp(makeFakeHost(), { port: 0, log: () => {} })
      await client(server.url)
      expect(await canConnect(server.port)).toBe(true)
      await server.close()
      expect(await canConnect(server.port)).toBe(false)
      expect(server.close()).toBeInstanceOf(Promise)
    })

    it("lets an in-flight call finish before resolving", async () => {
      let release: () => void = () => {}
      const gate = new Promise<void>((resolve) => {
        release = resolve
      })
      const callTool: ToolHost["callTool"] = async () => {
        await gate
        return { isError: false, text: "done", structuredContent: { echoed: "done" } }
      }
      let entered = false
      const server = await serveHttp(
        makeFakeHost({
          callTool: async (...args) => {
            entered = true
            return callTool(...args)
          }
        }),
        { port: 0, log: () => {} }
      )
      const mcp = await client(server.url)
      const call = mcp.callTool({ name: "echo", arguments: { text: "x" } })
      await vi.waitFor(() => expect(entered).toBe(true))
      let closed = false
      const closing = server.close().then(() => {
        closed = true
      })
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(closed).toBe(false)
      expect(await canConnect(server.port)).toBe(false)
      release()
      expect((await call).structuredContent).toEqual({ echoed: "done" })
      await closing
    })

    it("answers a request arriving on an open connection while draining with 503", async () => {
      let release: () => void = () => {}
      const gate = new Promise<void>((resolve) => {
        release = resolve
      })
      let entered = false
      const callTool: ToolHost["callTool"] = async () => {
        entered = true
        await gate
        return { isError: false, text: "done", structuredContent: { echoed: "done" } }
      }
      const server = await serveHttp(makeFakeHost({ callTool }), { port: 0, log: () => {} })
      const post = (id: number, method: string, params: object) => {
        const body = JSON.stringify({ jsonrpc: "2.0", id, method, params })
        return (
          `POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\n` +
          `Accept: application/json, text/event-stream\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
        )
      }
      let text = ""
      const socket = netConnect(server.port, "127.0.0.1")
      socket.on("data", (chunk: Buffer) => {
        text += chunk.toString()
      })
      const ended = new Promise((resolve) => socket.on("close", resolve))
      socket.write(post(1, "tools/call", { name: "echo", arguments: { text: "x" } }))
      await vi.waitFor(() => expect(entered).toBe(true))
      const closing = server.close()
      socket.write(post(2, "ping", {}))
      await new Promise((resolve) => setTimeout(resolve, 50))
      release()
      await closing
      await ended
      expect(text).toMatch(/^HTTP\/1\.1 200 /)
      expect(text).toContain(`"structuredContent":{"echoed":"done"}`)
      expect(text).toMatch(/HTTP\/1\.1 503 [\s\S]*shutting down/)
    })

    it("cuts calls still running after the shutdown timeout, aborting them", async () => {
      let signal: AbortSignal | undefined
      const callTool: ToolHost["callTool"] = (_name, _args, context) => {
        signal = context.signal
        return new Promise(() => {})
      }
      const server = await serveHttp(makeFakeHost({ callTool }), { port: 0, log: () => {}, shutdownTimeoutMs: 100 })
      const mcp = await client(server.url)
      const call = mcp.callTool({ name: "echo", arguments: { text: "x" } })
      call.catch(() => {})
      await vi.waitFor(() => expect(signal).toBeDefined())
      await server.close()
      await vi.waitFor(() => expect(signal?.aborted).toBe(true))
      // The SDK client is left waiting on the cut stream (no event id to resume from) until
      // its own request timeout; closing it in afterEach ends the call.
    })
  })
})
