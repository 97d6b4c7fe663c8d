import { describe, expect, it } from "vitest"
import { loopbackAllowList, makeBearerCheck, makeHostCheck, makeOriginCheck } from "../../../../src/adapters/mcp/http-guard.js"

describe("makeHostCheck", () => {
  const check = makeHostCheck([...loopbackAllowList(3000).hosts, "mcp.internal.example"])

  it("accepts the loopback names on the bound port, in any case", () => {
    for (const host of ["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "LOCALHOST:3000"]) expect(check(host), host).toBe(true)
  })

  it("refuses other names, other ports, a missing port where one is required, and missing or malformed values", () => {
    for (const host of [
      "evil.example",
      "evil.example:3000",
      "localhost:3001",
      "localhost",
      "127.0.0.2:3000",
      "[::2]:3000",
      "evil.example@localhost:3000",
      "localhost:3000/x",
      "localhost:3000 ",
      "",
      undefined
    ]) {
      expect(check(host), String(host)).toBe(false)
    }
  })

  it("lets an entry without a port match any port", () => {
    expect(check("mcp.internal.example")).toBe(true)
    expect(check("mcp.internal.example:8443")).toBe(true)
    expect(check("mcp.internal.example.evil.example")).toBe(false)
  })

  it("treats port 80 as the default port", () => {
    const port80 = makeHostCheck(loopbackAllowList(80).hosts)
    expect(port80("localhost")).toBe(true)
    expect(port80("localhost:80")).toBe(true)
  })

  it("rejects an invalid entry at configuration time", () => {
    expect(() => makeHostCheck(["http://localhost"])).toThrow(RangeError)
    expect(() => makeHostCheck(["::1"])).toThrow(RangeError)
  })
})

describe("makeOriginCheck", () => {
  const check = makeOriginCheck([...loopbackAllowList(3000).origins, "https://console.example"])

  it("lets a request without Origin through (not a browser)", () => {
    expect(check(undefined)).toBe(true)
  })

  it("accepts the listed origins, compared as origins", () => {
    for (const origin of [
      "http://localhost:3000",
      "http://127.0.0.1:3000",
      "http://[::1]:3000",
      "https://console.example",
      "https://console.example:443"
    ]) {
      expect(check(origin), origin).toBe(true)
    }
  })

  it("refuses other origins, other schemes and ports, null and garbage", () => {
    for (const origin of [
      "http://evil.example",
      "https://localhost:3000",
      "http://localhost:3001",
      "http://console.example",
      "null",
      "",
      "localhost:3000"
    ]) {
      expect(check(origin), origin).toBe(false)
    }
  })

  it("rejects an invalid entry at configuration time", () => {
    expect(() => makeOriginCheck(["localhost"])).toThrow(RangeError)
  })
})

describe("makeBearerCheck", () => {
  const check = makeBearerCheck("tok-123")

  it("accepts the token in a Bearer header, the scheme in any case", () => {
    expect(check("Bearer tok-123")).toBe("ok")
    expect(check("bearer tok-123")).toBe("ok")
  })

  it("calls a missing header or another scheme missing, and a wrong or malformed bearer invalid", () => {
    expect(check(undefined)).toBe("missing")
    expect(check("Basic dG9rLTEyMw==")).toBe("missing")
    expect(check("Bearer tok-12")).toBe("invalid")
    expect(check("Bearer tok-1234")).toBe("invalid")
    expect(check("Bearer")).toBe("invalid")
    expect(check("Bearer tok-123 extra")).toBe("invalid")
  })

  it("refuses an empty token", () => {
    expect(() => makeBearerCheck("")).toThrow(RangeError)
  })
})
