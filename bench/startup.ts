import { initialize, spawnServer } from "./rpc.js"
import { type Summary, summarize } from "./stats.js"
import { bareServer, bundledBin, dummyAws, tscBin } from "./paths.js"

/** Scenario 1: spawn → initialize → tools/list answered, per server, runs interleaved so load hits all alike. */

export interface StartupVariant {
  readonly name: string
  readonly args: ReadonlyArray<string>
  readonly env?: Readonly<Record<string, string>>
  /** Fewer runs for slow reference rows. */
  readonly runs?: number
}

export const startupVariants: ReadonlyArray<StartupVariant> = [
  { name: "bare SDK v2 server (1 tool)", args: [bareServer] },
  { name: "bundled bin --demo", args: [bundledBin, "--demo"] },
  { name: "bundled bin (AWS mode)", args: [bundledBin], env: dummyAws },
  { name: "tsc output bin --demo (unbundled, reference)", args: [tscBin, "--demo"], runs: 5 }
]

export interface StartupResult {
  readonly name: string
  /** Milliseconds from spawn to the tools/list answer. */
  readonly ms: Summary
  readonly tools: number
}

const once = async (variant: StartupVariant): Promise<{ ms: number; tools: number }> => {
  const start = performance.now()
  const server = spawnServer({ args: variant.args, env: variant.env ?? {} })
  try {
    await initialize(server)
    const list = await server.request("tools/list", {})
    const ms = performance.now() - start
    return { ms, tools: (list.message.result?.tools ?? []).length }
  } finally {
    await server.close()
  }
}

export const runStartup = async (runs: number, say: (s: string) => void): Promise<ReadonlyArray<StartupResult>> => {
  // One unmeasured run each: the first start of a file pays for reading it from disk.
  for (const v of startupVariants) await once(v)
  const samples = startupVariants.map(() => [] as Array<number>)
  const tools = startupVariants.map(() => 0)
  for (let i = 0; i < runs; i++) {
    for (const [k, v] of startupVariants.entries()) {
      if (i >= (v.runs ?? runs)) continue
      const r = await once(v)
      samples[k]!.push(r.ms)
      tools[k] = r.tools
    }
    if ((i + 1) % 5 === 0) say(`  start-up: ${i + 1}/${runs} rounds`)
  }
  return startupVariants.map((v, k) => ({ name: v.name, ms: summarize(samples[k]!), tools: tools[k]! }))
}
