import { describe, expect, it } from "@effect/vitest"
import { Either, Option } from "effect"
import { parseCli, usage } from "../../../src/app/cli.js"

const ok = (argv: Array<string>, env: Record<string, string> = {}) => {
  const parsed = parseCli(argv, env)
  if (Either.isLeft(parsed)) throw new Error(parsed.left)
  return parsed.right
}
const error = (argv: Array<string>, env: Record<string, string> = {}) => {
  const parsed = parseCli(argv, env)
  if (Either.isRight(parsed)) throw new Error("expected an error")
  return parsed.left
}

describe("command line and environment", () => {
  it("is read-only, not a demo, and in us-east-1 by default", () => {
    const s = ok([])
    expect(s.config.allowWrite).toBe(false)
    expect(s.demo).toBe(false)
    expect(s.config.region).toBe("us-east-1")
    expect(Option.isNone(s.config.defaultEnvironment)).toBe(true)
    expect(s.config.maxRequestsPerSecond).toBe(8)
  })

  it("reads flags, and environment variables where no flag is given", () => {
    const s = ok(["--allow-write", "--region", "eu-west-1", "--max-rps", "20"], {
      MWAA_ENVIRONMENT: "prod",
      MWAA_MCP_SENSITIVE_NAMES: "Pin, otp ",
      MWAA_MCP_DEMO: "1"
    })
    expect(s.config).toMatchObject({ allowWrite: true, region: "eu-west-1", maxRequestsPerSecond: 20, extraSensitiveNames: ["pin", "otp"] })
    expect(Option.getOrNull(s.config.defaultEnvironment)).toBe("prod")
    expect(s.demo).toBe(true)
    expect(Option.getOrNull(ok(["--environment", "staging"], { MWAA_ENVIRONMENT: "prod" }).config.defaultEnvironment)).toBe("staging")
    expect(ok([], { AWS_DEFAULT_REGION: "ap-south-1" }).config.region).toBe("ap-south-1")
    expect(ok([], { MWAA_MCP_MAX_RPS: "3" }).config.maxRequestsPerSecond).toBe(3)
  })

  it("takes the HTTP transport's extra hosts and origins, by flag or variable, and names a bad entry", () => {
    const s = ok(["--transport", "http", "--allowed-hosts", "mcp.internal.example, lb.example:8443"], {
      MWAA_MCP_ALLOWED_ORIGINS: "https://console.example"
    })
    expect(s.transport).toMatchObject({
      kind: "http",
      allowedHosts: ["mcp.internal.example", "lb.example:8443"],
      allowedOrigins: ["https://console.example"]
    })
    expect(ok(["--transport", "http"]).transport).toMatchObject({ allowedHosts: [], allowedOrigins: [] })
    expect(error(["--transport", "http", "--allowed-hosts", "good.example,bad host/x"])).toMatch(
      /^--allowed-hosts: Invalid allowed host "bad host\/x"/
    )
    expect(error(["--transport", "http"], { MWAA_MCP_ALLOWED_ORIGINS: "console.example" })).toMatch(
      /^MWAA_MCP_ALLOWED_ORIGINS: Invalid allowed origin "console.example"/
    )
    expect(error(["--allowed-hosts", "lb.example", "--host", "0.0.0.0"])).toBe("--host, --allowed-hosts are for --transport http only")
  })

  it("takes an endpoint override for local emulators", () => {
    expect(Option.getOrNull(ok(["--endpoint-url", "http://127.0.0.1:4566"]).endpointUrl)).toBe("http://127.0.0.1:4566")
    expect(Option.isNone(ok([]).endpointUrl)).toBe(true)
    expect(error(["--endpoint-url", "localhost:4566"])).toMatch(/--endpoint-url must be an http/)
  })

  it("names what is wrong with bad flags or variables", () => {
    expect(error(["--allow-writes"])).toMatch(/allow-writes/)
    expect(error(["--max-rps", "0"])).toMatch(/--max-rps/)
    expect(error([], { MWAA_MCP_MAX_RPS: "lots" })).toMatch(/MWAA_MCP_MAX_RPS/)
    // A default environment is checked like a tool argument, and not trimmed.
    expect(error([], { MWAA_ENVIRONMENT: " ../connections?x=1 " })).toMatch(/MWAA_ENVIRONMENT must be an MWAA environment name/)
    expect(error(["--environment", "prod "])).toMatch(/--environment must be/)
  })
})

describe("the Airflow route", () => {
  it("is auto by default, and takes --airflow-route or MWAA_MCP_AIRFLOW_ROUTE (the flag first)", () => {
    expect(ok([]).config.airflowRoute).toBe("auto")
    expect(ok(["--airflow-route", "invoke"]).config.airflowRoute).toBe("invoke")
    expect(ok([], { MWAA_MCP_AIRFLOW_ROUTE: "webserver" }).config.airflowRoute).toBe("webserver")
    expect(ok(["--airflow-route", "auto"], { MWAA_MCP_AIRFLOW_ROUTE: "invoke" }).config.airflowRoute).toBe("auto")
  })

  it("refuses any other value, naming the flag or variable and the allowed values", () => {
    expect(error(["--airflow-route", "fast"])).toBe('--airflow-route must be one of auto, invoke, webserver, got "fast"')
    expect(error([], { MWAA_MCP_AIRFLOW_ROUTE: "Invoke" })).toBe(
      'MWAA_MCP_AIRFLOW_ROUTE must be one of auto, invoke, webserver, got "Invoke"'
    )
    expect(error(["--airflow-route"])).toMatch(/airflow-route/)
  })

  it("takes MWAA_MCP_WEBSERVER_ENDPOINT as an http(s) URL", () => {
    expect(Option.getOrNull(ok([], { MWAA_MCP_WEBSERVER_ENDPOINT: "http://127.0.0.1:4566" }).webserverEndpoint)).toBe(
      "http://127.0.0.1:4566"
    )
    expect(Option.isNone(ok([]).webserverEndpoint)).toBe(true)
    expect(error([], { MWAA_MCP_WEBSERVER_ENDPOINT: "127.0.0.1:4566" })).toMatch(/^MWAA_MCP_WEBSERVER_ENDPOINT must be an http\(s\) URL/)
  })

  it("--help describes the flag and both variables", () => {
    expect(usage).toContain("--airflow-route")
    expect(usage).toContain("MWAA_MCP_AIRFLOW_ROUTE")
    expect(usage).toContain("MWAA_MCP_WEBSERVER_ENDPOINT")
  })
})

describe("--help and the README", () => {
  it("name the same flags: every flag in --help is in the README's table, and the reverse", async () => {
    const { readFileSync } = await import("node:fs")
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8")
    const section = readme.slice(
      readme.indexOf("## Flags and environment variables"),
      readme.indexOf("\n## ", readme.indexOf("## Flags and environment variables") + 5)
    )
    const flagsIn = (text: string) => new Set([...text.matchAll(/(?<![\w-])--([a-z][a-z-]+)/g)].map((m) => m[1]))
    expect(section.length).toBeGreaterThan(100)
    expect([...flagsIn(section)].sort()).toEqual([...flagsIn(usage)].sort())
  })
})
