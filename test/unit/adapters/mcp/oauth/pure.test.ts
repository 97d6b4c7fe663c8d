import { describe, expect, it } from "vitest"
import {
  insufficientScopeChallenge,
  invalidTokenChallenge,
  missingTokenChallenge
} from "../../../../../src/adapters/mcp/oauth/challenge.js"
import { callerOf, claimText, MAX_SCOPES, scopesOf } from "../../../../../src/adapters/mcp/oauth/claims.js"
import { discoveryUrls, isSafeFetchUrl } from "../../../../../src/adapters/mcp/oauth/discovery.js"
import { metadataPaths, metadataUrl } from "../../../../../src/adapters/mcp/oauth/metadata.js"
import { missingScopes, scopeRule, scopesNeeded } from "../../../../../src/adapters/mcp/oauth/scope.js"
import type { ToolDescriptor } from "../../../../../src/ports/ToolHost.js"

/** The resource server's pure parts: challenges, metadata URL, discovery URLs, scope decision, claims → caller. */

const META = "https://mcp.example.com/.well-known/oauth-protected-resource/mcp"

describe("WWW-Authenticate challenges", () => {
  it("point to the metadata, with invalid_token only when a token was given, and the scopes a 403 needs", () => {
    expect(missingTokenChallenge(META)).toBe(`Bearer resource_metadata="${META}"`)
    expect(invalidTokenChallenge(META)).toMatch(
      new RegExp(`^Bearer error="invalid_token", .*resource_metadata="${META.replace(/[.?/]/g, "\\$&")}"$`)
    )
    expect(insufficientScopeChallenge(META, ["mwaa:read", "mwaa:write"])).toBe(
      `Bearer error="insufficient_scope", scope="mwaa:read mwaa:write", resource_metadata="${META}"`
    )
  })

  it("cannot be broken out of by a quote, backslash or line break in a value", () => {
    const header = missingTokenChallenge('https://x.example/a"b\\c\r\nSet-Cookie: y=1')
    expect(header).toBe('Bearer resource_metadata="https://x.example/a\\"b\\\\cSet-Cookie: y=1"')
    expect(header).not.toMatch(/[\r\n]/)
  })
})

describe("the metadata's URL and paths (RFC 9728 §3.1)", () => {
  it("puts the well-known segment between the resource URI's origin and its path", () => {
    expect(metadataUrl("https://mcp.example.com/mcp")).toBe(META)
    expect(metadataUrl("https://mcp.example.com/")).toBe("https://mcp.example.com/.well-known/oauth-protected-resource")
    expect(metadataUrl("https://mcp.example.com:8443/team/mcp/")).toBe(
      "https://mcp.example.com:8443/.well-known/oauth-protected-resource/team/mcp"
    )
  })

  it("serves the plain path, the /mcp-suffixed one and the resource path's", () => {
    expect([...metadataPaths("https://mcp.example.com/mcp", "/mcp")]).toEqual([
      "/.well-known/oauth-protected-resource",
      "/.well-known/oauth-protected-resource/mcp"
    ])
    expect([...metadataPaths("https://lb.example.com/team/mcp", "/mcp")]).toContain("/.well-known/oauth-protected-resource/team/mcp")
  })
})

describe("discovery", () => {
  it("asks RFC 8414's inserted path, then OpenID's inserted and appended ones, then RFC 8414's appended (Okta)", () => {
    expect(discoveryUrls("https://idp.example.com")).toEqual([
      "https://idp.example.com/.well-known/oauth-authorization-server",
      "https://idp.example.com/.well-known/openid-configuration"
    ])
    expect(discoveryUrls("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC")).toEqual([
      "https://cognito-idp.eu-west-1.amazonaws.com/.well-known/oauth-authorization-server/eu-west-1_AbC",
      "https://cognito-idp.eu-west-1.amazonaws.com/.well-known/openid-configuration/eu-west-1_AbC",
      "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC/.well-known/openid-configuration",
      "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC/.well-known/oauth-authorization-server"
    ])
  })

  it("fetches over https, or plain http on loopback only", () => {
    expect(isSafeFetchUrl("https://idp.example.com/jwks")).toBe(true)
    expect(isSafeFetchUrl("http://127.0.0.1:9000/jwks")).toBe(true)
    expect(isSafeFetchUrl("http://localhost/jwks")).toBe(true)
    expect(isSafeFetchUrl("http://idp.example.com/jwks")).toBe(false)
    expect(isSafeFetchUrl("file:///etc/passwd")).toBe(false)
    expect(isSafeFetchUrl("not a url")).toBe(false)
  })
})

const tool = (name: string, readOnly: boolean): ToolDescriptor => ({
  name,
  title: name,
  description: name,
  inputSchema: { type: "object" },
  annotations: { readOnlyHint: readOnly, destructiveHint: false, idempotentHint: true, openWorldHint: true }
})

