import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { connectClient, type RawResponse, rawRequest } from "../../support/mcp-http-client.js"
import { type HttpBin, startHttpBin } from "../../support/http-bin.js"
import { type IdpKey, startIdp, type TestIdp } from "../../support/oauth-idp.js"
import { tempCallLog } from "./stdio-helpers.js"

/**
 * The bin as an OAuth 2.1 resource server (`--oauth-issuer`, `--oauth-audience`), against an identity
 * provider on loopback with generated keys, found through its discovery document: a token with the
 * read scope lists the tools (the write tools too) and calls read tools; a write without the write
 * scope is refused with 403 insufficient_scope before the fake MWAA sees a call; an expired, wrongly
 * signed, wrong-audience or wrong-issuer token gets 401 pointing to the Protected Resource Metadata;
 * after a key rotation the new key's tokens validate and the dropped key's do not.
 */

const AUDIENCE = "https://mcp.example.test/mcp"
const METADATA_URL = "https://mcp.example.test/.well-known/oauth-protected-resource/mcp"
const ENVIRONMENT = "demo-airflow-2"
const DAG = "fx_rates_refresh"
/** The server refetches the JWKS for an unknown key at most this often (the test hook; 30 s by default). */
const COOLDOWN_MS = 300

const HEADERS = { "Content-Type": "application/json", Accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-03-26" }
const toolsCall = (name: string, args: Record<string, unknown>) =>
  JSON.stringify({ jsonrpc: "2.0", id: 7, method: "tools/call", params: { name, arguments: args } })
const ping = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" })

const challengeOf = (response: RawResponse): string => String(response.headers["www-authenticate"] ?? "")

describe("bin --transport http as an OAuth resource server", () => {
  let idp: TestIdp
  let keyA: IdpKey
  let server: HttpBin
  const log = tempCallLog()
  const claims = (scope: string, extra: Record<string, unknown> = {}) => ({
    sub: "user-1234",
    email: "ana@example.com",
    client_id: "mcp-client-1",
    aud: AUDIENCE,
    iss: idp.issuer,
    scope,
    ...extra
  })
  const post = (token: string | undefined, body: string) =>
    rawRequest(server.url, { headers: { ...HEADERS, ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }) }, body })

  beforeAll(async () => {
    idp = await startIdp()
    keyA = await idp.newKey("key-a")
    idp.publish([keyA])
    server = await startHttpBin(["--demo", "--allow-write", "--oauth-issuer", idp.issuer, "--oauth-audience", AUDIENCE], {
      MWAA_MCP_FAKE_CALL_LOG: log.path,
      MWAA_MCP_OAUTH_JWKS_COOLDOWN_MS: String(COOLDOWN_MS)
    })
  })
  afterAll(async () => {
    await server?.stop()
    await idp?.close()
    log.remove()
  })

  it("says so when ready, and publishes its Protected Resource Metadata at both well-known paths, without a token", async () => {
    expect(server.stderr()).toContain(`OAuth (issuer ${idp.issuer})`)
    const base = new URL(server.url).origin
    for (const path of ["/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp"]) {
      const response = await rawRequest(`${base}${path}`, { method: "GET" })
      expect(response.status).toBe(200)
      expect(response.headers["content-type"]).toMatch(/^application\/json/)
      expect(JSON.parse(response.body)).toEqual({
        resource: AUDIENCE,
        authorization_servers: [idp.issuer],
        scopes_supported: ["mwaa:read", "mwaa:write"],
        bearer_methods_supported: ["header"],
        resource_name: "mwaa-mcp-server"
      })
    }
    expect((await rawRequest(`${base}/.well-known/oauth-protected-resource`, { method: "POST", body: "{}" })).status).toBe(405)
  })

  it("answers a request without a token with 401 and the metadata's URL, built from the audience, not the Host header", async () => {
    const response = await post(undefined, ping)
    expect(response.status).toBe(401)
    expect(challengeOf(response)).toBe(`Bearer resource_metadata="${METADATA_URL}"`)
  })

  it("lets a token with the read scope list every tool (the write tools too) and call a read tool; the audit line names the person", async () => {
    const token = await idp.sign(keyA, claims("openid mwaa:read"))
    const client = await connectClient(server.url, { Authorization: `Bearer ${token}` })
    const { tools } = await client.listTools()
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(["list-environments", "trigger-dag-run", "pause-dag"]))
    const answer = await client.callTool({ name: "list-dags", arguments: { environment_name: ENVIRONMENT } })
    expect(answer.isError).not.toBe(true)
    await client.close()
    const audit = server
      .stderr()
      .split("\n")
      .filter((line) => line.includes('"audit":true') && line.includes('"list-dags"'))
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!)).toMatchObject({
      tool: "list-dags",
      kind: "read",
      outcome: "ok",
      environment: ENVIRONMENT,
      caller: { sub: "user-1234", email: "ana@example.com", client_id: "mcp-client-1" }
    })
    expect(server.stderr()).not.toContain(token)
  })

  it("refuses a write without the write scope with 403 insufficient_scope before any AWS call; with it, the write runs", async () => {
    const mark = log.mark()
    const readOnly = await idp.sign(keyA, claims("mwaa:read"))
    const refused = await post(readOnly, toolsCall("trigger-dag-run", { environment_name: ENVIRONMENT, dag_id: DAG }))
    expect(refused.status).toBe(403)
    expect(challengeOf(refused)).toBe(
      `Bearer error="insufficient_scope", scope="mwaa:read mwaa:write", resource_metadata="${METADATA_URL}"`
    )
    expect(log.since(mark)).toEqual([])
    expect(server.stderr()).toMatch(/refused \(403\): insufficient scope.*"sub":"user-1234".*"tools":\["trigger-dag-run"\]/)
    // A batch hiding the write behind a read is refused whole.
    const batch = JSON.stringify([
      { jsonrpc: "2.0", id: 1, method: "tools/list" },
      {
        jsonrpc: "2.0",
        id: 2,
        method: "tools/call",
        params: { name: "pause-dag", arguments: { environment_name: ENVIRONMENT, dag_id: DAG } }
      }
    ])
    expect((await post(readOnly, batch)).status).toBe(403)
    expect(log.since(mark)).toEqual([])

    const writer = await idp.sign(keyA, claims("mwaa:read mwaa:write"))
    const allowed = await post(writer, toolsCall("trigger-dag-run", { environment_name: ENVIRONMENT, dag_id: DAG }))
    expect(allowed.status).toBe(200)
    expect(allowed.body).not.toContain('"isError":true')
    expect(log.since(mark).map((call) => call.method)).toContain("POST")
  })

  it("refuses a token without the read scope with 403, even for ping", async () => {
    const none = await idp.sign(keyA, claims("openid profile"))
    const response = await post(none, ping)
    expect(response.status).toBe(403)
    expect(challengeOf(response)).toContain('scope="mwaa:read"')
  })

  it("answers an expired, wrongly signed, wrong-audience, audience-free, wrong-issuer or malformed token with 401 invalid_token and the metadata's URL", async () => {
    const stranger = await idp.newKey("key-a") // same kid, another key: the signature does not verify
    const now = Math.floor(Date.now() / 1000)
    const tokens = {
      expired: await idp.sign(keyA, claims("mwaa:read", { iat: now - 3600 }), { expiresIn: now - 600 }),
      "wrongly signed": await idp.sign(stranger, claims("mwaa:read")),
      "wrong audience": await idp.sign(keyA, claims("mwaa:read", { aud: "https://other.example.test/mcp" })),
      "no audience": await idp.sign(keyA, claims("mwaa:read", { aud: undefined })),
      "wrong issuer": await idp.sign(keyA, claims("mwaa:read", { iss: "https://evil.example.test" })),
      "not a JWT": "abc.def.ghi"
    }
    for (const [what, token] of Object.entries(tokens)) {
      const response = await post(token, ping)
      expect(response.status, what).toBe(401)
      expect(challengeOf(response), what).toBe(
        `Bearer error="invalid_token", error_description="The access token is not valid for this server", resource_metadata="${METADATA_URL}"`
      )
      expect(server.stderr(), what).not.toContain(token)
    }
  })

  it("after a key rotation, validates tokens of the new key (its kid unknown: the JWKS is fetched again) and refuses the dropped key's", async () => {
    const keyB = await idp.newKey("key-b", "ES256")
    const before = await idp.sign(keyA, claims("mwaa:read"))
    expect((await post(before, ping)).status).toBe(200)
    idp.publish([keyB])
    await new Promise((r) => setTimeout(r, COOLDOWN_MS + 50))
    const fetches = idp.requests().filter((path) => path === "/jwks").length
    const fresh = await idp.sign(keyB, claims("mwaa:read"))
    expect((await post(fresh, ping)).status).toBe(200)
    expect(idp.requests().filter((path) => path === "/jwks").length).toBe(fetches + 1)
    await new Promise((r) => setTimeout(r, COOLDOWN_MS + 50))
    const old = await idp.sign(keyA, claims("mwaa:read"))
    const refused = await post(old, ping)
    expect(refused.status).toBe(401)
    expect(challengeOf(refused)).toContain('error="invalid_token"')
  })

  it("answers 503 with Retry-After, not 401, while the identity provider's keys cannot be fetched", async () => {
    idp.failJwks(true)
    await new Promise((r) => setTimeout(r, COOLDOWN_MS + 50))
    const unknownKey = await idp.newKey("key-c")
    const response = await post(await idp.sign(unknownKey, claims("mwaa:read")), ping)
    expect(response.status).toBe(503)
    expect(response.headers["retry-after"]).toBe("5")
    idp.failJwks(false)
    expect(server.child.exitCode).toBe(null)
  })
})

describe("bad OAuth settings", () => {
  it.each([
    [["--transport", "http", "--oauth-issuer", "https://idp.example"], /needs both --oauth-issuer .* and --oauth-audience/],
    [["--oauth-issuer", "https://idp.example", "--oauth-audience", "https://mcp.example/mcp"], /OAuth is for --transport http only/]
  ])("%j is refused at start", async (args, message) => {
    const { spawnBin } = await import("../../support/http-bin.js")
    const run = spawnBin(args)
    await new Promise((resolve) => run.child.once("exit", resolve))
    expect(run.child.exitCode).toBe(2)
    expect(run.stderr()).toMatch(message)
  })
})
