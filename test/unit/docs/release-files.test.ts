import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { LOG_LEVELS, parseCli } from "../../../src/app/cli.js"
import { AppConfig } from "../../../src/ports/AppConfig.js"
import { readRepoFile, section, variableNames } from "./markdown.js"

/** server.json (the MCP registry's entry), CHANGELOG.md and package.json agree with one another and with the code. */

interface EnvironmentVariable {
  readonly name: string
  readonly description: string
  readonly default?: string
  readonly choices?: ReadonlyArray<string>
}
interface ServerJson {
  readonly $schema: string
  readonly name: string
  readonly title?: string
  readonly description: string
  readonly version: string
  readonly packages: ReadonlyArray<{
    readonly registryType: string
    readonly identifier: string
    readonly version: string
    readonly transport: { readonly type: string }
    readonly environmentVariables: ReadonlyArray<EnvironmentVariable>
  }>
}

const pkg = JSON.parse(readRepoFile("package.json")) as { name: string; version: string; mcpName: string; files: Array<string> }
const server = JSON.parse(readRepoFile("server.json")) as ServerJson

describe("server.json", () => {
  it("describes this package at package.json's version, under package.json's mcpName", () => {
    expect(server.version).toBe(pkg.version)
    expect(server.packages).toHaveLength(1)
    const [npm] = server.packages
    expect(npm).toMatchObject({ registryType: "npm", identifier: pkg.name, version: pkg.version, transport: { type: "stdio" } })
    // The registry checks ownership of an npm package through mcpName in its published package.json.
    expect(server.name).toBe(pkg.mcpName)
    expect(server.name).toMatch(new RegExp(`^io\\.github\\.[A-Za-z0-9-]+/${pkg.name}$`))
  })

  it("keeps the registry schema's limits", () => {
    expect(server.$schema).toBe("https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json")
    expect(server.description.length).toBeGreaterThan(0)
    expect(server.description.length).toBeLessThanOrEqual(100)
    expect((server.title ?? "").length).toBeLessThanOrEqual(100)
    expect(server.packages[0]!.version).not.toBe("latest")
  })

  it("offers only variables the README documents, with defaults and choices the server accepts", () => {
    const documented = variableNames(section(readRepoFile("README.md"), "## Flags and environment variables"))
    const variables = server.packages[0]!.environmentVariables
    expect(variables.length).toBeGreaterThan(0)
    for (const v of variables) {
      expect(documented.has(v.name), v.name).toBe(true)
      for (const value of [v.default, ...(v.choices ?? [])]) {
        if (value !== undefined) expect(Either.isRight(parseCli([], { [v.name]: value })), `${v.name}=${value}`).toBe(true)
      }
    }
    const byName = new Map(variables.map((v) => [v.name, v]))
    expect(byName.get("MWAA_MCP_MAX_RPS")?.default).toBe(String(AppConfig.defaults.maxRequestsPerSecond))
    expect(byName.get("MWAA_MCP_MAX_RESPONSE_BYTES")?.default).toBe(String(AppConfig.defaults.maxResponseBytes))
    expect(byName.get("MWAA_MCP_LOG_LEVEL")?.choices).toEqual([...LOG_LEVELS])
  })
})

describe("CHANGELOG.md", () => {
  it("has an entry for package.json's version as its newest, and ships in the package", () => {
    const changelog = readRepoFile("CHANGELOG.md")
    const versions = [...changelog.matchAll(/^## \[(\d+\.\d+\.\d+[^\]]*)\]/gm)].map((m) => m[1])
    expect(versions[0]).toBe(pkg.version)
    expect(pkg.files).toContain("CHANGELOG.md")
  })
})
