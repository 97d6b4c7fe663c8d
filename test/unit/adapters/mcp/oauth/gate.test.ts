import { describe, expect, it } from "vitest"
import { makeOAuthGate } from "../../../../../src/adapters/mcp/oauth/gate.js"
import type { TokenVerdict } from "../../../../../src/adapters/mcp/oauth/verifier.js"
import type { ToolDescriptor } from "../../../../../src/ports/ToolHost.js"

/** The gate's decisions, with a stand-in verifier: which header is a missing token, which an invalid one, when 503, what the SDK gets. */

const options = { issuer: "https://idp.example", audience: "https://mcp.example/mcp", readScope: "mwaa:read", writeScope: "mwaa:write" }
const META = "https://mcp.example/.well-known/oauth-protected-resource/mcp"
const pause: ToolDescriptor = {
  name: "pause-dag",
  title: "pause",
  description: "pause",
  inputSchema: { type: "object" },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true }
}

const gateWith = (verdict: TokenVerdict) => {
  const seen: Array<string> = []
  const gate = makeOAuthGate(options, [pause], "mwaa-mcp-server", "/mcp", async (token) => {
    seen.push(token)
    return verdict
  })
  return { gate, seen }
}
const valid: TokenVerdict = {
  _tag: "Valid",
  caller: { subject: "u1", clientId: "c1", scopes: ["mwaa:read"] },
  expiresAt: 2_000_000_000
}

describe("the OAuth gate", () => {
  it("treats no header, another scheme or a bare Bearer as a missing token, without asking the verifier", async () => {
    const { gate, seen } = gateWith(valid)
    for (const header of [undefined, "Basic dXNlcjpwYXNz", "Bearer", "bearer  "]) {
      const outcome = await gate.authenticate(header)
      expect(outcome._tag === "Refused" && outcome.tokenGiven).toBe(!(header === undefined || header.startsWith("Basic")))
      expect(outcome).toMatchObject({ _tag: "Refused", status: 401 })
    }
    expect((await gate.authenticate(undefined)) as unknown).toMatchObject({
      headers: { "WWW-Authenticate": `Bearer resource_metadata="${META}"` }
    })
    expect(seen).toEqual([])
  })

  it("refuses a malformed bearer value as an invalid token, and names no token in its reason", async () => {
    const { gate, seen } = gateWith(valid)
    const outcome = await gate.authenticate("Bearer two words")
    expect(outcome).toMatchObject({
      _tag: "Refused",
      status: 401,
      headers: { "WWW-Authenticate": expect.stringContaining('error="invalid_token"') }
    })
    expect(seen).toEqual([])
  })

  it("answers 503 with Retry-After when the verifier has no verdict, 401 when the token is invalid", async () => {
    expect(await gateWith({ _tag: "Unavailable", reason: "down" }).gate.authenticate("Bearer abc")).toMatchObject({
      status: 503,
      headers: { "Retry-After": "5" }
    })
    expect(await gateWith({ _tag: "Invalid", reason: "expired" }).gate.authenticate("Bearer abc")).toMatchObject({
      status: 401,
      reason: "expired"
    })
  })

  it("hands the SDK an AuthInfo with the caller, and refuses a write without the write scope with the scopes needed", async () => {
    const { gate } = gateWith(valid)
    const who = await gate.authenticate("Bearer tok.en.x")
    if (who._tag !== "Authenticated") throw new Error("expected the caller")
    const allowed = gate.authorize(who, { jsonrpc: "2.0", id: 1, method: "tools/list" })
    expect(allowed).toEqual({
      _tag: "Allowed",
      authInfo: {
        token: "tok.en.x",
        clientId: "c1",
        scopes: ["mwaa:read"],
        expiresAt: 2_000_000_000,
        resource: new URL(options.audience),
        resourceMetadataUrl: META,
        extra: { caller: valid.caller }
      }
    })
    const refused = gate.authorize(who, { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "pause-dag" } })
    expect(refused).toMatchObject({
      _tag: "Forbidden",
      missing: ["mwaa:write"],
      tools: ["pause-dag"],
      headers: { "WWW-Authenticate": `Bearer error="insufficient_scope", scope="mwaa:read mwaa:write", resource_metadata="${META}"` }
    })
  })
})
