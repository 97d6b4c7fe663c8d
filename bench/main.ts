import { execFileSync } from "node:child_process"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { cpus, freemem, loadavg, totalmem } from "node:os"
import { measureFootprint } from "./footprint.js"
import { runMasking } from "./masking.js"
import { repoRoot, serverNode } from "./paths.js"
import { type Added, BUDGET_MS, type Run, type Spread, addedOverBare, runPerCall } from "./per-call.js"
import { round } from "./stats.js"
import { runStartup } from "./startup.js"
import { kb, mb, ms, ratio, table } from "./table.js"
import { runThrottle } from "./throttle.js"
import { runTriage } from "./triage.js"

/**
 * `npm run bench`: start-up, per-call latency, the triage scenario on a large environment,
 * throttled concurrency and footprint. Prints tables and writes bench/results.json. Every server
 * is spawned as a child talking over stdio; AWS is the loopback HTTP fake. Figures are for
 * people: the exit code is non-zero only when the harness itself fails.
 */

const argv = process.argv.slice(2)
const quick = argv.includes("--quick")
const only = argv
  .find((a) => a.startsWith("--only="))
  ?.slice(7)
  .split(",")
const out = argv.find((a) => a.startsWith("--out="))?.slice(6) ?? `${repoRoot}bench/results.json`
const wanted = (name: string) => only === undefined || only.includes(name)
const say = (s: string) => void process.stderr.write(`${s}\n`)

const settings = {
  quick,
  startupRuns: quick ? 5 : 20,
  perCallCalls: quick ? 100 : 300,
  perCallWarmup: 20,
  /** Calls answered before the steady-state run, then the calls it times. */
  perCallSteadyWarmup: quick ? 500 : 3000,
  perCallSteadyCalls: quick ? 200 : 1000,
  /** Rounds of every per-call case in turn; each figure is the median over them. */
  perCallRounds: quick ? 1 : 5,
  bigLogBodyLines: quick ? 19_600 : 199_600,
  maskingRuns: quick ? 2 : 5
}

/** The commit measured, and whether the worktree had changes beside it. */
const commit = () => {
  try {
    const git = (...args: Array<string>) => execFileSync("git", ["-C", repoRoot, ...args], { encoding: "utf8" }).trim()
    return { head: git("rev-parse", "--short", "HEAD"), dirty: git("status", "--porcelain", "--untracked-files=no") !== "" }
  } catch {
    return { head: "unknown", dirty: false }
  }
}

/** The result sections, by scenario. */
const SECTIONS = ["startup", "perCall", "triage", "throttle", "footprint", "masking"] as const

/**
 * With --only, the results file keeps the sections not run (from an earlier full run) and takes the
 * new ones, each stamped with the run that measured it (date, machine, settings, commit): the top-level
 * date and machine stay those of the full run.
 */
const mergeInto = (previous: Record<string, unknown>, partial: Record<string, unknown>): Record<string, unknown> => {
  const merged = { ...previous }
  const { date, machine, settings, commit, machineAfter, durationSeconds } = partial
  for (const key of SECTIONS)
    if (key in partial)
      merged[key] = { ...(partial[key] as object), measured: { date, machine, settings, commit, machineAfter, durationSeconds } }
  return merged
}

const serverNodeVersion = () => execFileSync(serverNode, ["--version"], { encoding: "utf8" }).trim()

const machine = () => ({
  cores: cpus().length,
  cpuModel: cpus()[0]?.model ?? "unknown",
  memoryBytes: totalmem(),
  freeMemoryBytes: freemem(),
  node: process.version,
  serverNode: serverNodeVersion(),
  platform: `${process.platform}-${process.arch}`,
  loadAverage: loadavg().map((x) => round(x))
})

