import { type ChildProcess, spawn } from "node:child_process"
import { once } from "node:events"
import { fileURLToPath } from "node:url"
import { binPath } from "./bin-path.js"

/**
 * The built bin (`npm run build` first) serving Streamable HTTP: `--transport http --port 0` plus
 * `args`, started in its own process, its URL read from the "ready on http://…/mcp" line it writes
 * to stderr. The environment is PATH plus `env` only, so nothing reaches real AWS.
 */

const repoRoot = fileURLToPath(new URL("../../", import.meta.url))

export interface HttpBin {
  readonly child: ChildProcess
  /** The MCP endpoint, e.g. http://127.0.0.1:41234/mcp. */
  readonly url: string
  readonly stderr: () => string
  readonly stdout: () => string
  /** SIGTERM, then SIGKILL after `timeoutMs`; resolves with the exit code. */
  readonly stop: (timeoutMs?: number) => Promise<number | null>
}

const exitOf = async (child: ChildProcess): Promise<number | null> => {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
  const [code] = (await once(child, "exit")) as [number | null]
  return code
}

/** The built bin with `args`, in its own process, its stdout and stderr collected. */
export const spawnBin = (args: ReadonlyArray<string>, env: Record<string, string> = {}) => {
  const child = spawn(process.execPath, [binPath, ...args], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
    env: { PATH: process.env["PATH"] ?? "", ...env }
  })
  let stderr = ""
  let stdout = ""
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()))
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()))
  return { child, stderr: () => stderr, stdout: () => stdout }
}

export const startHttpBin = async (args: ReadonlyArray<string>, env: Record<string, string> = {}): Promise<HttpBin> => {
  const { child, stderr: stderrNow, stdout } = spawnBin(["--transport", "http", "--port", "0", ...args], env)
  const stop = async (timeoutMs = 5_000): Promise<number | null> => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
    child.kill("SIGTERM")
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs)
    const code = await exitOf(child)
    clearTimeout(timer)
    return code
  }
  for (let i = 0; i < 400; i++) {
    const m = /ready on (http:\/\/[^\s"]+\/mcp)/.exec(stderrNow())
    if (m?.[1] !== undefined) return { child, url: m[1], stderr: stderrNow, stdout, stop }
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${stderrNow()}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  await stop()
  throw new Error(`no "ready on" line within 20 s: ${stderrNow()}`)
}
