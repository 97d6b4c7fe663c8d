import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js"
import { binPath } from "./bin-path.js"

/**
 * The built bin (the bundle dist/bin/mwaa-mcp-server.mjs; `npm run build` first) spawned by hand, so a test can write
 * anything to its stdin — invalid JSON, requests without an id, lines of several megabytes — and
 * read every line it writes to stdout. No SDK client in between: nothing is checked or framed for us.
 */

const repoRoot = fileURLToPath(new URL("../../", import.meta.url))

/** One stdout line as written, and what it parsed to (undefined when it is not JSON). */
export interface StdoutLine {
  readonly text: string
  readonly json: any
}

export interface RawChild {
  readonly pid: number
  /** Writes the bytes and a newline (unless the line already ends with one). */
  readonly writeLine: (line: string | Buffer) => void
  /** Sends a JSON-RPC request and resolves with the message that answers its id. */
  readonly request: (message: { readonly id: string | number; readonly [key: string]: unknown }, timeoutMs?: number) => Promise<any>
  /** Resolves with the first stdout message whose id is `id`. */
  readonly waitForId: (id: string | number, timeoutMs?: number) => Promise<any>
  /** Every stdout line so far. */
  readonly lines: () => ReadonlyArray<StdoutLine>
  readonly stderr: () => string
  /** null while the child runs. */
  readonly exitCode: () => number | null
  /** Ends stdin and waits for the child to exit (kills it after `timeoutMs`). */
  readonly close: (timeoutMs?: number) => Promise<number | null>
}

/** The child's environment: ours minus AWS settings and a default environment, plus `env`. */
const childEnv = (env: Record<string, string>): Record<string, string> => ({
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !entry[0].startsWith("AWS_") && entry[0] !== "MWAA_ENVIRONMENT"
    )
  ),
  ...env
})

export const spawnRaw = (args: ReadonlyArray<string>, env: Record<string, string> = {}): RawChild => {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [binPath, ...args], {
    cwd: repoRoot,
    env: childEnv(env),
    stdio: ["pipe", "pipe", "pipe"]
  })
  const lines: Array<StdoutLine> = []
  const waiters: Array<{ id: string | number; resolve: (m: any) => void }> = []
  let pending = Buffer.alloc(0)
  let stderr = ""
  let exitCode: number | null = null
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code, signal) => {
      exitCode = code ?? (signal === null ? null : -1)
      resolve(exitCode)
    })
  )
  // A write to a child that already exited must fail the test through exitCode, not crash vitest.
  child.stdin.on("error", () => {})
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8")
  })
  child.stdout.on("data", (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk])
    for (let nl = pending.indexOf(10); nl >= 0; nl = pending.indexOf(10)) {
      const text = pending.subarray(0, nl).toString("utf8")
      pending = pending.subarray(nl + 1)
      let json: any
      try {
        json = JSON.parse(text)
      } catch {
        json = undefined
      }
      lines.push({ text, json })
      if (json !== undefined && json !== null && typeof json === "object" && "id" in json) {
        for (let i = waiters.length - 1; i >= 0; i--) {
          if (waiters[i]!.id === json.id) waiters.splice(i, 1)[0]!.resolve(json)
        }
      }
    }
  })

  const waitForId = (id: string | number, timeoutMs = 10_000): Promise<any> => {
    const seen = lines.find((l) => l.json?.id === id)
    if (seen !== undefined) return Promise.resolve(seen.json)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = waiters.findIndex((w) => w.resolve === done)
        if (i >= 0) waiters.splice(i, 1)
        reject(
          new Error(
            `no answer to id ${JSON.stringify(id)} within ${timeoutMs} ms (child exit code ${exitCode}); stderr tail:\n${stderr.slice(-2000)}`
          )
        )
      }, timeoutMs)
      const done = (m: any) => {
        clearTimeout(timer)
        resolve(m)
      }
      waiters.push({ id, resolve: done })
    })
  }

  const writeLine = (line: string | Buffer): void => {
    const bytes = typeof line === "string" ? Buffer.from(line, "utf8") : line
    child.stdin.write(bytes[bytes.length - 1] === 10 ? bytes : Buffer.concat([bytes, Buffer.from("\n")]))
  }

  return {
    pid: child.pid!,
    writeLine,
    request: (message, timeoutMs) => {
      const answer = waitForId(message.id, timeoutMs)
      writeLine(JSON.stringify({ jsonrpc: "2.0", ...message }))
      return answer
    },
    waitForId,
    lines: () => lines.slice(),
    stderr: () => stderr,
    exitCode: () => exitCode,
    close: async (timeoutMs = 5_000) => {
      if (exitCode !== null) return exitCode
      child.stdin.end()
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs)
      const code = await exited
      clearTimeout(timer)
      return code
    }
  }
}

/** The MCP handshake: initialize, then notifications/initialized. Resolves with the initialize result. */
export const initialize = async (child: RawChild): Promise<any> => {
  const answer = await child.request({
    id: "init",
    method: "initialize",
    params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: "raw-robustness", version: "0" } }
  })
  child.writeLine(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }))
  return answer
}

/**
 * A process's resident set size in bytes, from /proc/<pid>/status (VmRSS), and its peak (VmHWM).
 * undefined where /proc does not exist (macOS, Windows) or the process is gone.
 */
export const memoryOf = (pid: number): { readonly rss: number; readonly peak: number } | undefined => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8")
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN) * 1024
    const rss = kb("VmRSS")
    return Number.isNaN(rss) ? undefined : { rss, peak: kb("VmHWM") }
  } catch {
    return undefined
  }
}

export const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`
