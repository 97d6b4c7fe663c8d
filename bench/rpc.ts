import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"
import { serverNode } from "./paths.js"

/**
 * A lean JSON-RPC client over a child's stdin/stdout: no SDK Client, no schema checks, so what is
 * timed is the server. Each answer's size in bytes is kept, for "bytes of answers".
 */
export interface Answer {
  readonly message: any
  /** Bytes of the JSON-RPC line as the server wrote it. */
  readonly bytes: number
}

/**
 * The protocol era a client speaks. "2025-06-18": the `initialize` handshake, then plain requests.
 * "2026-07-28": no handshake; `server/discover` first, and every request carries the protocol version,
 * the client's information and capabilities in `params._meta` (as @modelcontextprotocol/client 2.x sends them).
 */
export type Era = "2025-06-18" | "2026-07-28"

const CLIENT_INFO = { name: "mwaa-mcp-bench", version: "0" }

/** The per-request `_meta` envelope of the 2026-07-28 era. */
const modernEnvelope = {
  "io.modelcontextprotocol/protocolVersion": "2026-07-28",
  "io.modelcontextprotocol/clientInfo": CLIENT_INFO,
  "io.modelcontextprotocol/clientCapabilities": {}
}

export interface RpcServer {
  readonly pid: number
  readonly era: Era
  readonly request: (method: string, params?: unknown, timeoutMs?: number) => Promise<Answer>
  readonly notify: (method: string, params?: unknown) => void
  readonly stderr: () => string
  /** Ends stdin, waits for the exit (kills after 5 s). */
  readonly close: () => Promise<void>
}

export interface SpawnOptions {
  readonly args: ReadonlyArray<string>
  /** Added to a copy of this process's environment with every AWS_ and MWAA_ variable removed. */
  readonly env?: Readonly<Record<string, string>>
  readonly cwd?: string
  /** Default "2025-06-18". In the 2026-07-28 era every request carries the `_meta` envelope. */
  readonly era?: Era
}

const cleanEnv = (extra: Readonly<Record<string, string>>): Record<string, string> => ({
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => e[1] !== undefined && !e[0].startsWith("AWS_") && !e[0].startsWith("MWAA_")
    )
  ),
  // Never read this machine's AWS configuration or ask an instance metadata service.
  AWS_CONFIG_FILE: "/nonexistent/aws-config",
  AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/aws-credentials",
  AWS_EC2_METADATA_DISABLED: "true",
  ...extra
})

