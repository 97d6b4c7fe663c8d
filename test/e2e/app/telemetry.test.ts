import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DEMO_ENVIRONMENT_2 } from "../../../src/adapters/fake-mwaa/index.js"
import { startHttpBin } from "../../support/http-bin.js"
import { type HttpFake, startHttpFake } from "../../support/http-fake/index.js"
import { connectClient } from "../../support/mcp-http-client.js"
import { type CollectedSpan, type OtlpCollector, startOtlpCollector } from "../../support/otlp-collector.js"
import { until } from "../../support/until.js"
import { awsModeEnv, connectStdio } from "../../support/stdio-client.js"
import { callTool } from "./stdio-helpers.js"

/**
 * OpenTelemetry end to end: the bundled bin in AWS mode against the HTTP fake (real SDK calls), with
 * OTEL_EXPORTER_OTLP_ENDPOINT pointing at a local collector. A call is one `tool <name>` span with
 * its AWS calls' spans as children, and the metrics arrive; without the variable, the telemetry
 * chunk is never loaded (a loader hook records every module the process loads) and the collector
 * is never contacted.
 */

const distChunks = fileURLToPath(new URL("../../../dist/bin/chunks/", import.meta.url))
const recorder = fileURLToPath(new URL("../../support/module-record/register.mjs", import.meta.url))
/** The bundle's telemetry chunk: src/adapters/otel/otel-export.ts and the OpenTelemetry SDK. */
const otelChunk = () => {
  const found = readdirSync(distChunks).filter((f) => f.startsWith("otel-export-"))
  expect(found, "the build has one telemetry chunk").toHaveLength(1)
  return found[0]!
}
const awsChunk = () => readdirSync(distChunks).find((f) => f.startsWith("aws-"))!

/** Every OTEL_* variable of this process emptied (the child inherits ours), then the test's own. */
const otelEnv = (own: Record<string, string>): Record<string, string> => ({
  ...Object.fromEntries(Object.keys(process.env).flatMap((k) => (k.startsWith("OTEL_") ? [[k, ""]] : []))),
  ...own
})

let fake: HttpFake
let collector: OtlpCollector
let dir: string

beforeAll(async () => {
  fake = await startHttpFake()
  collector = await startOtlpCollector()
  dir = mkdtempSync(join(tmpdir(), "mwaa-otel-"))
})
afterAll(async () => {
  await fake?.close()
  await collector?.close()
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
})

const loaded = (file: string) => readFileSync(file, "utf8").split("\n").filter(Boolean)

