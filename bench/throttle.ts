import { DEMO_ENVIRONMENT_2, ORDERS_DAG } from "../src/adapters/fake-mwaa/index.js"
import { startHttpFake } from "../test/support/http-fake/index.js"
import { bundledBin, dummyAws } from "./paths.js"
import { callTool, initialize, spawnServer, textOf } from "./rpc.js"

/**
 * Scenario 4: MWAA allows 20 InvokeRestApi calls per second (burst 5) on the HTTP fake, the server
 * runs with MWAA_MCP_MAX_RPS=20, and 60 get-dag calls (one InvokeRestApi each, after a warm-up call
 * that caches GetEnvironment) arrive at once. Ideal: 60 / 20 per second = 3 s, no failure.
 */

export const THROTTLE = { perSecond: 20, burst: 5, calls: 60, idealMs: 3000 } as const

export interface ThrottleResult {
  readonly calls: number
  readonly failures: number
  readonly failureSample: string
  readonly wallMs: number
  readonly idealMs: number
  readonly ratioToIdeal: number
  readonly invokeRestApiRequests: number
  readonly throttledByFake: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export const runThrottle = async (say: (s: string) => void): Promise<ThrottleResult> => {
  const fake = await startHttpFake()
  const server = spawnServer({
    args: [bundledBin, "--endpoint-url", fake.url],
    env: { ...dummyAws, MWAA_MCP_MAX_RPS: String(THROTTLE.perSecond) }
  })
  try {
    await initialize(server)
    const args = { environment_name: DEMO_ENVIRONMENT_2, dag_id: ORDERS_DAG }
    const warm = await callTool(server, "get-dag", args)
    if (warm.message.result?.isError === true) throw new Error(`warm-up get-dag failed: ${textOf(warm)}`)
    fake.rateLimit({ perSecond: THROTTLE.perSecond, burst: THROTTLE.burst })
    // Both buckets full again before the burst.
    await sleep(1500)
    fake.clearRequests()
    const start = performance.now()
    const answers = await Promise.all(Array.from({ length: THROTTLE.calls }, () => callTool(server, "get-dag", args)))
    const wallMs = performance.now() - start
    const failed = answers.filter((a) => a.message.result?.isError === true)
    const invokes = fake.requests().filter((r) => r.operation === "InvokeRestApi")
    const result: ThrottleResult = {
      calls: THROTTLE.calls,
      failures: failed.length,
      failureSample: failed[0] === undefined ? "" : textOf(failed[0]).slice(0, 300),
      wallMs,
      idealMs: THROTTLE.idealMs,
      ratioToIdeal: wallMs / THROTTLE.idealMs,
      invokeRestApiRequests: invokes.length,
      throttledByFake: invokes.filter((r) => r.errorType === "ThrottlingException").length
    }
    say(
      `  throttled: ${result.calls} calls in ${(wallMs / 1000).toFixed(2)} s, ${result.failures} failed, ${result.throttledByFake} throttled by the fake`
    )
    return result
  } finally {
    await server.close()
    await fake.close()
  }
}
