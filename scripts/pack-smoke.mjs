#!/usr/bin/env node
// What a user gets from the registry: `npm pack` the built package, install the tarball into an
// empty folder, start `npx mwaa-mcp-server --demo` there and talk to it with the MCP SDK's client
// over stdio: initialize, tools/list, one tools/call; the install must hold this package alone (the
// bin is one bundle, and every peer is optional). Then, as an Effect user would, add effect and run
// a small Effect program on the library entries that need nothing else. Exits non-zero if any step
// fails.
//
//   npm run build && node scripts/pack-smoke.mjs
import { execFileSync } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Client } from "@modelcontextprotocol/client"
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio"

const repo = fileURLToPath(new URL("..", import.meta.url))

// The entries documented as needing effect only: ports, domain, catalogue and the fake.
const LIBRARY_PROGRAM = `
import { Effect, Layer } from "effect"
import { AppConfig } from "mwaa-mcp-server/ports"
import { Environments, toolServicesOn } from "mwaa-mcp-server/domain"
import { catalogue } from "mwaa-mcp-server/catalogue"
import { demoSeed, FakeMwaa } from "mwaa-mcp-server/adapters/fake"
const services = toolServicesOn(Layer.merge(FakeMwaa.layer(demoSeed()), AppConfig.make()))
const { environments } = await Effect.runPromise(Environments.listEnvironments().pipe(Effect.provide(services)))
process.stdout.write(JSON.stringify({ environments, tools: catalogue.length }))
`
const work = mkdtempSync(join(tmpdir(), "mwaa-mcp-pack-"))
const say = (s) => process.stderr.write(`pack-smoke: ${s}\n`)
try {
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", work], { cwd: repo, encoding: "utf8" }))
  say(`packed ${packed.filename} (${(packed.size / 1024).toFixed(0)} KiB, ${packed.entryCount} files)`)
  const app = join(work, "app")
  execFileSync("mkdir", ["-p", app])
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "pack-smoke", version: "1.0.0", private: true }))
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--omit=dev", join(work, packed.filename)], {
    cwd: app,
    stdio: ["ignore", "ignore", "inherit"]
  })
  const installed = readdirSync(join(app, "node_modules")).filter((name) => !name.startsWith("."))
  if (installed.join() !== "mwaa-mcp-server")
    throw new Error(`installing the tarball brought more than the package: ${installed.join(", ")}`)
  say("installed the tarball into an empty folder: nothing else came with it")
  const { PATH = "" } = process.env
  const transport = new StdioClientTransport({
    command: "npx",
    args: ["--no-install", "mwaa-mcp-server", "--demo"],
    cwd: app,
    env: { PATH, HOME: work },
    stderr: "pipe"
  })
  // Today's protocol, as a current client speaks it (2025-era clients are tested in the suite).
  const client = new Client({ name: "pack-smoke", version: "1.0.0" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } })
  await client.connect(transport)
  const { tools } = await client.listTools()
  const answer = await client.callTool({
    name: "diagnose-dag-run",
    arguments: { environment_name: "demo-airflow-2", dag_id: "fx_rates_refresh" }
  })
  await client.close()
  if (tools.length < 20) throw new Error(`only ${tools.length} tools listed`)
  if (answer.isError) throw new Error(`diagnose-dag-run failed: ${JSON.stringify(answer.content)}`)
  say(
    `npx mwaa-mcp-server --demo, MCP 2026-07-28: ${tools.length} tools; diagnose-dag-run answered (${JSON.stringify(answer.content).length} bytes)`
  )
  const { devDependencies } = JSON.parse(readFileSync(join(repo, "package.json"), "utf8"))
  execFileSync("npm", ["install", "--no-audit", "--no-fund", `effect@${devDependencies.effect}`], {
    cwd: app,
    stdio: ["ignore", "ignore", "inherit"]
  })
  const library = execFileSync(process.execPath, ["--input-type=module", "-e", LIBRARY_PROGRAM], {
    cwd: app,
    encoding: "utf8",
    env: { PATH, HOME: work }
  })
  const { environments, tools: catalogued } = JSON.parse(library)
  if (environments.length !== 2 || catalogued !== tools.length) throw new Error(`the library program answered ${library}`)
  say(`library entries with effect added: ${catalogued} tools catalogued; the fake lists ${environments.join(", ")}`)
} catch (e) {
  say(`FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
  process.exitCode = 1
} finally {
  rmSync(work, { recursive: true, force: true })
}
