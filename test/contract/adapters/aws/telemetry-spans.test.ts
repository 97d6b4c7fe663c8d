import { NodeSdk } from "@effect/opentelemetry"
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base"
import { Effect, Layer } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { AwsGateway } from "../../../../src/adapters/aws/index.js"
import { DASHBOARD_DAG, DEMO_ENVIRONMENT_2 } from "../../../../src/adapters/fake-mwaa/index.js"
import { makeMwaaToolHost } from "../../../../src/app/embed.js"
import { AppConfig } from "../../../../src/ports/AppConfig.js"
import { type HttpFake, startHttpFake } from "../../../support/http-fake/index.js"

/**
 * The AWS adapter's spans, in process against the HTTP fake (the real SDK clients): one per SDK
 * request, a child of the tool's span, named Service.Operation with OpenTelemetry's AWS attributes;
 * S3's status comes from the answer the adapter reads itself; a failure shows its reason, never the
 * text AWS or Airflow sent.
 */

let fake: HttpFake
beforeAll(async () => {
  fake = await startHttpFake()
})
afterAll(() => fake?.close())

const MARKER = "zz_marker_in_the_dag_id"

/** Runs `calls` on an embedded host over the fake with a tracer exporting to memory; the finished spans. */
const spansOf = (traceCalls: boolean, calls: ReadonlyArray<readonly [string, Record<string, unknown>]>) => {
  const exporter = new InMemorySpanExporter()
  const gateway = AwsGateway.layer({
    region: "us-east-1",
    endpointUrl: fake.url,
    webserverEndpoint: fake.url,
    credentials: { accessKeyId: "AKIDSPANS", secretAccessKey: "spans-secret" }
  })
  return Effect.runPromise(
    Effect.gen(function* () {
      const host = yield* makeMwaaToolHost(Layer.merge(gateway, AppConfig.make({})), { traceCalls })
      for (const [name, args] of calls) yield* Effect.promise(() => host.callTool(name, args, { signal: new AbortController().signal }))
      return exporter.getFinishedSpans()
    }).pipe(Effect.scoped, Effect.provide(NodeSdk.layer(() => ({ spanProcessor: new SimpleSpanProcessor(exporter) }))))
  )
}

const childrenOf = (spans: ReadonlyArray<ReadableSpan>, parent: ReadableSpan | undefined) =>
  spans.filter((s) => s.parentSpanContext?.spanId === parent?.spanContext().spanId)

describe("AWS call spans", () => {
  it("an S3 read is a child span with its status and request id", async () => {
    const spans = await spansOf(true, [["get-dag-source", { environment_name: DEMO_ENVIRONMENT_2, dag_id: DASHBOARD_DAG }]])
    const tool = spans.find((s) => s.name === "tool get-dag-source")
    const s3 = childrenOf(spans, tool).find((s) => s.name === "S3.GetObject")
    expect(s3?.attributes).toMatchObject({
      "rpc.system": "aws-api",
      "rpc.service": "S3",
      "rpc.method": "GetObject",
      "http.response.status_code": 200,
      "mwaa_mcp.retry.attempt": 1,
      "mwaa_mcp.aws.throttled": false
    })
    expect(s3?.kind).toBe(2) // client
    expect(childrenOf(spans, tool).every((s) => s.attributes["rpc.system"] === "aws-api")).toBe(true)
  })

  it("a failed Airflow call shows its reason and Airflow's status, not the words Airflow sent", async () => {
    const spans = await spansOf(true, [["get-dag", { environment_name: DEMO_ENVIRONMENT_2, dag_id: MARKER }]])
    const tool = spans.find((s) => s.name === "tool get-dag")
    const failed = childrenOf(spans, tool).find((s) => s.name === "MWAA.InvokeRestApi" && s.attributes["error.type"] !== undefined)
    expect(failed?.attributes).toMatchObject({
      "error.type": "AirflowClientError",
      "mwaa_mcp.airflow.status_code": 404,
      "mwaa_mcp.airflow.route": "/dags/*"
    })
    expect(failed?.status.code).toBe(2) // error
    const exported = JSON.stringify(spans.map((s) => ({ name: s.name, attributes: s.attributes, status: s.status, events: s.events })))
    expect(exported).not.toContain(MARKER)
    expect(exported).not.toContain("spans-secret")
  })

  it("without traceCalls (Telemetry off) the AWS calls make no span, even with a tracer installed", async () => {
    const spans = await spansOf(false, [["get-dag-source", { environment_name: DEMO_ENVIRONMENT_2, dag_id: DASHBOARD_DAG }]])
    expect(spans).toEqual([])
  })
})