describe("with OTEL_EXPORTER_OTLP_ENDPOINT", () => {
  it("a call is one tool span whose children are its AWS calls (a throttled try and its retry), and metrics arrive", async () => {
    const modules = join(dir, "with.txt")
    const session = await connectStdio(
      [],
      awsModeEnv(fake.url, {
        ...otelEnv({
          OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
          OTEL_BSP_SCHEDULE_DELAY: "100",
          OTEL_METRIC_EXPORT_INTERVAL: "300",
          OTEL_RESOURCE_ATTRIBUTES: "deployment.environment=test"
        }),
        NODE_OPTIONS: `--import=${recorder}`,
        MODULE_RECORD_FILE: modules
      })
    )
    try {
      // The first InvokeRestApi is throttled: the domain's retry policy tries again.
      fake.throttleNext(1)
      const answer = await callTool(session, "list-dags", { environment_name: DEMO_ENVIRONMENT_2 })
      expect(answer.isError, answer.text).toBe(false)

      const tool = await until("the tool span", () => collector.spans().find((s) => s.name === "tool list-dags"))
      expect(collector.spans().filter((s) => s.name.startsWith("tool "))).toHaveLength(1)
      expect(tool.parentSpanId).toBeUndefined()
      expect(tool.resource).toMatchObject({ "service.name": "mwaa-mcp-server", "deployment.environment": "test" })
      expect(tool.attributes).toMatchObject({
        "gen_ai.tool.name": "list-dags",
        "mwaa_mcp.tool.kind": "read",
        "mwaa_mcp.environment": DEMO_ENVIRONMENT_2,
        "mwaa_mcp.outcome": "ok",
        "mwaa_mcp.client.name": "stdio-test-client"
      })

      const children = (): Array<CollectedSpan> =>
        collector.spans().filter((s) => s.traceId === tool.traceId && s.parentSpanId === tool.spanId)
      const invokes = await until("both InvokeRestApi spans", () => {
        const found = children().filter((s) => s.name === "MWAA.InvokeRestApi")
        return found.length >= 2 ? found : undefined
      })
      for (const span of children()) expect(span.attributes).toMatchObject({ "rpc.system": "aws-api" })
      expect(invokes.map((s) => s.attributes["mwaa_mcp.retry.attempt"])).toEqual([1, 2])
      const [throttled, retried] = invokes
      expect(throttled?.attributes).toMatchObject({
        "rpc.service": "MWAA",
        "rpc.method": "InvokeRestApi",
        "mwaa_mcp.aws.throttled": true,
        "error.type": "Throttled",
        "http.response.status_code": 429,
        "mwaa_mcp.airflow.method": "GET",
        "mwaa_mcp.airflow.route": "/dags"
      })
      expect(throttled?.status?.code).toBe(2)
      expect(retried?.attributes).toMatchObject({
        "mwaa_mcp.aws.throttled": false,
        "http.response.status_code": 200,
        "mwaa_mcp.airflow.status_code": 200,
        "mwaa_mcp.aws.attempts": 1
      })
      expect(typeof retried?.attributes["aws.request_id"]).toBe("string")
      // Spans hold no AWS credential (the test's secret key) and no message text of the AWS error.
      for (const body of collector.rawBodies()) expect(body).not.toContain("stdio-test-secret")

      const metric = (name: string) => collector.metrics().find((m) => m.name === name && m.points.length > 0)
      const calls = await until("the tool call counter", () => metric("mwaa_mcp.tool.calls"))
      expect(calls.points).toContainEqual({ attributes: { tool: "list-dags", kind: "read", outcome: "ok" }, value: 1 })
      const aws = await until("the AWS call counter", () => metric("mwaa_mcp.aws.calls"))
      expect(aws.points).toContainEqual({
        attributes: { "rpc.service": "MWAA", "rpc.method": "InvokeRestApi", outcome: "error" },
        value: 1
      })
      const throttles = await until("the throttle counter", () => metric("mwaa_mcp.aws.throttles"))
      expect(throttles.points[0]?.value).toBe(1)
      expect(metric("mwaa_mcp.tool.call.duration")).toBeDefined()
      expect(metric("mwaa_mcp.aws.call.duration")).toBeDefined()

      // The telemetry chunk was loaded (the positive control of the test below).
      expect(loaded(modules).some((url) => url.endsWith(otelChunk()))).toBe(true)
    } finally {
      await session.close()
    }
  })

  it("spans still batched when the server stops are flushed on the way out", async () => {
    const session = await connectStdio(
      [],
      awsModeEnv(fake.url, otelEnv({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${collector.url}/v1/traces`, OTEL_BSP_SCHEDULE_DELAY: "600000" }))
    )
    const answer = await callTool(session, "get-environment", { environment_name: DEMO_ENVIRONMENT_2 })
    expect(answer.isError, answer.text).toBe(false)
    await new Promise((r) => setTimeout(r, 300))
    expect(collector.spans().filter((s) => s.name === "tool get-environment")).toHaveLength(0)
    // The client goes away: the server's runtime is released, which flushes the batch.
    await session.close()
    const tool = await until("the flushed tool span", () => collector.spans().find((s) => s.name === "tool get-environment"))
    const children = collector.spans().filter((s) => s.parentSpanId === tool.spanId)
    expect(children.map((s) => s.name)).toContain("MWAA.GetEnvironment")
  })
})

describe("over HTTP, stopped by SIGTERM", () => {
  it("flushes the batched spans and a last metrics reading before it exits", async () => {
    const bin = await startHttpBin(
      [],
      awsModeEnv(fake.url, {
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
        OTEL_SERVICE_NAME: "mwaa-mcp-sigterm",
        OTEL_BSP_SCHEDULE_DELAY: "600000",
        OTEL_METRIC_EXPORT_INTERVAL: "600000"
      })
    )
    try {
      const client = await connectClient(bin.url)
      const result = await client.callTool({ name: "list-environments", arguments: {} })
      expect(result.isError).not.toBe(true)
      await client.close()
      await new Promise((r) => setTimeout(r, 300))
      const ours = () => collector.spans().filter((s) => s.resource["service.name"] === "mwaa-mcp-sigterm")
      expect(ours()).toEqual([])
      expect(await bin.stop()).toBe(0)
      const tool = ours().find((s) => s.name === "tool list-environments")
      expect(tool?.attributes).toMatchObject({ "mwaa_mcp.outcome": "ok", "gen_ai.tool.name": "list-environments" })
      expect(ours().filter((s) => s.parentSpanId === tool?.spanId && s.name === "MWAA.ListEnvironments")).toHaveLength(1)
      const calls = collector.metrics().filter((m) => m.name === "mwaa_mcp.tool.calls")
      expect(calls.flatMap((m) => m.points)).toContainEqual({
        attributes: { tool: "list-environments", kind: "read", outcome: "ok" },
        value: 1
      })
    } finally {
      await bin.stop()
    }
  })
})

describe("without it", () => {
  it("nothing of telemetry is loaded, and the collector is never contacted", async () => {
    const modules = join(dir, "without.txt")
    const before = collector.connections()
    // Every other OpenTelemetry variable may be set: without an endpoint nothing is exported.
    const session = await connectStdio(
      [],
      awsModeEnv(fake.url, {
        ...otelEnv({ OTEL_SERVICE_NAME: "should-not-matter", OTEL_BSP_SCHEDULE_DELAY: "100" }),
        NODE_OPTIONS: `--import=${recorder}`,
        MODULE_RECORD_FILE: modules
      })
    )
    try {
      const answer = await callTool(session, "list-dags", { environment_name: DEMO_ENVIRONMENT_2 })
      expect(answer.isError, answer.text).toBe(false)
      await new Promise((r) => setTimeout(r, 300))
    } finally {
      await session.close()
    }
    const urls = loaded(modules)
    // The hook saw the AWS chunk load on the call: it records lazily loaded chunks.
    expect(urls.some((url) => url.endsWith(awsChunk()))).toBe(true)
    expect(urls.filter((url) => url.endsWith(otelChunk()) || /opentelemetry/i.test(url))).toEqual([])
    expect(collector.connections()).toBe(before)
  })
})
