import * as NodeSdk from "@effect/opentelemetry/NodeSdk"
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http"
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http"
import { PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics"
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base"
import { Effect, Layer } from "effect"
import type { OtelSettings } from "./settings.js"

/**
 * OpenTelemetry export over OTLP/HTTP (JSON), as an Effect layer: Effect's tracer backed by the
 * OpenTelemetry SDK (each Effect.withSpan becomes an OpenTelemetry span) and Effect's metric registry
 * read by a periodic reader. The exporters read the standard variables themselves: the endpoints
 * (OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces and /v1/metrics, or the signal-specific ones), headers
 * (OTEL_EXPORTER_OTLP_HEADERS), timeouts; the batch span processor reads OTEL_BSP_SCHEDULE_DELAY and
 * the rest of OTEL_BSP_*. The resource: OTEL_RESOURCE_ATTRIBUTES, service.name (settings.ts) and
 * service.version. Released with the runtime (the bin's, on exit or SIGTERM): spans still batched
 * and a last metrics reading are flushed first, each within 2 s (a collector that is down delays the exit by at most that).
 *
 * This module is the bundle's telemetry chunk: main.ts imports it only when settings.ts found an
 * endpoint.
 */
export const otelLayer = (settings: OtelSettings, serviceVersion: string): Layer.Layer<never> =>
  NodeSdk.layer(() => ({
    resource: { serviceName: settings.serviceName, serviceVersion },
    ...(settings.traces && { spanProcessor: new BatchSpanProcessor(new OTLPTraceExporter()) }),
    ...(settings.metrics && {
      metricReader: new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter(),
        exportIntervalMillis: settings.metricIntervalMillis,
        exportTimeoutMillis: Math.min(settings.metricTimeoutMillis, settings.metricIntervalMillis)
      })
    }),
    shutdownTimeout: "2 seconds"
  })).pipe(
    Layer.merge(
      Layer.effectDiscard(
        Effect.zipRight(
          Effect.logInfo(
            `OpenTelemetry: exporting ${[settings.traces && "traces", settings.metrics && "metrics"].filter(Boolean).join(" and ")} over OTLP/HTTP as ${settings.serviceName}`
          ),
          settings.unsupportedProtocol === undefined
            ? Effect.void
            : Effect.logWarning(
                `OpenTelemetry: OTLP protocol ${settings.unsupportedProtocol} is not supported; sending http/json to the same endpoint (a collector's HTTP port, usually 4318)`
              )
        )
      )
    )
  )
