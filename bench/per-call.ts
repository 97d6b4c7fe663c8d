import { DEMO_ENVIRONMENT_2, ORDERS_DAG } from "../src/adapters/fake-mwaa/index.js"
import { bareServer, bundledBin } from "./paths.js"
import { type Era, EraUnsupported, type RpcServer, callTool, open, spawnServer, threadCpuMicros } from "./rpc.js"
import { type Summary, summarize } from "./stats.js"

/**
 * Scenario 2: tools/call latency and throughput over stdio, sequential and with 16 calls in flight,
 * for the bare SDK v2 server's echo and for our bin in demo mode (the in-memory fake answers, no I/O).
 */

/** The per-call budget (issue 13): at most this much added to the bare echo's call, in every phase. */
export const BUDGET_MS = 0.5

export interface PerCallCase {
  readonly name: string
  readonly args: ReadonlyArray<string>
  readonly tool: string
  readonly arguments: Record<string, unknown>
  readonly note: string
  /** The protocol era the client speaks; default the 2025 handshake. */
  readonly era?: Era
  /** The bare case this one is measured against (same era); none for a baseline. */
  readonly baseline?: string
  /** Held to the budget (get-dag is paced by its rate limiter, by design, so it is shown, not judged). */
  readonly judged?: boolean
}

const BARE = "bare: echo"
const BARE_MODERN = "bare: echo (2026-07-28)"

export const perCallCases: ReadonlyArray<PerCallCase> = [
  { name: BARE, args: [bareServer], tool: "echo", arguments: { text: "hello" }, note: "baseline: SDK v2, 2025 handshake" },
  {
    name: "ours: list-environments",
    args: [bundledBin, "--demo"],
    tool: "list-environments",
    arguments: {},
    note: "one fake ListEnvironments call; the whole tool pipeline",
    baseline: BARE,
    judged: true
  },
  {
    name: "ours: get-environment",
    args: [bundledBin, "--demo"],
    tool: "get-environment",
    arguments: { environment_name: DEMO_ENVIRONMENT_2 },
    note: "one fake GetEnvironment call (always asked afresh); a 1.9 KB answer, masked and bounded",
    baseline: BARE,
    judged: true
  },
  {
    name: "ours: get-dag (--max-rps 100)",
    args: [bundledBin, "--demo", "--max-rps", "100"],
    tool: "get-dag",
    arguments: { environment_name: DEMO_ENVIRONMENT_2, dag_id: ORDERS_DAG },
    note: "one InvokeRestApi per call, so the per-environment token bucket (at most 100/s) paces it",
    baseline: BARE
  },
  {
    name: BARE_MODERN,
    args: [bareServer],
    tool: "echo",
    arguments: { text: "hello" },
    note: "baseline: SDK v2, server/discover then the _meta envelope on every request",
    era: "2026-07-28"
  },
  {
    name: "ours: list-environments (2026-07-28)",
    args: [bundledBin, "--demo"],
    tool: "list-environments",
    arguments: {},
    note: "as list-environments, in the 2026-07-28 era",
    era: "2026-07-28",
    baseline: BARE_MODERN,
    judged: true
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
  readonly era: Era
  readonly baseline: string | undefined
  readonly judged: boolean
  /**
   * first: the calls right after a short warm-up, one at a time (code V8 has not optimized yet);
   * first16: as many again with 16 in flight; steady and steady16: the same two once the process has
   * answered thousands of calls, so V8 runs optimized code (a long-lived server's usual state).
   */
  readonly phases: Readonly<Record<Phase, Run>>
  readonly answerBytes: number
  readonly errors: number
  /** Each round's figures, in order: the spread behind the medians, and what per-round differences subtract. */
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
  const server = spawnServer({ args: c.args, era: c.era ?? "2025-06-18" })
  try {
    await open(server)
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
      era: c.era ?? "2025-06-18",
      baseline: c.baseline,
      judged: c.judged ?? false,
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

/** A figure's median over the rounds, and its range. */
export interface Spread {
  readonly median: number
  readonly min: number
  readonly max: number
}

const spreadOf = (xs: ReadonlyArray<number>): Spread => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) })

/**
 * What a case adds to its bare baseline's call, in milliseconds, round by round (each round's difference
 * subtracts figures measured a minute apart at most: a shared machine's speed drifts by tens of per cent
 * over a few minutes), then the median of those differences and their range.
 *
 * - One at a time (first, steady): p50 − the bare p50, the latency each call adds.
 * - 16 in flight (first16, steady16): 1000 / calls per second − the bare's, the time each call adds to a
 *   full pipe (its share of the wall time). The p50 difference is kept too (`p50DiffMs`), but with 16 in
 *   flight a call's latency includes waiting behind up to 15 others, so it counts each call's added time
 *   up to 16 times over: it is the latency a client sees when it sends 16 at once, not the cost of a call.
 */
export interface Added {
  /** The figure held to the budget. */
  readonly addedMs: Spread
  readonly p50DiffMs: Spread
}

export const addedOverBare = (result: PerCallResult, bare: PerCallResult): Readonly<Record<Phase, Added>> => {
  const rounds = result.rounds.map((r, i) => [r, bare.rounds[i]!] as const)
  return Object.fromEntries(
    PHASES.map((phase) => {
      const p50DiffMs = spreadOf(rounds.map(([r, b]) => r[phase].p50 - b[phase].p50))
      const perCallDiff = spreadOf(rounds.map(([r, b]) => 1000 / r[phase].callsPerSecond - 1000 / b[phase].callsPerSecond))
      return [phase, { addedMs: phase.endsWith("16") ? perCallDiff : p50DiffMs, p50DiffMs }]
    })
  ) as Record<Phase, Added>
}

export interface Unavailable {
  readonly name: string
  readonly reason: string
}

/**
 * Every case in turn, `rounds` times over (interleaving puts each case through the same drift of the
 * machine's speed); each figure is the median of its rounds. A case whose server does not speak its era
 * (e.g. our server before SDK v2, asked for 2026-07-28) is left out after its first try and listed apart.
 */
export const runPerCall = async (
  settings: PerCallSettings,
  rounds: number,
  say: (s: string) => void
): Promise<{ readonly results: ReadonlyArray<PerCallResult>; readonly unavailable: ReadonlyArray<Unavailable> }> => {
  const samples = perCallCases.map(() => [] as Array<PerCallResult>)
  const unavailable = new Map<number, string>()
  for (let round = 1; round <= rounds; round++) {
    for (const [i, c] of perCallCases.entries()) {
      if (unavailable.has(i)) continue
      let sample: PerCallResult
      try {
        sample = await measureOnce(c, settings)
      } catch (error) {
        if (!(error instanceof EraUnsupported)) throw error
        unavailable.set(i, error.message)
        say(`  per-call: ${c.name} unavailable (${error.message})`)
        continue
      }
      samples[i]!.push(sample)
      const p = sample.phases
      say(
        `  per-call, round ${round}/${rounds}: ${c.name} p50 ${p.first.latencyMs.median.toFixed(2)} ms, ` +
          `16 in flight ${p.first16.callsPerSecond.toFixed(0)}/s; steady p50 ${p.steady.latencyMs.median.toFixed(2)} ms, ` +
          `16 in flight ${p.steady16.callsPerSecond.toFixed(0)}/s`
      )
    }
  }
  return {
    results: samples.flatMap((s) => (s.length > 0 ? [combine(s)] : [])),
    unavailable: [...unavailable].map(([i, reason]) => ({ name: perCallCases[i]!.name, reason }))
  }
}
