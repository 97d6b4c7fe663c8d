import { DEMO_ENVIRONMENT_2, ORDERS_DAG } from "../src/adapters/fake-mwaa/index.js"
import { bareServer, bundledBin, transportOnly } from "./paths.js"
import { type RpcServer, callTool, initialize, spawnServer, threadCpuMicros } from "./rpc.js"
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
  /**
   * The server's CPU time per call, in microseconds: on its main thread (JavaScript) and on its other
   * threads (V8's optimizing compiler and GC helpers, busy while code is still being optimized).
   */
  readonly cpuMicrosPerCall: { readonly mainThread: number; readonly otherThreads: number }
}

/** The four timed phases, in the order one server process goes through them. */
export const PHASES = ["first", "first16", "steady", "steady16"] as const
export type Phase = (typeof PHASES)[number]

export interface PerCallResult {
  readonly name: string
  readonly tool: string
  readonly note: string
  /**
   * first: the calls right after a short warm-up, one at a time (code V8 has not optimized yet);
   * first16: as many again with 16 in flight; steady and steady16: the same two once the process has
   * answered thousands of calls, so V8 runs optimized code (a long-lived server's usual state).
   */
  readonly phases: Readonly<Record<Phase, Run>>
  readonly answerBytes: number
  readonly errors: number
  /** Each round's figures, in order: the spread behind the medians, and what per-round ratios divide. */
  readonly rounds: ReadonlyArray<Readonly<Record<Phase, { readonly p50: number; readonly callsPerSecond: number }>>>
}

const timed = async (server: RpcServer, c: PerCallCase, calls: number, inFlight: number) => {
  const latencies: Array<number> = []
  let errors = 0
  let bytes = 0
  let issued = 0
  const cpu0 = threadCpuMicros(server.pid)
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
  const cpu1 = threadCpuMicros(server.pid)
  const run: Run = {
    latencyMs: summarize(latencies),
    callsPerSecond: (calls / wallMs) * 1000,
    wallMs,
    cpuMicrosPerCall: { mainThread: (cpu1.main - cpu0.main) / calls, otherThreads: (cpu1.all - cpu1.main - (cpu0.all - cpu0.main)) / calls }
  }
  return { run, errors, bytes }
}

export interface PerCallSettings {
  /** Untimed calls after tools/list, before the first phase. */
  readonly warmup: number
  /** Calls in each of the first two phases. */
  readonly calls: number
  /** Untimed calls between the first and the steady phases. */
  readonly steadyWarmup: number
  /** Calls in each of the steady phases. */
  readonly steadyCalls: number
}

/** One server process, one case: the four phases, as one sample of the case. */
const measureOnce = async (c: PerCallCase, settings: PerCallSettings): Promise<PerCallResult> => {
  const server = spawnServer({ args: c.args })
  try {
    await initialize(server)
    await server.request("tools/list", {})
    await timed(server, c, settings.warmup, 1)
    const first = await timed(server, c, settings.calls, 1)
    const first16 = await timed(server, c, settings.calls, 16)
    await timed(server, c, settings.steadyWarmup, 1)
    const steady = await timed(server, c, settings.steadyCalls, 1)
    const steady16 = await timed(server, c, settings.steadyCalls, 16)
    const phases = { first: first.run, first16: first16.run, steady: steady.run, steady16: steady16.run }
    return {
      name: c.name,
      tool: c.tool,
      note: c.note,
      phases,
      answerBytes: first.bytes,
      errors: first.errors + first16.errors + steady.errors + steady16.errors,
      rounds: [roundOf(phases)]
    }
  } finally {
    await server.close()
  }
}

const roundOf = (phases: Readonly<Record<Phase, Run>>) =>
  Object.fromEntries(
    PHASES.map((phase) => [phase, { p50: phases[phase].latencyMs.median, callsPerSecond: phases[phase].callsPerSecond }])
  ) as Readonly<Record<Phase, { readonly p50: number; readonly callsPerSecond: number }>>

export const median = (xs: ReadonlyArray<number>): number => {
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
  wallMs: median(xs.map((x) => x.wallMs)),
  cpuMicrosPerCall: {
    mainThread: median(xs.map((x) => x.cpuMicrosPerCall.mainThread)),
    otherThreads: median(xs.map((x) => x.cpuMicrosPerCall.otherThreads))
  }
})

/** The samples of one case as one row: each figure is its median over the rounds. */
const combine = (samples: ReadonlyArray<PerCallResult>): PerCallResult => ({
  ...samples[0]!,
  phases: Object.fromEntries(PHASES.map((phase) => [phase, medianRun(samples.map((s) => s.phases[phase]))])) as Record<Phase, Run>,
  errors: samples.reduce((n, s) => n + s.errors, 0),
  rounds: samples.flatMap((s) => s.rounds)
})

/**
 * A case against the baseline, round by round: each round's ratio divides figures measured minutes
 * apart at most (a shared machine's speed drifts by tens of per cent over a few minutes, which a ratio
 * of medians taken across all rounds would mix in). The median of those ratios, and their range.
 */
export interface RatioToBare {
  readonly median: number
  readonly min: number
  readonly max: number
}

const ratioOver = (ratios: ReadonlyArray<number>): RatioToBare => ({
  median: median(ratios),
  min: Math.min(...ratios),
  max: Math.max(...ratios)
})

/** p50 latency ÷ the bare server's, and the bare server's throughput ÷ ours (so above 1 is slower), per phase. */
export const ratiosToBare = (
  result: PerCallResult,
  bare: PerCallResult
): Readonly<Record<Phase, { readonly p50: RatioToBare; readonly throughput: RatioToBare }>> =>
  Object.fromEntries(
    PHASES.map((phase) => [
      phase,
      {
        p50: ratioOver(result.rounds.map((r, i) => r[phase].p50 / bare.rounds[i]![phase].p50)),
        throughput: ratioOver(result.rounds.map((r, i) => bare.rounds[i]![phase].callsPerSecond / r[phase].callsPerSecond))
      }
    ])
  ) as Record<Phase, { readonly p50: RatioToBare; readonly throughput: RatioToBare }>

/**
 * Every case in turn, `rounds` times over (interleaving puts each case through the same drift of the
 * machine's speed); each figure is the median of its rounds.
 */
export const runPerCall = async (
  settings: PerCallSettings,
  rounds: number,
  say: (s: string) => void
): Promise<ReadonlyArray<PerCallResult>> => {
  const samples = perCallCases.map(() => [] as Array<PerCallResult>)
  for (let round = 1; round <= rounds; round++) {
    for (const [i, c] of perCallCases.entries()) {
      const sample = await measureOnce(c, settings)
      samples[i]!.push(sample)
      const p = sample.phases
      say(
        `  per-call, round ${round}/${rounds}: ${c.name} p50 ${p.first.latencyMs.median.toFixed(2)} ms, ` +
          `16 in flight ${p.first16.callsPerSecond.toFixed(0)}/s; steady p50 ${p.steady.latencyMs.median.toFixed(2)} ms, ` +
          `16 in flight ${p.steady16.callsPerSecond.toFixed(0)}/s`
      )
    }
  }
  return samples.map(combine)
}
