import { Effect, Layer, Logger, ManagedRuntime } from "effect"
import type { ToolCallResult, ToolHost } from "../../src/ports/ToolHost.js"
import { type FakeCall, FakeMwaa, type FakeSeed } from "../../src/adapters/fake-mwaa/index.js"
import { catalogue } from "../../src/app/catalogue.js"
import { instructions } from "../../src/app/instructions.js"
import { prompts } from "../../src/app/prompts.js"
import { makeToolHost } from "../../src/app/tool-host.js"
import type { ToolServices } from "../../src/app/tool-spec.js"
import type { AppConfigShape } from "../../src/ports/AppConfig.js"
import { fakeToolServices } from "./test-layer.js"

/**
 * Shared pieces of the security property tests (test/unit/security): how many cases each property
 * runs, and a ToolHost over the in-memory fake MWAA whose call log the test can read.
 */

/**
 * Cases per property: 200 by default, MWAA_MCP_PROPERTY_RUNS=<n> for more (or fewer while
 * developing). Read once, here, so every property file agrees.
 */
export const PROPERTY_RUNS: number = (() => {
  const raw = process.env["MWAA_MCP_PROPERTY_RUNS"]
  if (raw === undefined || raw.trim() === "") return 200
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1) throw new Error(`MWAA_MCP_PROPERTY_RUNS must be a positive integer, got ${JSON.stringify(raw)}`)
  return n
})()

/**
 * A vitest timeout for a property whose cases take about `msPerCase` each on a quiet machine:
 * room for a loaded 2-core CI box and for MWAA_MCP_PROPERTY_RUNS far above the default.
 */
export const propertyTimeout = (msPerCase: number): number => Math.max(60_000, Math.ceil(PROPERTY_RUNS * msPerCase * 5))

export interface SecurityHarness {
  readonly host: ToolHost
  /** Calls a tool as a client would: the arguments go through JSON first (undefined members vanish). */
  readonly call: (name: string, args?: unknown) => Promise<ToolCallResult>
  /** Every gateway call the fake received since the last clearCalls. */
  readonly calls: () => Promise<ReadonlyArray<FakeCall>>
  readonly clearCalls: () => Promise<void>
  /** The server's log lines (logfmt) since the last clearLogs: kept here instead of flooding the test output. */
  readonly logs: () => ReadonlyArray<string>
  readonly clearLogs: () => void
  readonly dispose: () => Promise<void>
}

const viaJson = (args: unknown): unknown => (args === undefined ? undefined : JSON.parse(JSON.stringify(args)))

/**
 * The whole server minus the MCP transport: the tool catalogue on fakeToolServices(seed), whose
 * inspector sees the very calls the tools make. The rate limit is lifted
 * so hundreds of cases do not queue behind the 8-per-second default; log lines are captured.
 */
export const makeSecurityHarness = (seed: FakeSeed, config: Partial<AppConfigShape> = {}): SecurityHarness => {
  const lines: Array<string> = []
  const captured = Logger.replace(
    Logger.defaultLogger,
    Logger.map(Logger.logfmtLogger, (line) => void lines.push(line))
  )
  const layer = Layer.merge(fakeToolServices(seed, { maxRequestsPerSecond: 1_000_000, ...config }), captured)
  const runtime = ManagedRuntime.make(layer)
  const host = makeToolHost(runtime as unknown as ManagedRuntime.ManagedRuntime<ToolServices, unknown>, {
    tools: catalogue,
    prompts,
    instructions: instructions(config.allowWrite === true),
    version: "security-test"
  })
  return {
    host,
    call: (name, args) => host.callTool(name, viaJson(args), { signal: new AbortController().signal }),
    calls: () => runtime.runPromise(Effect.flatMap(FakeMwaa, (f) => f.calls)),
    clearCalls: () => runtime.runPromise(Effect.flatMap(FakeMwaa, (f) => f.clearCalls)),
    logs: () => [...lines],
    clearLogs: () => void lines.splice(0),
    dispose: () => runtime.dispose()
  }
}

/** A tool's whole answer as one string: its text and its structuredContent. */
export const answerText = (result: ToolCallResult): string =>
  `${result.text}\n${result.structuredContent === undefined ? "" : JSON.stringify(result.structuredContent)}`