describe("the scopes a request needs", () => {
  const rule = scopeRule([tool("list-dags", true), tool("pause-dag", false), tool("trigger-dag-run", false)], "r", "w")
  const call = (name: unknown, id = 1) => ({ jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: {} } })

  it("is the read scope for any request, a read tool's call, an unknown tool's or a request without a body", () => {
    for (const body of [
      { jsonrpc: "2.0", id: 1, method: "tools/list" },
      call("list-dags"),
      call("no-such-tool"),
      call(42),
      undefined,
      null,
      "junk",
      [],
      { method: "tools/call", params: null }
    ]) {
      expect(scopesNeeded(body, rule), JSON.stringify(body)).toEqual({ scopes: ["r"], writeTools: [] })
    }
  })

  it("adds the write scope for a write tool's call, alone or anywhere in a batch", () => {
    expect(scopesNeeded(call("pause-dag"), rule)).toEqual({ scopes: ["r", "w"], writeTools: ["pause-dag"] })
    const batch = [
      { jsonrpc: "2.0", id: 1, method: "ping" },
      call("list-dags", 2),
      call("trigger-dag-run", 3),
      call("pause-dag", 4),
      call("pause-dag", 5)
    ]
    expect(scopesNeeded(batch, rule)).toEqual({ scopes: ["r", "w"], writeTools: ["trigger-dag-run", "pause-dag"] })
  })

  it("names what the token lacks", () => {
    const need = scopesNeeded(call("pause-dag"), rule)
    expect(missingScopes(need, ["r"])).toEqual(["w"])
    expect(missingScopes(need, ["w"])).toEqual(["r"])
    expect(missingScopes(need, ["r", "w", "other"])).toEqual([])
    expect(missingScopes(need, ["R", "W"])).toEqual(["r", "w"])
  })
})

describe("claims → the caller", () => {
  it("reads sub, email, a username (username, preferred_username or cognito:username) and the client (client_id or azp)", () => {
    expect(callerOf({ sub: "s1", email: "a@example.com", preferred_username: "ana", azp: "app", scp: ["r", "w"] })).toEqual({
      subject: "s1",
      email: "a@example.com",
      username: "ana",
      clientId: "app",
      scopes: ["r", "w"]
    })
    expect(callerOf({ sub: "s2", "cognito:username": "bob", client_id: "abc123", scope: "openid r" })).toEqual({
      subject: "s2",
      username: "bob",
      clientId: "abc123",
      scopes: ["openid", "r"]
    })
    expect(callerOf({ sub: "s3" })).toEqual({ subject: "s3", scopes: [] })
    expect(callerOf({ sub: "ana@example.com", cid: "0oa1okta", scp: ["r"] })).toMatchObject({ clientId: "0oa1okta" })
  })

  it("names nobody without a usable sub", () => {
    expect(callerOf({})).toBeUndefined()
    expect(callerOf({ sub: 42 })).toBeUndefined()
    expect(callerOf({ sub: "\u0000\u202e\u200b " })).toBeUndefined()
  })

  it("bounds 64K strings, strips control and invisible characters, masks secret-shaped text", () => {
    const huge = "x".repeat(64 * 1024)
    const caller = callerOf({
      sub: `id\u0000\u001b[31m-${huge}`,
      email: `ana\u202e@exa\u200bmple.com\r\nX-Injected: 1`,
      username: "password=hunter2-very-secret",
      client_id: "AKIAIOSFODNN7EXAMPLE",
      scope: `r ${"s".repeat(200)} w"x ok`
    })!
    expect(caller.subject.length).toBeLessThanOrEqual(257)
    expect(caller.subject.startsWith("id[31m-xxx")).toBe(true)
    expect(caller.email).toBe("ana@example.comX-Injected: 1")
    expect(caller.username).not.toContain("hunter2")
    expect(caller.clientId).not.toContain("AKIAIOSFODNN7EXAMPLE")
    expect(caller.scopes).toEqual(["r", "ok"])
    const text = Object.values(caller).flat().join("")
    expect([...text].filter((c) => c.charCodeAt(0) < 0x20 || c === "\u202e" || c === "\u200b")).toEqual([])
  })

  it("keeps at most MAX_SCOPES scopes, once each", () => {
    const scopes = scopesOf({ scope: [...Array.from({ length: 500 }, (_, i) => `s${i}`), "s1"].join(" ") })
    expect(scopes).toHaveLength(MAX_SCOPES)
    expect(new Set(scopes).size).toBe(MAX_SCOPES)
    expect(scopesOf({ scope: 42 })).toEqual([])
    expect(scopesOf({ scp: "a b" })).toEqual(["a", "b"])
  })

  it("claimText ignores non-strings and blank text", () => {
    expect(claimText(undefined, 10)).toBeUndefined()
    expect(claimText({ toString: () => "x" }, 10)).toBeUndefined()
    expect(claimText("  \t ", 10)).toBeUndefined()
    expect(claimText("abcdefghijkl", 5)).toBe("abcde…")
  })
})
