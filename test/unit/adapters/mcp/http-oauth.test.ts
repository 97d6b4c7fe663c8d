import { afterEach, describe, expect, it } from "vitest"
import { type HttpConnection, type HttpLog, serveHttp } from "../../../../src/adapters/mcp/http.js"
import type { ToolCallContext } from "../../../../src/ports/ToolHost.js"
import { makeFakeHost } from "../../../support/fake-host.js"
import { connectClient, rawRequest } from "../../../support/mcp-http-client.js"
import { startIdp, type TestIdp } from "../../../support/oauth-idp.js"

/**
 * serveHttp with `oauth`, in process: the caller a token names reaches the tool's context (the SDK's
 * authInfo → ToolCallContext.caller), a refusal is one log line without the token, the Host check
 * still comes first, and the static token and OAuth do not go together.
 */

const AUDIENCE = "https://mcp.example.test/mcp"
const servers: Array<HttpConnection> = []
const idps: Array<TestIdp> = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
  await Promise.all(idps.splice(0).map((i) => i.close()))
})

const setUp = async () => {
  const idp = await startIdp()
  idps.push(idp)
  const key = await idp.newKey("k1")
  idp.publish([key])
  const contexts: Array<ToolCallContext> = []
  const lines: Array<{ level: string; message: string; fields?: Readonly<Record<string, unknown>> }> = []
  const log: HttpLog = (level, message, fields) => lines.push({ level, message, ...(fields === undefined ? {} : { fields }) })
  const host = makeFakeHost({
    callTool: async (name, _args, context) => {
      contexts.push(context)
      return { isError: false, text: name, structuredContent: { echoed: name } }
    }
  })
  const server = await serveHttp(host, {
    port: 0,
    log,
    oauth: { issuer: idp.issuer, audience: AUDIENCE, readScope: "mwaa:read", writeScope: "mwaa:write" }
  })
  servers.push(server)
  const token = (scope: string) =>
    idp.sign(key, {
      sub: "user-1",
      email: "ana@example.com",
      preferred_username: "ana",
      azp: "app-1",
      aud: AUDIENCE,
      iss: idp.issuer,
      scope
    })
  return { server, contexts, lines, token }
}

describe("serveHttp with oauth", () => {
  it("puts the token's caller on the tool call's context, never the token", async () => {
    const { server, contexts, token } = await setUp()
    const client = await connectClient(server.url, { Authorization: `Bearer ${await token("mwaa:read")}` })
    await client.callTool({ name: "echo", arguments: { text: "hi" } })
    await client.close()
    expect(contexts).toHaveLength(1)
    expect(contexts[0]?.caller).toEqual({
      subject: "user-1",
      email: "ana@example.com",
      username: "ana",
      clientId: "app-1",
      scopes: ["mwaa:read"]
    })
  })

  it("logs each refusal once, naming the sub and the write tool of a 403, never the token", async () => {
    const { server, contexts, lines, token } = await setUp()
    const headers = {
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2025-03-26"
    }
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "fail", arguments: {} } })
    const readOnly = await token("mwaa:read")
    expect((await rawRequest(server.url, { headers: { ...headers, Authorization: `Bearer ${readOnly}` }, body })).status).toBe(403)
    expect((await rawRequest(server.url, { headers: { ...headers, Authorization: `Bearer ${readOnly}x` }, body })).status).toBe(401)
    expect((await rawRequest(server.url, { headers, body })).status).toBe(401)
    expect(contexts).toEqual([])
    const refusals = lines.filter((l) => l.message.startsWith("MCP HTTP request refused"))
    expect(refusals).toEqual([
      {
        level: "WARN",
        message: "MCP HTTP request refused (403): insufficient scope",
        fields: { sub: "user-1", missing: ["mwaa:write"], tools: ["fail"] }
      },
      {
        level: "WARN",
        message: "MCP HTTP request refused (401)",
        fields: { reason: expect.stringContaining("ERR_JWS_SIGNATURE_VERIFICATION_FAILED") }
      },
      { level: "INFO", message: "MCP HTTP request refused (401)", fields: { reason: "no bearer token" } }
    ])
    expect(JSON.stringify(lines)).not.toContain(readOnly.slice(-20))
  })

  it("checks the Host header before serving the metadata, and serves it only at its paths", async () => {
    const { server } = await setUp()
    const base = new URL(server.url).origin
    expect(
      (await rawRequest(`${base}/.well-known/oauth-protected-resource`, { method: "GET", headers: { Host: "evil.example" } })).status
    ).toBe(403)
    expect((await rawRequest(`${base}/.well-known/oauth-protected-resource/other`, { method: "GET" })).status).toBe(404)
    expect((await rawRequest(`${base}/.well-known/oauth-protected-resource?x=1`, { method: "GET" })).status).toBe(200)
  })

  it("takes the static token or OAuth, not both", async () => {
    await expect(
      serveHttp(makeFakeHost(), {
        port: 0,
        log: () => {},
        token: "t0ken",
        oauth: { issuer: "https://idp.example", audience: AUDIENCE, readScope: "r", writeScope: "w" }
      })
    ).rejects.toThrow(/not both/)
  })
})
