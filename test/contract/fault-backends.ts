import { Effect, Layer, ManagedRuntime, TestClock, TestContext } from "effect"
import { AwsGateway } from "../../src/adapters/aws/index.js"
import { demoSeed, type FakeApi, type FakeFaults, FakeMwaa, type FakeMwaaShape } from "../../src/adapters/fake-mwaa/index.js"
import { catalogue } from "../../src/app/catalogue.js"
import { instructions } from "../../src/app/instructions.js"
import { appLayer } from "../../src/app/layers.js"
import { prompts } from "../../src/app/prompts.js"
import { makeToolHost } from "../../src/app/tool-host.js"
import { AppConfig } from "../../src/ports/AppConfig.js"
import type { ToolCallResult } from "../../src/ports/ToolHost.js"
import { type HttpFake, startHttpFake } from "../support/http-fake/index.js"

/**
 * The two backends the fault contract runs on, behind one vocabulary of faults (the HTTP fake's:
 * throttle, fail with a status, malformed, plus a timeout): the in-memory fake with faults at its
 * ports, on a TestClock the test moves; the AWS adapter against the HTTP fake with faults on the
 * wire, on the live clock (the retry policy's delays are real, and short: 3 attempts at most).
 */
export const MAX_ATTEMPTS = 3

/** The operations the contract aims at, named as both fakes name them. */
export type Target = Extract<FakeApi, "GetEnvironment" | "InvokeRestApi" | "GetLogEvents">

export interface FaultBackend {
  readonly call: (tool: string, args: Record<string, unknown>) => Promise<ToolCallResult>
  readonly throttleNext: (n: number, api: Target) => Promise<void>
  readonly throttleAlways: (api: Target) => Promise<void>
  readonly failNext: (n: number, status: 500 | 502 | 503 | 504, api: Target) => Promise<void>
  readonly timeoutNext: (api: Target) => Promise<void>
  /** The next answer reshaped at the in-memory fake's port (behind the HTTP fake too: its InvokeRestApi calls that port). */
  readonly malformedNext: (api: Target) => Promise<void>
  readonly reset: () => Promise<void>
  /** How many calls of `api` (on a path that `path` matches) reached the backend since the last `clearLog`: each attempt is one. */
  readonly attempts: (api: Target, path?: RegExp) => Promise<number>
  readonly clearLog: () => Promise<void>
  readonly close: () => Promise<void>
}

const config = AppConfig.make({ allowWrite: true, maxAttempts: MAX_ATTEMPTS })

const hostOn = (runtime: ManagedRuntime.ManagedRuntime<any, any>) =>
  makeToolHost(runtime, { tools: catalogue, prompts, instructions: instructions(true), version: "test" })

const callThrough =
  (host: ReturnType<typeof hostOn>) =>
  (tool: string, args: Record<string, unknown>): Promise<ToolCallResult> =>
    host.callTool(tool, JSON.parse(JSON.stringify(args)), { signal: new AbortController().signal })

/** The in-memory fake, its faults at the ports, the whole app on a TestClock moved while a call is pending. */
export const inMemoryBackend = (): FaultBackend => {
  const fake = FakeMwaa.layer(demoSeed())
  // One build of `fake` (layers are shared by reference), the TestClock installed before it.
  const runtime = ManagedRuntime.make(Layer.merge(appLayer(fake, config), fake).pipe(Layer.provideMerge(TestContext.TestContext)))
  const host = callThrough(hostOn(runtime))
  const faults = <A>(f: (faults: FakeFaults) => Effect.Effect<A>) => runtime.runPromise(Effect.flatMap(FakeMwaa, (x) => f(x.faults)))
  const inspect = <A>(f: (fake: FakeMwaaShape) => Effect.Effect<A>) => runtime.runPromise(Effect.flatMap(FakeMwaa, f))
  return {
    // The retries back off on the TestClock: move it until the call answers.
    call: async (tool, args) => {
      let settled = false
      const answer = host(tool, args).finally(() => {
        settled = true
      })
      while (!settled) {
        await new Promise((resolve) => setImmediate(resolve))
        if (!settled) await runtime.runPromise(TestClock.adjust("1 second"))
      }
      return answer
    },
    throttleNext: (n, api) => faults((f) => f.throttleNext(n, { api })),
    throttleAlways: (api) => faults((f) => f.throttleAlways({ api })),
    failNext: (n, status, api) => faults((f) => f.failNext(n, { status, api })),
    timeoutNext: (api) => faults((f) => f.timeoutNext(1, { api })),
    malformedNext: (api) => faults((f) => f.malformedNext({ api })),
    reset: () => faults((f) => f.reset),
    attempts: (api, path = /^/) =>
      inspect((f) => Effect.map(f.calls, (calls) => calls.filter((c) => c.api === api && path.test(c.path ?? "")).length)),
    clearLog: () => inspect((f) => f.clearCalls),
    close: () => runtime.dispose()
  }
}

/**
 * How long the HTTP fake holds an answer for a timeout: past the adapter's timeouts below. Calls
 * other than InvokeRestApi get a second: CloudWatch Logs' client makes the SDK's own retries in it.
 */
const HELD_MS = 1_300

/** The AWS adapter against the HTTP fake, its faults on the wire (a timeout is an answer held past the adapter's). */
export const httpBackend = async (): Promise<FaultBackend> => {
  const fake: HttpFake = await startHttpFake({ seed: demoSeed() })
  const gateway = AwsGateway.layer({
    region: "us-east-1",
    endpoints: { mwaa: fake.url, logs: fake.url, s3: fake.url },
    webserverEndpoint: fake.url,
    credentials: { accessKeyId: "AKIDFAULTS", secretAccessKey: "faults" },
    invokeRestApiTimeout: "300 millis",
    callTimeout: "1 second"
  })
  const runtime = ManagedRuntime.make(appLayer(gateway, config))
  const behind = (f: (faults: FakeFaults) => Effect.Effect<void>) => fake.runtime.runPromise(Effect.flatMap(FakeMwaa, (x) => f(x.faults)))
  return {
    call: callThrough(hostOn(runtime)),
    throttleNext: async (n, api) => fake.throttleNext(n, { api }),
    throttleAlways: async (api) => fake.throttleAlways({ api }),
    failNext: async (n, status, api) => fake.failNext(n, { status, api }),
    timeoutNext: async (api) => fake.delayNext(HELD_MS, { api }),
    malformedNext: (api) => behind((f) => f.malformedNext({ api })),
    reset: async () => {
      fake.reset()
      await behind((f) => f.reset)
    },
    attempts: async (api, path = /^/) => fake.requests().filter((r) => r.operation === api && path.test(r.path)).length,
    clearLog: async () => fake.clearRequests(),
    close: async () => {
      await runtime.dispose()
      await fake.close()
    }
  }
}
