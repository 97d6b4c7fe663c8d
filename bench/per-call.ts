import { DEMO_ENVIRONMENT_2, ORDERS_DAG } from "../src/adapters/fake-mwaa/index.js"
import { bareServer, bundledBin, transportOnly } from "./paths.js"
import { type RpcServer, callTool, cpuMillis, initialize, spawnServer } from "./rpc.js"
import { type Summary, summarize } from "./stats.js"

/**
 * Scenario 2: tools/call latency and throughput over stdio, sequential and with 16 calls in flight,
 * for the bare server's echo and for our bin in demo mode (the in-memory fake answers, no I/O).
 */

export interface PerCallCase {
  readonly name: string
  readonly args: ReadonlyArray<string>
  readonly tool: string
  readonly arguments: Record<string, unknown>
  readonly note: string
}

export const perCallCases: ReadonlyArray<PerCallCase> = [
  { name: "bare: echo", args: [bareServer], tool: "echo", arguments: { text: "hello" }, note: "baseline" },
  {
    name: "ours, transport only",
    args: [transportOnly],
    tool: "list-environments",
    arguments: {},
    note: "our MCP transport and tool listing over a host that answers at once: no Effect, no tool pipeline"
  },
  {
    name: "ours: list-environments",
    args: [bundledBin, "--demo"],
    tool: "list-environments",
    arguments: {},
    note: "one fake ListEnvironments call; the whole tool pipeline"
  },
  {
    name: "ours: get-environment",
    args: [bundledBin, "--demo"],
    tool: "get-environment",
    arguments: { environment_name: DEMO_ENVIRONMENT_2 },
    note: "one fake GetEnvironment call (always asked afresh); a 1.9 KB answer, masked and bounded"
  },
  {
    name: "ours: get-dag (--max-rps 100)",
    args: [bundledBin, "--demo", "--max-rps", "100"],
    tool: "get-dag",
    arguments: { environment_name: DEMO_ENVIRONMENT_2, dag_id: ORDERS_DAG },
    note: "one InvokeRestApi per call, so the per-environment token bucket (at most 100/s) paces it"
  }
]

export interface Run {
  /** Milliseconds per call, each call timed from request to answer. */
  readonly latencyMs: Summary
  readonly callsPerSecond: number
  readonly wallMs: number
}

export interface PerCallResult {
  readonly name: string
  readonly tool: string
  readonly note: string
  readonly sequential: Run & { readonly serverCpuMicrosPerCall: number }
  readonly concurrent16: Run
  /**
   * Steady state: the sequential run again once the process has answered thousands of calls, so
   * V8 runs optimized code (a long-lived server's usual state), for both servers alike.
   */
  readonly sequentialWarm: Run
  readonly answerBytes: number
  readonly errors: number
  /** Each round's p50s, in order: the spread behind the medians. */
  readonly rounds: ReadonlyArray<{ readonly sequentialP50: number; readonly steadyP50: number }>
}

const timed = async (server: RpcServer, c: PerCallCase, calls: number, inFlight: number) => {
  const latencies: Array<number> = []
  let errors = 0
  let bytes = 0
  let issued = 0
  const start = performance.now()
  const worker = async () => {
    while (issued < calls) {
      issued++
      const t = performance.now()
      const answer = await callTool(server, c.tool, c.arguments)
      latencies.push(performance.now() - t)
      bytes = answer.bytes
      if (answer.message.result?.isError === true) errors++
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker))
  const wallMs = performance.now() - start
  return { run: { latencyMs: summarize(latencies), callsPerSecond: (calls / wallMs) * 1000, wallMs }, errors, bytes }
}

/** One server process, one case: the four phases, as one sample of the case. */
const measureOnce = async (
  c: PerCallCase,
  calls: number,
  warmup: number,
  steady: { readonly warmup: number; readonly calls: number }
): Promise<PerCallResult> => {
  const server = spawnServer({ args: c.args })
  try {
    await initialize(server)
    await server.request("tools/list", {})
    await timed(server, c, warmup, 1)
    const cpu0 = cpuMillis(server.pid)
    const seq = await timed(server, c, calls, 1)
    const cpuMicros = ((cpuMillis(server.pid) - cpu0) * 1000) / calls
    const conc = await timed(server, c, calls, 16)
    await timed(server, c, steady.warmup, 1)
    const warm = await timed(server, c, steady.calls, 1)
    return {
      name: c.name,
      tool: c.tool,
      note: c.note,
      sequential: { ...seq.run, serverCpuMicrosPerCall: cpuMicros },
      concurrent16: conc.run,
      sequentialWarm: warm.run,
      answerBytes: seq.bytes,
      errors: seq.errors + conc.errors + warm.errors,
      rounds: [{ sequentialP50: seq.run.latencyMs.median, steadyP50: warm.run.latencyMs.median }]
    }
  } finally {
    await server.close()
  }
}

const median = (xs: ReadonlyArray<number>): number => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const medianSummary = (xs: ReadonlyArray<Summary>): Summary => ({
  n: xs[0]!.n,
  median: median(xs.map((x) => x.median)),
  p90: median(xs.map((x) => x.p90)),
  p99: median(xs.map((x) => x.p99)),
  min: median(xs.map((x) => x.min)),
  max: median(xs.map((x) => x.max))
})

const medianRun = (xs: ReadonlyArray<Run>): Run => ({
  latencyMs: medianSummary(xs.map((x) => x.latencyMs)),
  callsPerSecond: median(xs.map((x) => x.callsPerSecond)),
  wallMs: median(xs.map((x) => x.wallMs))
})

/** The samples of one case as one row: each figure is its median over the rounds. */
const combine = (samples: ReadonlyArray<PerCallResult>): PerCallResult => ({
  ...samples[0]!,
  sequential: {
    ...medianRun(samples.map((s) => s.sequential)),
    serverCpuMicrosPerCall: median(samples.map((s) => s.sequential.serverCpuMicrosPerCall))
  },
  concurrent16: medianRun(samples.map((s) => s.concurrent16)),
  sequentialWarm: medianRun(samples.map((s) => s.sequentialWarm)),
  errors: samples.reduce((n, s) => n + s.errors, 0),
  rounds: samples.flatMap((s) => s.rounds)
})

/**
 * Every case in turn, `rounds` times over (a machine's speed drifts by tens of per cent over a
 * minute, and interleaving puts each case through the same drift); each figure is the median of its rounds.
 */
export const runPerCall = async (
  calls: number,
  warmup: number,
  steady: { readonly warmup: number; readonly calls: number },
  rounds: number,
  say: (s: string) => void
): Promise<ReadonlyArray<PerCallResult>> => {
  const samples = perCallCases.map(() => [] as Array<PerCallResult>)
  for (let round = 1; round <= rounds; round++) {
    for (const [i, c] of perCallCases.entries()) {
      const sample = await measureOnce(c, calls, warmup, steady)
      samples[i]!.push(sample)
      say(
        `  per-call, round ${round}/${rounds}: ${c.name} p50 ${sample.sequential.latencyMs.median.toFixed(2)} ms, steady ${sample.sequentialWarm.latencyMs.median.toFixed(2)} ms`
      )
    }
  }
  return samples.map(combine)
}
