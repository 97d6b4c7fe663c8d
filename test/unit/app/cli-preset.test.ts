import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { parseCli, usage } from "../../../src/app/cli.js"

const parse = (argv: Array<string>, env: Record<string, string> = {}) => parseCli(argv, env)

describe("--preset agentcore", () => {
  it("serves Streamable HTTP on 0.0.0.0:8000 with any Host accepted", () => {
    const settings = Either.getOrThrow(parse(["--preset", "agentcore"]))
    expect(settings.transport).toEqual({
      kind: "http",
      host: "0.0.0.0",
      port: 8000,
      token: undefined,
      allowedHosts: [],
      allowedOrigins: [],
      allowAnyHost: true,
      preset: "agentcore"
    })
    // The variable does the same, for a platform that sets variables rather than arguments.
    expect(Either.getOrThrow(parse([], { MWAA_MCP_PRESET: "agentcore" })).transport).toEqual(settings.transport)
  })

  it("keeps flags given beside it", () => {
    const settings = Either.getOrThrow(parse(["--preset", "agentcore", "--port", "9000", "--allow-write"]))
    expect(settings.transport).toMatchObject({ kind: "http", host: "0.0.0.0", port: 9000, allowAnyHost: true })
    expect(settings.config.allowWrite).toBe(true)
  })

  it("leaves the plain HTTP transport's guards as they were", () => {
    expect(Either.getOrThrow(parse(["--transport", "http"])).transport).toMatchObject({
      host: "127.0.0.1",
      port: 3000,
      allowAnyHost: false,
      preset: undefined
    })
  })

  it("names a preset it does not know, and a preset with stdio", () => {
    expect(parse(["--preset", "lambda"])).toEqual(Either.left('--preset must be agentcore, got "lambda"'))
    expect(parse([], { MWAA_MCP_PRESET: "x" })).toEqual(Either.left('MWAA_MCP_PRESET must be agentcore, got "x"'))
    expect(parse(["--preset", "agentcore", "--transport", "stdio"])).toEqual(
      Either.left("--preset agentcore serves Streamable HTTP: it cannot be combined with the stdio transport")
    )
  })

  it("is in the usage text with its variable", () => {
    expect(usage).toMatch(/--preset agentcore/)
    expect(usage).toMatch(/MWAA_MCP_PRESET/)
    expect(usage).toMatch(/\/healthz/)
    expect(usage).toMatch(/\/readyz/)
  })
})
