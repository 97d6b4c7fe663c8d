import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { parseCli, usage } from "../../../src/app/cli.js"

const parse = (argv: Array<string>, env: Record<string, string> = {}) => parseCli(argv, env)
const refusal = (argv: Array<string>, env: Record<string, string> = {}) =>
  Either.match(parse(argv, env), { onLeft: (message) => message, onRight: () => "accepted" })

describe("--replicas and MWAA_MCP_REPLICAS", () => {
  it("is 1 by default, and takes the flag before the variable", () => {
    const config = (argv: Array<string>, env: Record<string, string> = {}) => Either.getOrThrow(parse(argv, env)).config
    expect(config([]).replicas).toBe(1)
    expect(config(["--replicas", "3", "--max-rps", "20"])).toMatchObject({ replicas: 3, maxRequestsPerSecond: 20 })
    expect(config([], { MWAA_MCP_REPLICAS: "4" }).replicas).toBe(4)
    expect(config(["--replicas", "2"], { MWAA_MCP_REPLICAS: "4" }).replicas).toBe(2)
    expect(config([], { MWAA_MCP_REPLICAS: "" }).replicas).toBe(1)
    expect(config(["--replicas", "100"]).replicas).toBe(100)
  })

  it("refuses anything but an integer from 1 to 100, naming the flag or the variable and what is allowed", () => {
    for (const bad of ["0", "101", "2.5", "-1", "three", "", "1e2"]) {
      expect(refusal([`--replicas=${bad}`]), bad).toMatch(/^--replicas must be an integer from 1 to 100 .*, got /)
    }
    expect(refusal([], { MWAA_MCP_REPLICAS: "0" })).toMatch(/^MWAA_MCP_REPLICAS must be an integer from 1 to 100 /)
    expect(refusal([], { MWAA_MCP_REPLICAS: "many" })).toMatch(/^MWAA_MCP_REPLICAS must be .*, got "many"/)
  })

  it("is in --help, with its variable", () => {
    expect(usage).toContain("--replicas N")
    expect(usage).toContain("MWAA_MCP_REPLICAS")
  })
})
