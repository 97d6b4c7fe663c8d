import { bareServer, bundledBin, dummyAws, tscBin } from "./paths.js"
import { type Era, EraUnsupported, open, spawnServer } from "./rpc.js"
import { type Summary, summarize } from "./stats.js"

/**
 * Scenario 1: spawn → the era's opening (initialize, or server/discover) → tools/list answered, per
 * server, runs interleaved so load hits all alike.
 */

export interface StartupVariant {
  readonly name: string
  readonly args: ReadonlyArray<string>
  readonly env?: Readonly<Record<string, string>>
  /** Fewer runs for slow reference rows. */
  readonly runs?: number
  /** Default the 2025 handshake. */
  readonly era?: Era
  /** The bare row this one is divided by (same era); none for a baseline. */
  readonly baseline?: string
}

const BARE = "bare SDK v2 server (1 tool)"
const BARE_MODERN = "bare SDK v2 server (2026-07-28)"

export const startupVariants: ReadonlyArray<StartupVariant> = [
  { name: BARE, args: [bareServer] },
  { name: "bundled bin --demo", args: [bundledBin, "--demo"], baseline: BARE },
  { name: "bundled bin (AWS mode)", args: [bundledBin], env: dummyAws, baseline: BARE },
  { name: "tsc output bin --demo (unbundled, reference)", args: [tscBin, "--demo"], runs: 5, baseline: BARE },
  { name: BARE_MODERN, args: [bareServer], era: "2026-07-28" },
  { name: "bundled bin --demo (2026-07-28)", args: [bundledBin, "--demo"], era: "2026-07-28", baseline: BARE_MODERN }
]

export interface StartupResult {
  readonly name: string
  readonly era: Era
  readonly baseline: string | undefined
  /** Milliseconds from spawn to the tools/list answer. */
  readonly ms: Summary
  readonly tools: number
}

const once = async (variant: StartupVariant): Promise<{ ms: number; tools: number }> => {
  const start = performance.now()
  const server = spawnServer({ args: variant.args, env: variant.env ?? {}, era: variant.era ?? "2025-06-18" })
  try {
    await open(server)
    const list = await server.request("tools/list", {})
    const ms = performance.now() - start
    return { ms, tools: (list.message.result?.tools ?? []).length }
  } finally {
    await server.close()
  }
}

/** Every variant; one whose server does not speak its era is left out and listed apart. */
export const runStartup = async (
  runs: number,
  say: (s: string) => void
): Promise<{ readonly results: ReadonlyArray<StartupResult>; readonly unavailable: ReadonlyArray<{ name: string; reason: string }> }> => {
  const unavailable = new Map<number, string>()
  // One unmeasured run each: the first start of a file pays for reading it from disk.
  for (const [k, v] of startupVariants.entries()) {
    try {
      await once(v)
    } catch (error) {
      if (!(error instanceof EraUnsupported)) throw error
      unavailable.set(k, error.message)
    }
  }
  const samples = startupVariants.map(() => [] as Array<number>)
  const tools = startupVariants.map(() => 0)
  for (let i = 0; i < runs; i++) {
    for (const [k, v] of startupVariants.entries()) {
      if (i >= (v.runs ?? runs) || unavailable.has(k)) continue
      const r = await once(v)
      samples[k]!.push(r.ms)
      tools[k] = r.tools
    }
    if ((i + 1) % 5 === 0) say(`  start-up: ${i + 1}/${runs} rounds`)
  }
  return {
    results: startupVariants.flatMap((v, k) =>
      unavailable.has(k)
        ? []
        : [{ name: v.name, era: v.era ?? "2025-06-18", baseline: v.baseline, ms: summarize(samples[k]!), tools: tools[k]! }]
    ),
    unavailable: [...unavailable].map(([k, reason]) => ({ name: startupVariants[k]!.name, reason }))
  }
}
