import { spawn } from "node:child_process"
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { Client } from "@modelcontextprotocol/sdk/client/index.js"
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { binPath } from "../../support/bin-path.js"
import { rawRequest } from "../../support/mcp-http-client.js"
import { modernHeaders, modernRequest, postModern } from "../../support/modern-wire.js"

/**
 * The container's process, as the Dockerfile starts it: its ENTRYPOINT and CMD, run on a copy of what
 * its last stage copies (dist/bin alone, no node_modules anywhere above it). Docker itself does not run
 * here; this is the same command on the same files. AgentCore Runtime's contract: Streamable HTTP at
 * 0.0.0.0:8000/mcp, stateless, and its session headers on every request.
 */

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url))
const dockerfile = readFileSync(join(repoRoot, "Dockerfile"), "utf8")

/** The JSON (exec) form of an instruction in the Dockerfile's last stage. */
const execForm = (instruction: string): Array<string> => {
  const lastStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "))
  const line = new RegExp(`^${instruction}\\s+(\\[.*\\])\\s*$`, "m").exec(lastStage)
  if (line?.[1] === undefined) throw new Error(`no ${instruction} in exec form in the Dockerfile's last stage`)
  return JSON.parse(line[1]) as Array<string>
}

const SESSION_HEADERS = {
  "Mcp-Session-Id": "agentcore-session-7f3a9c2e-0b1d-4e5f-8a6b-9c0d1e2f3a4b",
  "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id": "7f3a9c2e0b1d4e5f8a6b9c0d1e2f3a4b5c6d"
}

let imageDir: string
let child: ReturnType<typeof spawn>
let stderr = ""
let url: string

beforeAll(async () => {
  // What `COPY --from=build /src/dist/bin/ /app/` puts in the image, somewhere without node_modules.
  imageDir = mkdtempSync(join(tmpdir(), "mwaa-mcp-image-"))
  const entry = execForm("ENTRYPOINT")
  const appDir = dirname(entry[1]!)
  cpSync(dirname(binPath), join(imageDir, appDir), { recursive: true })
  const [node, script, ...entryArgs] = entry
  expect(node).toBe("node")
  const args = [...entryArgs, ...execForm("CMD")]
  // The demo's fake stands in for AWS (a variable, so the command itself is the image's).
  child = spawn(process.execPath, [join(imageDir, script!), ...args], {
    cwd: imageDir,
    stdio: ["ignore", "pipe", "pipe"],
    env: { PATH: process.env["PATH"] ?? "", MWAA_MCP_DEMO: "1" }
  })
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()))
  for (let i = 0; i < 400 && url === undefined; i++) {
    const ready = /ready on (http:\/\/[^\s"]+\/mcp)/.exec(stderr)
    if (ready?.[1] !== undefined) url = ready[1]
    else if (child.exitCode !== null) throw new Error(`the server exited: ${stderr}`)
    else await new Promise((r) => setTimeout(r, 50))
  }
  if (url === undefined) throw new Error(`not ready in 20 s: ${stderr}`)
}, 30_000)

afterAll(async () => {
  child?.kill("SIGTERM")
  if (child !== undefined && child.exitCode === null) await new Promise((r) => child.once("exit", r))
  rmSync(imageDir, { recursive: true, force: true })
})

describe("the Dockerfile's process: --preset agentcore", () => {
  it("is a multi-stage build whose image runs the bundled bin alone, as a non-root user", () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2)
    const lastStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "))
    expect(lastStage.match(/^COPY .*$/gm)).toEqual(["COPY --from=build --chown=root:root /src/dist/bin/ /app/"])
    expect(/^USER (\S+)$/m.exec(lastStage)?.[1]).toMatch(/^(?!root$|0$)/)
    expect(execForm("CMD")).toEqual(["--preset", "agentcore"])
  })

  it("binds 0.0.0.0:8000 and serves MCP at /mcp", () => {
    expect(url).toBe("http://127.0.0.1:8000/mcp")
    const warning = stderr.split("\n").find((line) => line.includes("reachable beyond this machine"))
    expect(JSON.parse(warning ?? "{}")).toMatchObject({ address: "0.0.0.0", port: 8000 })
  })

  it("accepts AgentCore's session headers on every request of a 2025 client, handshake included", async () => {
    const client = new Client({ name: "agentcore-proxy-test", version: "1.0.0" })
    await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: SESSION_HEADERS } }))
    try {
      const { tools } = await client.listTools()
      expect(tools).toHaveLength(38)
      const listed = await client.callTool({ name: "list-environments", arguments: {} })
      expect(listed.isError).toBe(false)
      expect(listed.structuredContent).toMatchObject({ environments: ["demo-airflow-2", "demo-airflow-3"] })
    } finally {
      await client.close()
    }
  })

  it("accepts them on a 2026-07-28 request, under a Host name only the platform's proxy knows", async () => {
    const request = modernRequest(7, "tools/call", { name: "list-dags", arguments: { environment_name: "demo-airflow-3" } })
    const answer = await postModern(url, request, { ...modernHeaders(request), ...SESSION_HEADERS })
    expect(answer.status).toBe(200)
    expect(answer.message.result.isError).toBe(false)
    const proxied = await rawRequest(url, {
      method: "POST",
      headers: { ...modernHeaders(request), ...SESSION_HEADERS, Host: "runtime.internal:8000" },
      body: JSON.stringify(request)
    })
    expect(proxied.status).toBe(200)
    expect(proxied.body).toContain('"isError":false')
  })

  it("answers its probes", async () => {
    const health = await fetch(url.replace("/mcp", "/healthz"))
    expect(health.status).toBe(200)
    const ready = await fetch(url.replace("/mcp", "/readyz"))
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: "ready" })
  })
})