const main = async () => {
  const started = new Date()
  const before = machine()
  say(
    `mwaa-mcp-server bench${quick ? " (quick)" : ""}: ${before.cores} cores, servers on Node ${before.serverNode}, load ${before.loadAverage.join(" ")}`
  )
  const results: Record<string, unknown> = { date: started.toISOString(), machine: before, settings, commit: commit() }

  if (wanted("startup")) {
    say("1. start-up …")
    const { results: startup, unavailable } = await runStartup(settings.startupRuns, say)
    const byName = new Map(startup.map((s) => [s.name, s]))
    const ratioOf = (s: (typeof startup)[number]) => s.ms.median / (byName.get(s.baseline ?? s.name)?.ms.median ?? NaN)
    results["startup"] = {
      budgetRatio: 1.2,
      variants: startup.map((s) => ({ ...s, ratioToBare: round(ratioOf(s)) })),
      unavailable
    }
    console.log(
      `\n1. Start-up: spawn → initialize (or server/discover, 2026-07-28) → tools/list (${settings.startupRuns} runs each, the unbundled ` +
        `reference 5; interleaved). Budget: median within 1.2× the bare SDK v2 server's (same era).\n`
    )
    console.log(
      table([
        ["server", "median", "p90", "min", "tools", "median ÷ bare"],
        ...startup.map((s) => [s.name, ms(s.ms.median), ms(s.ms.p90), ms(s.ms.min), String(s.tools), ratio(ratioOf(s))])
      ])
    )
    for (const u of unavailable) console.log(`  ${u.name}: unavailable (${u.reason})`)
  }

  if (wanted("per-call")) {
    say("2. per-call …")
    const { results: perCall, unavailable } = await runPerCall(
      {
        warmup: settings.perCallWarmup,
        calls: settings.perCallCalls,
        steadyWarmup: settings.perCallSteadyWarmup,
        steadyCalls: settings.perCallSteadyCalls
      },
      settings.perCallRounds,
      say
    )
    const byName = new Map(perCall.map((p) => [p.name, p]))
    const added = perCall.map((p) => {
      const bare = p.baseline === undefined ? undefined : byName.get(p.baseline)
      return bare === undefined ? undefined : addedOverBare(p, bare)
    })
    results["perCall"] = {
      budgetMs: BUDGET_MS,
      cases: perCall.map((p, i) => ({ ...p, addedOverBare: added[i] })),
      unavailable
    }
    console.log(
      `\n2. Per call: tools/call over stdio (demo mode: the in-memory fake answers). One process per case and round: ` +
        `${settings.perCallWarmup} warm-up calls; "first": ${settings.perCallCalls} one by one, then ${settings.perCallCalls} with 16 in flight; ` +
        `${settings.perCallSteadyWarmup} more untimed; "steady": ${settings.perCallSteadyCalls} one by one, then ${settings.perCallSteadyCalls} with 16 in flight. ` +
        `Every case in turn, ${settings.perCallRounds} round(s); each figure is the median over the rounds. "added" is what a case adds ` +
        `to its bare echo (same era), each round's difference, median over the rounds (range in brackets): one at a time, p50 − bare p50; ` +
        `16 in flight, 1000/calls per second − the bare's (each call's share of the wall time). Budget: ${BUDGET_MS} ms. ` +
        `CPU is the server's per call: main thread + its other threads (V8's compiler, GC).\n`
    )
    // No "-0.000": a difference under half a microsecond shows as 0.
    const f3 = (x: number) => (Math.abs(x) < 0.0005 ? 0 : x).toFixed(3)
    const spread = (r: Spread | undefined) => (r === undefined ? "baseline" : `${f3(r.median)} ms (${f3(r.min)} to ${f3(r.max)})`)
    const cpu = (run: Run) => `${run.cpuMicrosPerCall.mainThread.toFixed(0)} + ${run.cpuMicrosPerCall.otherThreads.toFixed(0)} µs`
    for (const [title, one, sixteen] of [
      ["first calls", "first", "first16"],
      ["steady state", "steady", "steady16"]
    ] as const) {
      console.log(`  ${title}\n`)
      console.log(
        table([
          ["tool", "p50", "p99", "CPU/call", "added: p50", "16 in flight: p50", "calls/s", "CPU/call", "added per call", "answer"],
          ...perCall.map((p, i) => [
            p.name,
            ms(p.phases[one].latencyMs.median, 2),
            ms(p.phases[one].latencyMs.p99, 2),
            cpu(p.phases[one]),
            spread(added[i]?.[one].addedMs),
            ms(p.phases[sixteen].latencyMs.median, 2),
            p.phases[sixteen].callsPerSecond.toFixed(0),
            cpu(p.phases[sixteen]),
            spread(added[i]?.[sixteen].addedMs),
            `${p.answerBytes} B`
          ])
        ])
      )
      console.log("")
    }
    console.log(`  budget: at most ${BUDGET_MS} ms added per call (medians over the rounds)`)
    for (const [i, p] of perCall.entries()) {
      const a = added[i]
      if (a === undefined) continue
      const verdict = (x: Added) => `${f3(x.addedMs.median)} ms${p.judged ? (x.addedMs.median <= BUDGET_MS ? " within" : " OVER") : ""}`
      console.log(
        `  ${p.name}${p.judged ? "" : " (not judged: its rate limiter sets the pace)"}: first ${verdict(a.first)}, ` +
          `16 in flight ${verdict(a.first16)}; steady ${verdict(a.steady)}, 16 in flight ${verdict(a.steady16)}`
      )
    }
    for (const u of unavailable) console.log(`  ${u.name}: unavailable (${u.reason})`)
    const errors = perCall.filter((p) => p.errors > 0)
    if (errors.length > 0) console.log(`  tool errors: ${errors.map((p) => `${p.name} ${p.errors}`).join(", ")}`)
  }

  if (wanted("triage")) {
    say("3. triage …")
    const triage = await runTriage({ bigLogBodyLines: settings.bigLogBodyLines }, say)
    results["triage"] = triage
    const s = triage.seed
    console.log(
      `\n3. Triage on a large environment: ${s.dags} DAGs, ${s.taskInstances} task instances; the failed run has ` +
        `${s.failedRunTaskInstances} (${Object.entries(s.failedRunStates)
          .map(([k, v]) => `${v} ${k}`)
          .join(", ")}); ` +
        `the big log ${s.bigLogLines} lines, ${mb(s.bigLogBytes)} (HTTP fake, AWS mode)\n`
    )
    console.log(
      table([
        [
          "path",
          "tool calls",
          "AWS calls",
          "text bytes",
          "largest answer (text)",
          "wire bytes",
          "wall",
          "exception shown",
          "failed tasks explained",
          "peak RSS"
        ],
        ...triage.paths.map((p) =>
          p.available
            ? [
                p.path,
                String(p.toolCalls),
                String(p.awsCalls),
                kb(p.textBytes),
                kb(p.largestTextBytes),
                kb(p.answerBytes),
                ms(p.wallMs),
                p.bigLogExceptionShown ? "yes" : "no",
                `${p.exceptionsShown} of 3`,
                mb(p.peakRssBytes)
              ]
            : [p.path, "unavailable", "", "", "", "", "", "", "", ""]
        )
      ])
    )
    for (const p of triage.paths) {
      if (!p.available) continue
      const apis = Object.entries(p.awsCallsByOperation)
        .map(([op, n]) => `${n} ${op}`)
        .join(", ")
      console.log(
        `  ${p.path}: AWS calls ${apis}; RSS after start-up ${mb(p.rssAfterStartBytes)}${p.toolErrors > 0 ? `; ${p.toolErrors} tool error(s)` : ""}`
      )
    }
    for (const p of triage.paths) if (p.notes) console.log(`  ${p.path}: ${p.notes}`)
  }

  if (wanted("throttle")) {
    say("4. throttled concurrency …")
    const t = await runThrottle(say)
    results["throttle"] = t
    console.log(
      `\n4. Throttled concurrency: fake MWAA allows 20 InvokeRestApi/s (burst 5), MWAA_MCP_MAX_RPS=20, ${t.calls} get-dag calls at once\n`
    )
    console.log(
      table([
        ["calls", "failures", "wall", "ideal", "wall ÷ ideal", "InvokeRestApi sent", "throttled by MWAA"],
        [
          String(t.calls),
          String(t.failures),
          ms(t.wallMs),
          ms(t.idealMs),
          ratio(t.ratioToIdeal),
          String(t.invokeRestApiRequests),
          String(t.throttledByFake)
        ]
      ])
    )
    if (t.failureSample) console.log(`  first failure: ${t.failureSample}`)
  }

  if (wanted("footprint")) {
    say("5. footprint …")
    const f = measureFootprint()
    results["footprint"] = f
    console.log("\n5. Footprint\n")
    console.log(
      table([
        ["what", "size"],
        ["npm pack tarball", `${mb(f.pack.sizeBytes)} (${f.pack.files} files)`],
        ["npm pack unpacked", mb(f.pack.unpackedBytes)],
        [`npm install of the tarball into an empty folder (${f.install.packages} packages)`, mb(f.install.bytes)],
        ...f.install.largest.map((p) => [`  ${p.name}`, mb(p.bytes)]),
        [`bundled bin, all ${f.bundle.files} files`, mb(f.bundle.totalBytes)],
        ["  loaded on the first tools/call only: AWS SDK gateway", mb(f.bundle.lazyBytes.aws)],
        ["  loaded on the first tools/call only: demo fake", kb(f.bundle.lazyBytes.fakeMwaa)]
      ])
    )
  }

  if (wanted("masking")) {
    say("6. masking throughput …")
    const m = runMasking(settings.maskingRuns, say)
    results["masking"] = m
    console.log(
      `\n6. Masking throughput, in process: ${m.shapes.length} adversarial shapes of 1 MiB (test/support/adversarial-shapes.ts), best of ${settings.maskingRuns}\n`
    )
    const slowest = [...m.shapes].sort((a, b) => a.mbPerSecond - b.mbPerSecond).slice(0, 5)
    console.log(
      table([
        ["shape", "time", "MiB/s"],
        ...slowest.map((s) => [s.shape, ms(s.ms, 1), s.mbPerSecond.toFixed(1)]),
        [`median of the ${m.shapes.length} shapes`, "", m.medianMbPerSecond.toFixed(1)],
        [
          `a ${mb(m.answer.bytes)} DAG source with secrets: mask whole, then cut to 64 KiB`,
          ms(m.answer.ms, 1),
          m.answer.mbPerSecond.toFixed(1)
        ]
      ])
    )
  }

  results["machineAfter"] = { loadAverage: loadavg().map((x) => round(x)) }
  results["durationSeconds"] = round((Date.now() - started.getTime()) / 1000, 1)
  const written = only !== undefined && existsSync(out) ? mergeInto(JSON.parse(readFileSync(out, "utf8")), results) : results
  writeFileSync(out, `${JSON.stringify(written, null, 2)}\n`)
  say(
    `\nwrote ${out} (${results["durationSeconds"]} s; load average at the end ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")})`
  )
}

main().catch((error: unknown) => {
  say(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  process.exitCode = 1
})
