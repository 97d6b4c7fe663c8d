/**
 * End-to-end over real stdio: the tool list, its annotations and the instructions a client gets
 * from `--demo`, and that stdout carries JSON-RPC only. Uses the BUILT server
 * (the bundle dist/bin/mwaa-mcp-server.mjs): run `npm run build` first (`npm test` does).
 */
import { spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import { binPath } from "../../support/bin-path.js"
import { connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { READ_TOOLS, WORKFLOW_READ_TOOLS, WRITE_TOOLS } from "./stdio-helpers.js"
import { actsOnWorkflows } from "../../support/tool-names.js"

const ALL_TOOLS = [
  "list-environments",
  "get-fleet-health",
  "get-environment",
  "get-environment-health",
  "create-environment",
  "update-environment",
  "delete-environment",
  "list-dags",
  "get-dag",
  "get-dag-source",
  "pause-dag",
  "unpause-dag",
  "list-dag-runs",
  "get-dag-run",
  "diagnose-dag-run",
  "list-asset-events",
  "trigger-dag-run",
  "wait-for-dag-run",
  "list-task-instances",
  "get-task-instance",
  "clear-task-instances",
  "get-task-logs",
  "get-xcom",
  "get-import-errors",
  "list-connections",
  "list-variables",
  "list-pending-approvals",
  "respond-to-approval",
  "start-workflow-run",
  "stop-workflow-run",
  "list-workflows",
  "get-workflow",
  "get-workflow-definition",
  "list-workflow-runs",
  "get-workflow-run",
  "list-workflow-task-instances",
  "diagnose-workflow-run",
  "get-workflow-task-logs"
]

describe("tools/list and initialize from --demo (read-only)", () => {
  let session: StdioSession
  beforeAll(async () => {
    session = await connectStdio(["--demo"])
  })
  afterAll(async () => {
    await session?.close()
  })

  it("lists exactly the 38 tools", async () => {
    const { tools } = await session.client.listTools()
    expect(tools.map((t) => t.name).sort()).toEqual([...ALL_TOOLS].sort())
    expect(new Set(tools.map((t) => t.name)).size).toBe(38)
    // The helpers' read/write split is the same partition.
    expect([...READ_TOOLS, ...WORKFLOW_READ_TOOLS, ...WRITE_TOOLS].sort()).toEqual([...ALL_TOOLS].sort())
  })

  it("annotates read, destructive, idempotent and open-world tools", async () => {
    const { tools } = await session.client.listTools()
    const readOnly = tools.filter((t) => t.annotations?.readOnlyHint === true).map((t) => t.name)
    expect(readOnly.sort()).toEqual([...READ_TOOLS, ...WORKFLOW_READ_TOOLS].sort())
    expect(readOnly).toHaveLength(28)
    for (const t of tools) {
      expect(t.annotations?.readOnlyHint, t.name).toBeTypeOf("boolean")
      expect(t.annotations?.openWorldHint, t.name).toBe(true)
    }
    const destructive = tools.filter((t) => t.annotations?.destructiveHint === true).map((t) => t.name)
    expect(destructive.sort()).toEqual(["clear-task-instances", "delete-environment", "stop-workflow-run"])
    const idempotentWrites = tools
      .filter((t) => t.annotations?.readOnlyHint === false && t.annotations?.idempotentHint === true)
      .map((t) => t.name)
    expect(idempotentWrites.sort()).toEqual(["pause-dag", "stop-workflow-run", "unpause-dag"])
    // A write tool must never look harmless to a client.
    for (const name of WRITE_TOOLS) {
      const tool = tools.find((t) => t.name === name)
      expect(tool?.annotations?.readOnlyHint, name).toBe(false)
    }
  })

  it("advertises object input schemas whose properties are the tool's arguments", async () => {
    const { tools } = await session.client.listTools()
    for (const t of tools) {
      expect(t.inputSchema.type, t.name).toBe("object")
      expect(t.outputSchema?.type, t.name).toBe("object")
      expect(t.description?.length ?? 0, t.name).toBeGreaterThan(40)
    }
    const byName = new Map(tools.map((t) => [t.name, t]))
    expect(Object.keys(byName.get("list-environments")?.inputSchema.properties ?? {})).toEqual([])
    expect(byName.get("get-task-logs")?.inputSchema.required).toEqual(expect.arrayContaining(["dag_id", "dag_run_id", "task_id"]))
    expect(byName.get("get-task-logs")?.inputSchema.properties).toHaveProperty("try_number")
    // confirm_environment_name is optional: a user who confirmed when the client asked stands in for it.
    expect(byName.get("delete-environment")?.inputSchema.required).toEqual(["environment_name"])
    // Loose on input, strict in the advertised schema.
    expect((byName.get("list-dags")!.inputSchema.properties as Record<string, { type?: string }>)["limit"]?.type).toBe("integer")
    // list-environments and get-fleet-health act on every environment the server reaches (the latter on a list of them).
    // The MWAA Serverless tools act on a workflow instead.
    for (const t of tools.filter((t) => actsOnWorkflows(t.name) && t.name !== "list-workflows"))
      expect(t.inputSchema.properties, t.name).toHaveProperty("workflow")
    for (const t of tools.filter((t) => t.name !== "list-environments" && t.name !== "get-fleet-health" && !actsOnWorkflows(t.name))) {
      expect(t.inputSchema.properties, t.name).toHaveProperty("environment_name")
    }
  })

  it("sends instructions with the triage workflow and the --allow-write rule", () => {
    const instructions = session.client.getInstructions() ?? ""
    expect(instructions).toMatch(/triage/i)
    for (const step of ["list-dag-runs", "list-task-instances", "get-task-logs", "get-environment-health", "wait-for-dag-run"])
      expect(instructions).toContain(step)
    expect(instructions.indexOf("list-dag-runs")).toBeLessThan(instructions.indexOf("get-task-logs"))
    expect(instructions).toContain("--allow-write")
    expect(instructions).toMatch(/read-only/i)
    expect(session.client.getServerVersion()?.name).toBe("mwaa-mcp-server")
  })

  it("reports package.json's version (the bundle has it built in)", () => {
    const { version } = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string }
    expect(session.client.getServerVersion()?.version).toBe(version)
  })

  it("prints the demo banner on stderr", async () => {
    await vi.waitFor(() => expect(session.stderr()).toContain("DEMO MODE"))
    expect(session.stderr()).toContain("demo-airflow-2")
  })
})

interface RawRun {
  readonly stdoutLines: ReadonlyArray<string>
  readonly stderr: string
  readonly exitCode: number | null
}

/** Spawns the bin by hand, writes the given lines to its stdin, waits for `wanted` answers, then ends stdin. */
const runRaw = (messages: ReadonlyArray<object>, wanted: number, args: ReadonlyArray<string> = ["--demo"]): Promise<RawRun> =>
  new Promise((resolve, reject) => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k, v]) => v !== undefined && !k.startsWith("AWS_") && k !== "MWAA_ENVIRONMENT")
    )
    const child = spawn(process.execPath, [binPath, ...args], { env, stdio: ["pipe", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    let answered = 0
    let ended = false
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`no answer in time; stdout:\n${stdout}\nstderr:\n${stderr}`))
    }, 20_000)
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString()
      answered = stdout
        .split("\n")
        .slice(0, -1)
        .filter((line) => {
          try {
            return (JSON.parse(line) as { id?: unknown }).id !== undefined
          } catch {
            return false
          }
        }).length
      if (answered >= wanted && !ended) {
        ended = true
        child.stdin.end()
      }
    })
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.on("error", reject)
    child.on("exit", (exitCode) => {
      clearTimeout(timer)
      resolve({ stdoutLines: stdout.split("\n").filter((l) => l.length > 0), stderr, exitCode })
    })
    for (const m of messages) child.stdin.write(`${JSON.stringify(m)}\n`)
  })

