import { createServer, type IncomingMessage } from "node:http"
import type { AddressInfo } from "node:net"

/**
 * A local OpenTelemetry collector for tests: an HTTP server on 127.0.0.1 (a free port) taking OTLP/HTTP
 * JSON, as @opentelemetry/exporter-*-otlp-http send it (POST /v1/traces, /v1/metrics). It keeps the
 * spans and metric points it was sent, flattened, and counts the connections made to it.
 */

export interface OtlpAttribute {
  readonly key: string
  readonly value: Record<string, unknown>
}

export interface CollectedSpan {
  readonly traceId: string
  readonly spanId: string
  readonly parentSpanId?: string | undefined
  readonly name: string
  readonly kind: number
  readonly attributes: Readonly<Record<string, unknown>>
  readonly status?: { readonly code?: number; readonly message?: string } | undefined
  readonly events?: ReadonlyArray<unknown> | undefined
  /** service.name and the rest of the resource the span came with. */
  readonly resource: Readonly<Record<string, unknown>>
}

export interface CollectedMetric {
  readonly name: string
  readonly points: ReadonlyArray<{ readonly attributes: Readonly<Record<string, unknown>>; readonly value: unknown }>
}

export interface OtlpCollector {
  /** http://127.0.0.1:PORT, for OTEL_EXPORTER_OTLP_ENDPOINT. */
  readonly url: string
  readonly spans: () => ReadonlyArray<CollectedSpan>
  readonly metrics: () => ReadonlyArray<CollectedMetric>
  /** Every request body as received (to check what was sent, e.g. that no secret was). */
  readonly rawBodies: () => ReadonlyArray<string>
  readonly connections: () => number
  readonly close: () => Promise<void>
}

/** An OTLP AnyValue as a plain value. */
const plain = (value: Record<string, unknown> | undefined): unknown => {
  if (value === undefined) return undefined
  if ("stringValue" in value) return value["stringValue"]
  if ("boolValue" in value) return value["boolValue"]
  if ("intValue" in value) return Number(value["intValue"])
  if ("doubleValue" in value) return value["doubleValue"]
  if ("arrayValue" in value) return ((value["arrayValue"] as { values?: Array<Record<string, unknown>> }).values ?? []).map(plain)
  return value
}

const attributesOf = (list: ReadonlyArray<OtlpAttribute> | undefined): Record<string, unknown> =>
  Object.fromEntries((list ?? []).map((a) => [a.key, plain(a.value)]))

const bodyOf = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })

interface ResourceSpans {
  readonly resource?: { readonly attributes?: ReadonlyArray<OtlpAttribute> }
  readonly scopeSpans?: ReadonlyArray<{
    readonly spans?: ReadonlyArray<{
      traceId: string
      spanId: string
      parentSpanId?: string
      name: string
      kind: number
      attributes?: ReadonlyArray<OtlpAttribute>
      status?: { code?: number; message?: string }
      events?: ReadonlyArray<unknown>
    }>
  }>
}

interface ResourceMetrics {
  readonly scopeMetrics?: ReadonlyArray<{
    readonly metrics?: ReadonlyArray<{
      name: string
      sum?: { dataPoints?: ReadonlyArray<{ attributes?: ReadonlyArray<OtlpAttribute>; asInt?: unknown; asDouble?: unknown }> }
      gauge?: { dataPoints?: ReadonlyArray<{ attributes?: ReadonlyArray<OtlpAttribute>; asInt?: unknown; asDouble?: unknown }> }
      histogram?: { dataPoints?: ReadonlyArray<{ attributes?: ReadonlyArray<OtlpAttribute>; count?: unknown }> }
    }>
  }>
}

export const startOtlpCollector = async (): Promise<OtlpCollector> => {
  const spans: Array<CollectedSpan> = []
  const metrics: Array<CollectedMetric> = []
  const bodies: Array<string> = []
  let connections = 0
  const server = createServer(async (req, res) => {
    const body = await bodyOf(req)
    bodies.push(body)
    if (req.method !== "POST" || !(req.headers["content-type"] ?? "").includes("application/json")) {
      res.writeHead(415).end()
      return
    }
    if (req.url === "/v1/traces") {
      for (const rs of (JSON.parse(body) as { resourceSpans?: ReadonlyArray<ResourceSpans> }).resourceSpans ?? []) {
        const resource = attributesOf(rs.resource?.attributes)
        for (const ss of rs.scopeSpans ?? [])
          for (const s of ss.spans ?? [])
            spans.push({
              traceId: s.traceId,
              spanId: s.spanId,
              parentSpanId: s.parentSpanId === "" ? undefined : s.parentSpanId,
              name: s.name,
              kind: s.kind,
              attributes: attributesOf(s.attributes),
              status: s.status,
              events: s.events,
              resource
            })
      }
    } else if (req.url === "/v1/metrics") {
      for (const rm of (JSON.parse(body) as { resourceMetrics?: ReadonlyArray<ResourceMetrics> }).resourceMetrics ?? [])
        for (const sm of rm.scopeMetrics ?? [])
          for (const m of sm.metrics ?? []) {
            const points = [
              ...(m.sum?.dataPoints ?? []).map((p) => ({ attributes: attributesOf(p.attributes), value: Number(p.asInt ?? p.asDouble) })),
              ...(m.gauge?.dataPoints ?? []).map((p) => ({ attributes: attributesOf(p.attributes), value: Number(p.asInt ?? p.asDouble) })),
              ...(m.histogram?.dataPoints ?? []).map((p) => ({ attributes: attributesOf(p.attributes), value: Number(p.count) }))
            ]
            metrics.push({ name: m.name, points })
          }
    } else {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { "content-type": "application/json" }).end("{}")
  })
  server.on("connection", () => void connections++)
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    spans: () => [...spans],
    metrics: () => [...metrics],
    rawBodies: () => [...bodies],
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
