import { NodeSdk } from "@effect/opentelemetry"
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base"
import { afterEach, describe, expect, it } from "vitest"
import { Effect, Fiber, Layer, ManagedRuntime, Metric, MetricKeyType } from "effect"
import { catalogue } from "../../../src/app/catalogue.js"
import { makeToolHost } from "../../../src/app/tool-host.js"
import { observeTool } from "../../../src/app/tool-telemetry.js"
import type { CallerIdentity, ToolCallContext } from "../../../src/ports/ToolHost.js"
import { fakeToolServices } from "../../support/test-layer.js"

/**
 * The tool call's span, on OpenTelemetry's SDK with an in-memory exporter: one `tool <name>` span per
 * call naming the tool, the environment, the outcome, the client and the person (as the OAuth
 * transport will fill ToolCallContext.caller), never a token or an argument value.
 */

let runtime: ManagedRuntime.ManagedRuntime<any, any> | undefined
afterEach(() => runtime?.dispose())

const TOKEN_LOOKALIKE = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl"

const caller: CallerIdentity = {
  subject: "0b7f3c2e-alice",
  email: "alice@example.com",
  username: "alice",
  clientId: "claude-desktop",
  scopes: ["mwaa:read", "openid"]
}

const hostOn = (exporter: InMemorySpanExporter, options: { traceCalls?: boolean; measureCalls?: boolean }) => {
  const tracing = NodeSdk.layer(() => ({
    resource: { serviceName: "mwaa-mcp-server-test" },
    spanProcessor: new SimpleSpanProcessor(exporter)
  }))
  runtime = ManagedRuntime.make(fakeToolServices().pipe(Layer.provideMerge(tracing)))
  return makeToolHost(runtime, { tools: catalogue, prompts: [], instructions: "", version: "test", ...options })
}

const context = (extra: Partial<ToolCallContext> = {}): ToolCallContext => ({
  signal: new AbortController().signal,
  client: { name: "test-client", version: "1.2.3" },
  ...extra
})

describe("the tool call's span", () => {
  it("names the tool, its kind, the environment, the outcome, the client and the caller", async () => {
    const exporter = new InMemorySpanExporter()
    const host = hostOn(exporter, { traceCalls: true })
    const result = await host.callTool("get-environment", { environment_name: "demo-airflow-2" }, context({ caller }))
    expect(result.isError).toBe(false)
    const spans = exporter.getFinishedSpans().filter((s) => s.name.startsWith("tool "))
    expect(spans.map((s) => s.name)).toEqual(["tool get-environment"])
    const span = spans[0]!
    expect(span.parentSpanContext).toBeUndefined()
    expect(span.attributes).toMatchObject({
      "mcp.method.name": "tools/call",
      "gen_ai.tool.name": "get-environment",
      "mwaa_mcp.tool.kind": "read",
      "mwaa_mcp.environment": "demo-airflow-2",
      "mwaa_mcp.outcome": "ok",
      "mwaa_mcp.client.name": "test-client",
      "mwaa_mcp.client.version": "1.2.3",
      "user.id": "0b7f3c2e-alice",
      "user.email": "alice@example.com",
      "user.name": "alice",
      "mwaa_mcp.caller.client_id": "claude-desktop",
      "mwaa_mcp.caller.scopes": "mwaa:read openid"
    })
  })

  it("says error (with error.type) for a failed call, and holds no argument value beyond the environment", async () => {
    const exporter = new InMemorySpanExporter()
    const host = hostOn(exporter, { traceCalls: true })
    const result = await host.callTool("get-dag", { environment_name: "demo-airflow-2", dag_id: `missing_${TOKEN_LOOKALIKE}` }, context())
    expect(result.isError).toBe(true)
    const [span] = exporter.getFinishedSpans().filter((s) => s.name === "tool get-dag")
    expect(span?.attributes).toMatchObject({
      "mwaa_mcp.outcome": "error",
      "error.type": "tool_error",
      "mwaa_mcp.environment": "demo-airflow-2"
    })
    // No caller on this call (stdio, a shared token): no user attributes.
    expect(Object.keys(span?.attributes ?? {}).filter((k) => k.startsWith("user."))).toEqual([])
    expect(JSON.stringify(exporter.getFinishedSpans().map((s) => [s.attributes, s.events, s.status]))).not.toContain(TOKEN_LOOKALIKE)
  })

  it("says cancelled for a call the client cancelled", async () => {
    const exporter = new InMemorySpanExporter()
    const tracing = NodeSdk.layer(() => ({ spanProcessor: new SimpleSpanProcessor(exporter) }))
    const spec = catalogue.find((t) => t.name === "wait-for-dag-run")!
    const run = observeTool(spec, () => Effect.never, { traces: true, metrics: false })
    // Read before the layer closes: shutting the provider down empties the in-memory exporter.
    const spans = await Effect.runPromise(
      Effect.gen(function* () {
        const fiber = yield* Effect.fork(run({}, {} as never, {}) as Effect.Effect<unknown>)
        yield* Effect.sleep("20 millis")
        yield* Fiber.interrupt(fiber)
        return exporter.getFinishedSpans()
      }).pipe(Effect.provide(tracing))
    )
    const [span] = spans.filter((s) => s.name === "tool wait-for-dag-run")
    expect(span?.attributes).toMatchObject({ "gen_ai.tool.name": "wait-for-dag-run", "mwaa_mcp.outcome": "cancelled" })
  })

  it("is not made when the host was built without traceCalls: the prepared call is the bare one", async () => {
    const exporter = new InMemorySpanExporter()
    const host = hostOn(exporter, {})
    expect((await host.callTool("list-environments", {}, context({ caller }))).isError).toBe(false)
    expect(exporter.getFinishedSpans()).toEqual([])
    const run = () => Effect.never
    expect(observeTool(catalogue[0]!, run, { traces: false, metrics: false })).toBe(run)
  })
})

describe("the tool call metrics", () => {
  const counterValue = (tool: string, outcome: string) =>
    Effect.runSync(Metric.snapshot).find(
      (p) =>
        p.metricKey.name === "mwaa_mcp.tool.calls" &&
        MetricKeyType.isCounterKey(p.metricKey.keyType) &&
        p.metricKey.tags.some((t) => t.key === "tool" && t.value === tool) &&
        p.metricKey.tags.some((t) => t.key === "outcome" && t.value === outcome)
    )?.metricState as { count?: number } | undefined

  it("counts calls by tool, kind and outcome, and records their latency", async () => {
    const host = hostOn(new InMemorySpanExporter(), { measureCalls: true })
    const before = counterValue("list-dags", "ok")?.count ?? 0
    const errorsBefore = counterValue("get-dag", "error")?.count ?? 0
    await host.callTool("list-dags", { environment_name: "demo-airflow-2" }, context())
    await host.callTool("list-dags", { environment_name: "demo-airflow-2" }, context())
    await host.callTool("get-dag", { environment_name: "demo-airflow-2", dag_id: "missing" }, context())
    expect(counterValue("list-dags", "ok")?.count).toBe(before + 2)
    expect(counterValue("get-dag", "error")?.count).toBe(errorsBefore + 1)
    const latency = Effect.runSync(Metric.snapshot).find(
      (p) => p.metricKey.name === "mwaa_mcp.tool.call.duration" && p.metricKey.tags.some((t) => t.value === "list-dags")
    )
    expect((latency?.metricState as { count?: number } | undefined)?.count).toBeGreaterThanOrEqual(2)
  })
})