describe("stdout hygiene (bin spawned by hand)", () => {
  it("writes only JSON-RPC lines on stdout, logs and banner on stderr, and exits when stdin ends", async () => {
    const run = await runRaw(
      [
        {
          jsonrpc: "2.0",
          id: 1,
          method: "initialize",
          params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: "raw-e2e", version: "0" } }
        },
        { jsonrpc: "2.0", method: "notifications/initialized" },
        { jsonrpc: "2.0", id: 2, method: "tools/list", params: {} },
        // A call that makes the server talk to the fake and one that fails: neither may leak onto stdout.
        {
          jsonrpc: "2.0",
          id: 3,
          method: "tools/call",
          params: { name: "list-dags", arguments: { environment_name: "demo-airflow-3", limit: 1 } }
        },
        {
          jsonrpc: "2.0",
          id: 4,
          method: "tools/call",
          params: { name: "get-dag", arguments: { environment_name: "demo-airflow-2", dag_id: "no_such_dag" } }
        }
      ],
      4
    )
    expect(run.stdoutLines.length).toBeGreaterThanOrEqual(4)
    const messages = run.stdoutLines.map((line) => {
      let parsed: any
      expect(() => (parsed = JSON.parse(line)), `stdout line is not JSON: ${line}`).not.toThrow()
      expect(parsed.jsonrpc, line).toBe("2.0")
      expect("result" in parsed || "error" in parsed || "method" in parsed, line).toBe(true)
      return parsed
    })
    const byId = new Map(messages.filter((m) => m.id !== undefined).map((m) => [m.id, m]))
    expect(byId.get(1)?.result?.serverInfo?.name).toBe("mwaa-mcp-server")
    expect(byId.get(1)?.result?.instructions).toContain("--allow-write")
    expect(byId.get(2)?.result?.tools).toHaveLength(38)
    expect(byId.get(3)?.result?.isError).not.toBe(true)
    expect(byId.get(3)?.result?.structuredContent?.dags).toHaveLength(1)
    expect(byId.get(4)?.result?.isError).toBe(true)
    expect(run.stderr).toContain("DEMO MODE")
    expect(run.stdoutLines.join("\n")).not.toContain("DEMO MODE")
    expect(run.exitCode).toBe(0)
  })

  it("answers a malformed line with a JSON-RPC error or ignores it, but never with non-JSON", async () => {
    const run = await runRaw(
      [
        {
          jsonrpc: "2.0",
          id: 1,
          method: "initialize",
          params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: "raw-e2e", version: "0" } }
        },
        { not: "json-rpc" },
        { jsonrpc: "2.0", id: 2, method: "no/such/method", params: {} }
      ],
      2
    )
    for (const line of run.stdoutLines) expect(JSON.parse(line).jsonrpc, line).toBe("2.0")
    const second = run.stdoutLines.map((l) => JSON.parse(l)).find((m) => m.id === 2)
    expect(second?.error?.code).toBe(-32601)
  })
})
