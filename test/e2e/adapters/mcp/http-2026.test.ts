import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client"
import { Client as Client2025 } from "@modelcontextprotocol/sdk/client/index.js"
import { StreamableHTTPClientTransport as Transport2025 } from "@modelcontextprotocol/sdk/client/streamableHttp.js"
import { DEMO_ENVIRONMENT_2 } from "../../../../src/adapters/fake-mwaa/index.js"
import { type HttpBin, startHttpBin } from "../../../support/http-bin.js"
import { MODERN, type ModernRequest, modernHeaders, modernRequest, postModern } from "../../../support/modern-wire.js"

/**
 * Both eras over Streamable HTTP on the shipped bin (`--demo --transport http`): a v2 client pinned
 * to 2026-07-28 and one in 'auto' mode both speak 2026-07-28 with it, a 1.32 client (the 2025 era)
 * still works, and the 2026 wire as the spec writes it: cache hints on the lists, the
 * UnsupportedProtocolVersionError, and Mcp-Method/Mcp-Name headers checked against the body.
 */
describe("HTTP in the 2026-07-28 era, and the 2025 era beside it", () => {
  let server: HttpBin
  beforeAll(async () => {
    server = await startHttpBin(["--demo"])
  })
  afterAll(async () => {
    await server?.stop()
  })

  const modernClient = async (mode: "auto" | { pin: string }): Promise<Client> => {
    const client = new Client({ name: "http-2026-test", version: "0.0.0" }, { versionNegotiation: { mode } })
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url)))
    return client
  }

  it("a v2 client pinned to 2026-07-28 connects and calls a tool", async () => {
    const client = await modernClient({ pin: MODERN })
    try {
      expect(client.getProtocolEra()).toBe("modern")
      expect(client.getNegotiatedProtocolVersion()).toBe(MODERN)
      const answer = await client.callTool({ name: "list-environments", arguments: {} })
      expect(answer.isError).not.toBe(true)
      expect(JSON.stringify(answer.structuredContent)).toContain(DEMO_ENVIRONMENT_2)
    } finally {
      await client.close()
    }
  })

  it("a v2 client in 'auto' mode negotiates 2026-07-28", async () => {
    const client = await modernClient("auto")
    try {
      expect(client.getProtocolEra()).toBe("modern")
      expect(client.getNegotiatedProtocolVersion()).toBe(MODERN)
      expect(client.getDiscoverResult()?.supportedVersions).toContain(MODERN)
      const { tools } = await client.listTools()
      expect(tools.map((t) => t.name)).toContain("get-environment")
    } finally {
      await client.close()
    }
  })

  it("a 1.32 client (the 2025 era, initialize handshake) still connects and calls a tool", async () => {
    const client = new Client2025({ name: "http-2025-test", version: "0.0.0" })
    const transport = new Transport2025(new URL(server.url))
    await client.connect(transport)
    try {
      expect(transport.protocolVersion).toBe("2025-11-25")
      expect(client.getServerVersion()?.name).toBe("mwaa-mcp-server")
      const answer = await client.callTool({ name: "get-environment", arguments: { environment_name: DEMO_ENVIRONMENT_2 } })
      expect(answer.isError).not.toBe(true)
      expect(answer.structuredContent).toMatchObject({ name: DEMO_ENVIRONMENT_2 })
    } finally {
      await client.close()
    }
  })

  it.each(["tools/list", "prompts/list"])("%s carries ttlMs 3600000 and cacheScope public", async (method) => {
    const answer = await postModern(server.url, modernRequest(`list-${method}`, method))
    expect(answer.status).toBe(200)
    expect(answer.message).toMatchObject({ id: `list-${method}`, result: { ttlMs: 3_600_000, cacheScope: "public" } })
  })

  it("refuses an unsupported protocol version: HTTP 400, -32022 with the supported versions and the request's id", async () => {
    const discover = await postModern(server.url, modernRequest("discover", "server/discover"))
    const supported = discover.message.result.supportedVersions as ReadonlyArray<string>
    expect(supported).toContain(MODERN)

    const request = modernRequest(42, "tools/list", {}, "2099-01-01")
    const refused = await postModern(server.url, request, modernHeaders(request, "2099-01-01"))
    expect(refused.status).toBe(400)
    expect(refused.message).toEqual({
      jsonrpc: "2.0",
      id: 42,
      error: { code: -32022, message: expect.stringContaining("2099-01-01"), data: { supported, requested: "2099-01-01" } }
    })
  })

  // The SDK checks the headers against the body (SEP-2243) and refuses a disagreement with HTTP 400
  // and HeaderMismatch (-32020), naming both sides in error.data.mismatch, with the request's id.
  describe("Mcp-Method and Mcp-Name must agree with the body", () => {
    const mismatch = async (request: ModernRequest, headers: Record<string, string>) => {
      const refused = await postModern(server.url, request, headers)
      expect(refused.status).toBe(400)
      expect(refused.message).toMatchObject({ jsonrpc: "2.0", id: request.id, error: { code: -32020 } })
      return refused.message.error
    }

    it("refuses an Mcp-Method naming another method", async () => {
      const request = modernRequest("m1", "tools/list")
      const error = await mismatch(request, { ...modernHeaders(request), "Mcp-Method": "prompts/list" })
      expect(error.data.mismatch.header).toBe("prompts/list")
    })

    it("refuses a request without Mcp-Method", async () => {
      const request = modernRequest("m2", "tools/list")
      const { "Mcp-Method": _, ...headers } = modernHeaders(request)
      const error = await mismatch(request, headers)
      expect(error.data.mismatch.header).toBe("(missing)")
    })

    it("refuses a tools/call whose Mcp-Name names another tool, and one without Mcp-Name", async () => {
      const request = modernRequest("n1", "tools/call", { name: "list-environments", arguments: {} })
      const error = await mismatch(request, { ...modernHeaders(request), "Mcp-Name": "delete-environment" })
      expect(error.data.mismatch.header).toBe("delete-environment")
      const { "Mcp-Name": _, ...headers } = modernHeaders(request)
      await mismatch({ ...request, id: "n2" }, headers)
    })

    it("refuses a prompts/get whose Mcp-Name names another prompt", async () => {
      const request = modernRequest("n3", "prompts/get", { name: "environment-health-check", arguments: {} })
      await mismatch(request, { ...modernHeaders(request), "Mcp-Name": "triage-failed-dag-run" })
    })

    it("refuses an MCP-Protocol-Version header that disagrees with the envelope", async () => {
      const request = modernRequest("v1", "tools/list")
      await mismatch(request, { ...modernHeaders(request), "MCP-Protocol-Version": "2025-11-25" })
    })

    it("serves the same tools/call when the headers agree (whitespace around Mcp-Name allowed)", async () => {
      const request = modernRequest("ok", "tools/call", { name: "list-environments", arguments: {} })
      const served = await postModern(server.url, request, { ...modernHeaders(request), "Mcp-Name": "  list-environments " })
      expect(served.status).toBe(200)
      expect(served.message.result.isError).not.toBe(true)
    })
  })

  it("wrote nothing to stdout", () => {
    expect(server.stdout()).toBe("")
  })
})