export const spawnServer = (options: SpawnOptions): RpcServer => {
  const child: ChildProcessWithoutNullStreams = spawn(serverNode, [...options.args], {
    env: cleanEnv(options.env ?? {}),
    cwd: options.cwd,
    stdio: ["pipe", "pipe", "pipe"]
  })
  const pending = new Map<number | string, { resolve: (a: Answer) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>()
  let nextId = 1
  let buffer: Buffer = Buffer.alloc(0)
  let stderr = ""
  let exited = false
  const exit = new Promise<void>((resolve) =>
    child.on("exit", () => {
      exited = true
      for (const [, p] of pending) p.reject(new Error(`server exited; stderr:\n${stderr.slice(-2000)}`))
      pending.clear()
      resolve()
    })
  )
  child.stdin.on("error", () => {})
  child.stderr.on("data", (chunk: Buffer) => {
    // Keep the start and the end: a long run logs a lot.
    stderr = stderr.length < 200_000 ? stderr + chunk.toString("utf8") : stderr
  })
  child.stdout.on("data", (chunk: Buffer) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk])
    for (let nl = buffer.indexOf(10); nl >= 0; nl = buffer.indexOf(10)) {
      const line = buffer.subarray(0, nl)
      buffer = buffer.subarray(nl + 1)
      const message = JSON.parse(line.toString("utf8"))
      const waiter = message.id === undefined ? undefined : pending.get(message.id)
      if (waiter === undefined) continue
      pending.delete(message.id)
      clearTimeout(waiter.timer)
      waiter.resolve({ message, bytes: line.length + 1 })
    }
  })
  const write = (message: object) => child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`)
  const era = options.era ?? "2025-06-18"
  const withMeta = (params: unknown): unknown =>
    era === "2026-07-28" ? { ...(params as object), _meta: { ...(params as { _meta?: object })._meta, ...modernEnvelope } } : params
  return {
    pid: child.pid!,
    era,
    request: (method, params = {}, timeoutMs = 120_000) =>
      new Promise<Answer>((resolve, reject) => {
        if (exited) return reject(new Error(`server already exited; stderr:\n${stderr.slice(-2000)}`))
        const id = nextId++
        const timer = setTimeout(() => {
          pending.delete(id)
          reject(new Error(`${method}: no answer in ${timeoutMs} ms; stderr:\n${stderr.slice(-2000)}`))
        }, timeoutMs)
        pending.set(id, { resolve, reject, timer })
        write({ id, method, params: withMeta(params) })
      }),
    notify: (method, params = {}) => void write({ method, params }),
    stderr: () => stderr,
    close: async () => {
      if (exited) return
      child.stdin.end()
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000)
      await exit
      clearTimeout(timer)
    }
  }
}

/** initialize + notifications/initialized. */
export const initialize = async (server: RpcServer): Promise<Answer> => {
  const answer = await server.request("initialize", { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: CLIENT_INFO })
  server.notify("notifications/initialized")
  return answer
}

/** A server that does not speak the era asked for: its case is reported unavailable, not failed. */
export class EraUnsupported extends Error {}

/**
 * Opens the session as the server's era asks: the 2025 handshake, or `server/discover` (which must list
 * 2026-07-28 among its supportedVersions; otherwise EraUnsupported).
 */
export const open = async (server: RpcServer): Promise<Answer> => {
  if (server.era === "2025-06-18") return initialize(server)
  const answer = await server.request("server/discover", {})
  const versions: unknown = answer.message.result?.supportedVersions
  if (!Array.isArray(versions) || !versions.includes("2026-07-28"))
    throw new EraUnsupported(
      `server/discover: ${JSON.stringify(answer.message.error ?? answer.message.result ?? answer.message).slice(0, 300)}`
    )
  return answer
}

/** tools/call; throws on a JSON-RPC error (a tool error is an answer, with isError). */
export const callTool = async (server: RpcServer, name: string, args: Record<string, unknown>): Promise<Answer> => {
  const answer = await server.request("tools/call", { name, arguments: args })
  if (answer.message.error !== undefined) throw new Error(`${name}: JSON-RPC error ${JSON.stringify(answer.message.error)}`)
  return answer
}

/** The text of a tools/call answer. */
export const textOf = (answer: Answer): string =>
  ((answer.message.result?.content ?? []) as Array<{ type: string; text?: string }>).map((c) => c.text ?? "").join("\n")

/** CPU time (user + system) the process has used, in milliseconds, from /proc/<pid>/stat. */
export const cpuMillis = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/**
 * CPU time of the process's threads, in microseconds: the main thread (where JavaScript runs) and all
 * of them (adding V8's compiler and GC helper threads), from /proc/<pid>/task/<tid>/schedstat, which
 * counts in nanoseconds. Where there is no schedstat, both are the whole process's time from stat.
 */
export const threadCpuMicros = (pid: number): { readonly main: number; readonly all: number } => {
  try {
    let main = 0
    let all = 0
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const nanos = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0])
      all += nanos / 1000
      if (Number(tid) === pid) main = nanos / 1000
    }
    return { main, all }
  } catch {
    const micros = cpuMillis(pid) * 1000
    return { main: micros, all: micros }
  }
}

/** Resident set size now and at its peak (VmRSS, VmHWM), in bytes, from /proc/<pid>/status. */
export const memoryOf = (pid: number): { readonly rss: number; readonly peak: number } => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8")
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) * 1024
  return { rss: kb("VmRSS"), peak: kb("VmHWM") }
}
