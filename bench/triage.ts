import { startHttpFake } from "../test/support/http-fake/index.js"
import type { HttpFake } from "../test/support/http-fake/index.js"
import { BIG_LOG_EXCEPTION, FAILED_TASKS, TRIAGE_DAG, describeSeed, largeSeed } from "./large-seed.js"
import { bundledBin, dummyAws } from "./paths.js"
import { type Answer, type RpcServer, callTool, initialize, memoryOf, spawnServer, textOf } from "./rpc.js"

/**
 * Scenario 3 (and the RSS of scenario 5): "why did orders_reconciliation fail?" on a large
 * environment served by the HTTP fake, answered by our bundled bin in AWS mode (the real SDK
 * clients, pointed at the fake), once with diagnose-dag-run and once by hand with the default
 * arguments. A fresh server for each path, so neither warms the other's caches.
 */

export interface TriagePath {
  readonly path: string
  readonly available: boolean
  readonly toolCalls: number
  readonly awsCalls: number
  readonly awsCallsByOperation: Readonly<Record<string, number>>
  /** Whole JSON-RPC answers on the wire: the text content and structuredContent, each JSON-escaped. */
  readonly answerBytes: number
  /** The text content of the answers (what a client puts in the model's context), UTF-8. */
  readonly textBytes: number
  /** The largest single answer's text content, UTF-8. */
  readonly largestTextBytes: number
  readonly wallMs: number
  /** The big log's exception line appears in an answer. */
  readonly bigLogExceptionShown: boolean
  /** How many of the three failed tasks' exception lines appear in the answers. */
  readonly exceptionsShown: number
  readonly toolErrors: number
  /** VmRSS after start-up (before the first call) and VmHWM at the end, in bytes. */
  readonly rssAfterStartBytes: number
  readonly peakRssBytes: number
  readonly notes: string
}

export interface TriageResult {
  readonly seed: ReturnType<typeof describeSeed>
  readonly seedBuildMs: number
  readonly paths: ReadonlyArray<TriagePath>
}

const spawnAgainst = (fake: HttpFake): RpcServer =>
  spawnServer({ args: [bundledBin, "--endpoint-url", fake.url], env: { ...dummyAws, MWAA_MCP_MAX_RPS: "20" } })

const shown = (answers: ReadonlyArray<Answer>, needle: string) =>
  answers.some((a) => textOf(a).includes(needle) || JSON.stringify(a.message.result?.structuredContent ?? {}).includes(needle))

const measure = async (
  fake: HttpFake,
  path: string,
  walk: (server: RpcServer, answers: Array<Answer>) => Promise<{ available: boolean; notes: string }>
): Promise<TriagePath> => {
  const server = spawnAgainst(fake)
  try {
    await initialize(server)
    await server.request("tools/list", {})
    const rssAfterStart = memoryOf(server.pid).rss
    fake.clearRequests()
    const answers: Array<Answer> = []
    const start = performance.now()
    const { available, notes } = await walk(server, answers)
    const wallMs = performance.now() - start
    const requests = fake.requests()
    const byOperation: Record<string, number> = {}
    for (const r of requests) byOperation[r.operation] = (byOperation[r.operation] ?? 0) + 1
    return {
      path,
      available,
      toolCalls: answers.length,
      awsCalls: requests.length,
      awsCallsByOperation: byOperation,
      answerBytes: answers.reduce((n, a) => n + a.bytes, 0),
      textBytes: answers.reduce((n, a) => n + Buffer.byteLength(textOf(a), "utf8"), 0),
      largestTextBytes: Math.max(0, ...answers.map((a) => Buffer.byteLength(textOf(a), "utf8"))),
      wallMs,
      bigLogExceptionShown: shown(answers, BIG_LOG_EXCEPTION),
      exceptionsShown: FAILED_TASKS.filter(([, exception]) => shown(answers, exception)).length,
      toolErrors: answers.filter((a) => a.message.result?.isError === true).length,
      rssAfterStartBytes: rssAfterStart,
      peakRssBytes: memoryOf(server.pid).peak,
      notes
    }
  } finally {
    await server.close()
  }
}

const call = async (server: RpcServer, answers: Array<Answer>, name: string, args: Record<string, unknown>) => {
  const answer = await callTool(server, name, args)
  answers.push(answer)
  return answer
}

/** diagnose-dag-run with the DAG id alone (the environment is the region's only one). */
const viaDiagnose = (fake: HttpFake) =>
  measure(fake, "diagnose-dag-run {dag_id}", async (server, answers) => {
    const tools = (await server.request("tools/list", {})).message.result?.tools as Array<{ name: string }>
    if (!tools.some((t) => t.name === "diagnose-dag-run"))
      return { available: false, notes: "unavailable: diagnose-dag-run is not in tools/list on this build" }
    const answer = await call(server, answers, "diagnose-dag-run", { dag_id: TRIAGE_DAG })
    return { available: true, notes: answer.message.result?.isError === true ? `tool error: ${textOf(answer).slice(0, 200)}` : "" }
  })

/** By hand, default arguments: failed runs → the latest one's failed task instances → each one's log. */
const byHand = (fake: HttpFake) =>
  measure(fake, "manual: list-dag-runs → list-task-instances → get-task-logs ×3", async (server, answers) => {
    const runs = await call(server, answers, "list-dag-runs", { dag_id: TRIAGE_DAG, state: ["failed"] })
    const run = runs.message.result?.structuredContent?.dag_runs?.[0]
    if (run === undefined) return { available: true, notes: `no failed run: ${textOf(runs).slice(0, 200)}` }
    const tis = await call(server, answers, "list-task-instances", { dag_id: TRIAGE_DAG, dag_run_id: run.dag_run_id, state: ["failed"] })
    const failed = (tis.message.result?.structuredContent?.task_instances ?? []) as Array<{ task_id: string }>
    for (const ti of failed)
      await call(server, answers, "get-task-logs", { dag_id: TRIAGE_DAG, dag_run_id: run.dag_run_id, task_id: ti.task_id })
    return { available: true, notes: `get-task-logs with its default tail (200 lines); ${failed.length} failed task(s) found` }
  })

export const runTriage = async (options: { readonly bigLogBodyLines?: number }, say: (s: string) => void): Promise<TriageResult> => {
  const t0 = performance.now()
  const seed = largeSeed(options)
  const seedBuildMs = performance.now() - t0
  const described = describeSeed(seed)
  say(
    `  triage: seed of ${described.dags} DAGs, ${described.taskInstances} task instances, big log ${described.bigLogLines} lines / ${(described.bigLogBytes / 1e6).toFixed(1)} MB`
  )
  const fake = await startHttpFake({ seed })
  try {
    const paths: Array<TriagePath> = []
    for (const run of [viaDiagnose, byHand]) {
      const result = await run(fake)
      say(
        `  triage: ${result.path}: ${result.available ? `${(result.wallMs / 1000).toFixed(2)} s, ${result.toolCalls} tool call(s), ${result.awsCalls} AWS call(s)` : "unavailable"}`
      )
      paths.push(result)
    }
    return { seed: described, seedBuildMs, paths }
  } finally {
    await fake.close()
  }
}
