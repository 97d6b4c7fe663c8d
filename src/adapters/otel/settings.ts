/**
 * Whether OpenTelemetry export is configured, read from the standard OTEL_* variables without
 * loading any of it: the exporters live in their own chunk (otel-export.ts), imported only when this
 * says yes. Traces when an OTLP endpoint for them is set (OTEL_EXPORTER_OTLP_ENDPOINT, or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT), metrics likewise (…_METRICS_ENDPOINT); OTEL_SDK_DISABLED=true,
 * or OTEL_TRACES_EXPORTER / OTEL_METRICS_EXPORTER without `otlp` (e.g. `none`), turn them off.
 */

export interface OtelSettings {
  readonly traces: boolean
  readonly metrics: boolean
  /** OTEL_METRIC_EXPORT_INTERVAL (ms, default 60000): how often metrics are pushed. */
  readonly metricIntervalMillis: number
  /** OTEL_METRIC_EXPORT_TIMEOUT (ms, default 30000). */
  readonly metricTimeoutMillis: number
  /** service.name: OTEL_SERVICE_NAME, else service.name in OTEL_RESOURCE_ATTRIBUTES, else mwaa-mcp-server. */
  readonly serviceName: string
  /** An OTEL_EXPORTER_OTLP_*PROTOCOL asked for other than http/json (grpc, http/protobuf): not served, said at start. */
  readonly unsupportedProtocol?: string | undefined
}

type Env = Readonly<Record<string, string | undefined>>

const set = (value: string | undefined): boolean => value !== undefined && value.trim() !== ""

/** An exporter list (OTEL_TRACES_EXPORTER) allows OTLP when unset or when it names otlp. */
const allowsOtlp = (list: string | undefined): boolean =>
  !set(list) || (list ?? "").split(",").some((name) => name.trim().toLowerCase() === "otlp")

const millis = (value: string | undefined, fallback: number): number => {
  const n = Number(value)
  return set(value) && Number.isFinite(n) && n > 0 ? n : fallback
}

const serviceNameOf = (env: Env): string => {
  const named = env["OTEL_SERVICE_NAME"]?.trim()
  if (named !== undefined && named !== "") return named
  for (const pair of (env["OTEL_RESOURCE_ATTRIBUTES"] ?? "").split(",")) {
    const [key, value] = pair.split("=")
    if (key?.trim() === "service.name" && value !== undefined && value.trim() !== "") return decodeURIComponent(value.trim())
  }
  return "mwaa-mcp-server"
}

/** The settings when anything is to be exported, else undefined (and nothing is loaded). */
export const otelSettingsFromEnv = (env: Env): OtelSettings | undefined => {
  if (env["OTEL_SDK_DISABLED"]?.trim().toLowerCase() === "true") return undefined
  const anySignal = set(env["OTEL_EXPORTER_OTLP_ENDPOINT"])
  const traces = (anySignal || set(env["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"])) && allowsOtlp(env["OTEL_TRACES_EXPORTER"])
  const metrics = (anySignal || set(env["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"])) && allowsOtlp(env["OTEL_METRICS_EXPORTER"])
  if (!traces && !metrics) return undefined
  return {
    traces,
    metrics,
    metricIntervalMillis: millis(env["OTEL_METRIC_EXPORT_INTERVAL"], 60_000),
    metricTimeoutMillis: millis(env["OTEL_METRIC_EXPORT_TIMEOUT"], 30_000),
    serviceName: serviceNameOf(env),
    unsupportedProtocol: ["OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_METRICS_PROTOCOL"]
      .map((name) => env[name]?.trim())
      .find((protocol) => protocol !== undefined && protocol !== "" && protocol !== "http/json")
  }
}
