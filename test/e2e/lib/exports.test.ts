import { existsSync, readFileSync } from "node:fs"
import { builtinModules } from "node:module"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { packageEntries } from "../../support/package-entries.js"

/**
 * The package's "exports" map against the build: every entry's files exist and import by the
 * published name; each entry loads only the peers its documentation says it needs (so `.` never
 * loads the AWS SDK), and every package any entry imports is a declared peer (the package has no
 * dependencies: the bin is one bundle). `npm run build` must have run.
 */

const root = fileURLToPath(new URL("../../../", import.meta.url))
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  readonly exports: Readonly<Record<string, string | { readonly types: string; readonly default: string }>>
  readonly dependencies?: Readonly<Record<string, string>>
  readonly peerDependencies: Readonly<Record<string, string>>
  readonly peerDependenciesMeta: Readonly<Record<string, { readonly optional?: boolean }>>
}
const entries = Object.entries(pkg.exports).flatMap(([subpath, target]) => (typeof target === "string" ? [] : [{ subpath, ...target }]))

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)])
const packageOf = (specifier: string): string =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/")

/** The bare specifiers a built module and everything it imports statically (or also dynamically) reach. */
const reachedPackages = (entryFile: string, withDynamic: boolean): Set<string> => {
  const packages = new Set<string>()
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    const code = readFileSync(file, "utf8")
    const specifiers = [
      ...[...code.matchAll(/^\s*(?:import|export)\s[^"'`;()]*?\bfrom\s*["']([^"']+)["']/gm)].map((m) => m[1]!),
      ...[...code.matchAll(/^\s*import\s*["']([^"']+)["']/gm)].map((m) => m[1]!),
      ...(withDynamic ? [...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!) : [])
    ]
    for (const specifier of specifiers) {
      if (specifier.startsWith(".")) visit(resolve(dirname(file), specifier))
      else if (!builtins.has(specifier)) packages.add(packageOf(specifier))
    }
  }
  visit(join(root, entryFile))
  return packages
}

/** What each entry may load at import time, as its doc comment and the README say. */
const allowed: Readonly<Record<string, ReadonlyArray<string>>> = {
  ".": ["effect", "@modelcontextprotocol/server"],
  "./ports": ["effect"],
  "./domain": ["effect"],
  "./catalogue": ["effect"],
  "./adapters/fake": ["effect"],
  "./adapters/mcp": ["effect", "@modelcontextprotocol/server", "@modelcontextprotocol/node"],
  "./adapters/aws": Object.keys(pkg.peerDependencies)
}

describe("package.json exports", () => {
  it("names a built module and its declarations for every entry", () => {
    expect(entries.map((e) => e.subpath).sort()).toEqual(Object.keys(allowed).sort())
    for (const entry of entries) {
      expect(existsSync(join(root, entry.default)), `${entry.subpath} → ${entry.default}`).toBe(true)
      expect(existsSync(join(root, entry.types)), `${entry.subpath} → ${entry.types}`).toBe(true)
    }
  })

  it("resolves every entry by the package's name to what it documents", async () => {
    expect(Object.keys(await packageEntries.root())).toEqual(
      expect.arrayContaining([
        "makeMwaaMcpServer",
        "makeMwaaToolHost",
        "MwaaMcpServerLive",
        "connectMcpServer",
        "McpServer",
        "AppConfig",
        "Environments",
        "AirflowApi",
        "TaskLogs",
        "DagFiles"
      ])
    )
    expect(Object.keys(await packageEntries.ports())).toEqual(
      expect.arrayContaining(["AppConfig", "Clock", "MwaaError", "Environments", "AirflowApi", "TaskLogs", "DagFiles", "Progress"])
    )
    expect(Object.keys(await packageEntries.domain())).toEqual(
      expect.arrayContaining(["AirflowClient", "EnvironmentCatalog", "EnvironmentResolver", "WriteGate", "DomainLive", "Dags", "TaskLogs"])
    )
    expect((await packageEntries.catalogue()).catalogue.length).toBeGreaterThanOrEqual(20)
    expect(Object.keys(await packageEntries.fake())).toEqual(expect.arrayContaining(["FakeMwaa", "demoSeed", "DEMO_ENVIRONMENT_2"]))
    expect(Object.keys(await packageEntries.aws())).toEqual(expect.arrayContaining(["AwsGateway", "endpointsFromEnv"]))
    expect(Object.keys(await packageEntries.mcp())).toEqual(
      expect.arrayContaining([
        "StdioTransport",
        "serveHttp",
        "connectStdio",
        "StderrLoggerLive",
        "makeConfirmationCodec",
        "mcpServerFactory"
      ])
    )
  })

  it("keeps each entry to the packages it documents: only ./adapters/aws loads the AWS SDK", () => {
    const reached = new Map(entries.map((entry) => [entry.subpath, reachedPackages(entry.default, false)]))
    for (const [subpath, packages] of reached) {
      for (const name of packages) expect(allowed[subpath], `${subpath} imports ${name}`).toContain(name)
    }
    // The walk does see packages: the entries that need them do import them.
    expect([...reached.get("./adapters/aws")!]).toEqual(
      expect.arrayContaining(["effect", "@aws-sdk/client-cloudwatch-logs", "@aws-sdk/core", "@smithy/core"])
    )
    expect([...reached.get(".")!].sort()).toEqual(["@modelcontextprotocol/server", "effect"])
  })

  it("declares every package an entry imports as a peer, all of them optional (npx installs nothing else), and no dependencies", () => {
    expect(pkg.dependencies ?? {}).toEqual({})
    for (const entry of entries) {
      for (const name of reachedPackages(entry.default, true))
        expect(Object.keys(pkg.peerDependencies), `${entry.subpath} imports ${name}`).toContain(name)
    }
    const required = Object.keys(pkg.peerDependencies).filter((name) => pkg.peerDependenciesMeta[name]?.optional !== true)
    expect(required).toEqual([])
    // Every library entry needs effect: the one peer its users bring in any case.
    expect(pkg.peerDependencies.effect).toMatch(/^\^3\./)
  })
})
