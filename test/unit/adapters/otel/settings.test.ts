import { describe, expect, it } from "vitest"
import { otelSettingsFromEnv } from "../../../../src/adapters/otel/settings.js"

/** When the bin loads OpenTelemetry at all, and what it exports: the standard OTEL_* variables decide. */

describe("otelSettingsFromEnv", () => {
  it("is undefined without an OTLP endpoint, whatever else is set", () => {
    expect(otelSettingsFromEnv({})).toBeUndefined()
    expect(
      otelSettingsFromEnv({ OTEL_SERVICE_NAME: "x", OTEL_BSP_SCHEDULE_DELAY: "100", OTEL_EXPORTER_OTLP_ENDPOINT: " " })
    ).toBeUndefined()
  })

  it("exports traces and metrics with the general endpoint, one signal with its own", () => {
    expect(otelSettingsFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toMatchObject({ traces: true, metrics: true })
    expect(otelSettingsFromEnv({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://c/v1/traces" })).toMatchObject({
      traces: true,
      metrics: false
    })
    expect(otelSettingsFromEnv({ OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: "http://c/v1/metrics" })).toMatchObject({
      traces: false,
      metrics: true
    })
  })

  it("honours OTEL_SDK_DISABLED and exporter lists without otlp", () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318" }
    expect(otelSettingsFromEnv({ ...endpoint, OTEL_SDK_DISABLED: "TRUE" })).toBeUndefined()
    expect(otelSettingsFromEnv({ ...endpoint, OTEL_TRACES_EXPORTER: "none" })).toMatchObject({ traces: false, metrics: true })
    expect(otelSettingsFromEnv({ ...endpoint, OTEL_METRICS_EXPORTER: "none", OTEL_TRACES_EXPORTER: "otlp" })).toMatchObject({
      traces: true,
      metrics: false
    })
    expect(otelSettingsFromEnv({ ...endpoint, OTEL_METRICS_EXPORTER: "none", OTEL_TRACES_EXPORTER: "console" })).toBeUndefined()
  })

  it("names the service mwaa-mcp-server unless OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES says otherwise", () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318" }
    expect(otelSettingsFromEnv(endpoint)?.serviceName).toBe("mwaa-mcp-server")
    expect(otelSettingsFromEnv({ ...endpoint, OTEL_RESOURCE_ATTRIBUTES: "team=data,service.name=airflow%20mcp" })?.serviceName).toBe(
      "airflow mcp"
    )
    expect(
      otelSettingsFromEnv({ ...endpoint, OTEL_SERVICE_NAME: "mcp-prod", OTEL_RESOURCE_ATTRIBUTES: "service.name=other" })?.serviceName
    ).toBe("mcp-prod")
  })

  it("reads the metric export interval and timeout in milliseconds, defaulting to 60 s and 30 s", () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318" }
    expect(otelSettingsFromEnv(endpoint)).toMatchObject({ metricIntervalMillis: 60_000, metricTimeoutMillis: 30_000 })
    expect(otelSettingsFromEnv({ ...endpoint, OTEL_METRIC_EXPORT_INTERVAL: "500", OTEL_METRIC_EXPORT_TIMEOUT: "bad" })).toMatchObject({
      metricIntervalMillis: 500,
      metricTimeoutMillis: 30_000
    })
  })

  it("notes an OTLP protocol other than http/json, which it does not speak", () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318" }
    expect(otelSettingsFromEnv(endpoint)?.unsupportedProtocol).toBeUndefined()
    expect(otelSettingsFromEnv({ ...endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: "http/json" })?.unsupportedProtocol).toBeUndefined()
    expect(otelSettingsFromEnv({ ...endpoint, OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: "grpc" })?.unsupportedProtocol).toBe("grpc")
  })
})
