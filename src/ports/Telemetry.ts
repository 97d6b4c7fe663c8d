import { Context, FiberRef } from "effect"

export interface TelemetryShape {
  /** Spans for AWS calls (Effect.withSpan): only worth their cost when a tracer exports them. */
  readonly traces: boolean
  /** Effect Metric updates for AWS calls: only worth their cost when a metrics reader exports them. */
  readonly metrics: boolean
}

/**
 * Whether the adapters measure their calls. Off by default, so a server that exports nothing pays
 * nothing per AWS call: the bin turns it on only when OpenTelemetry export is configured
 * (OTEL_EXPORTER_OTLP_ENDPOINT), an embedding program when it installs a tracer or meter.
 */
export class Telemetry extends Context.Reference<Telemetry>()("mwaa-mcp/Telemetry", {
  defaultValue: (): TelemetryShape => ({ traces: false, metrics: false })
}) {}

/**
 * Which attempt of the domain's retry policy (retryThrottled) is running: 1, the first try, unless
 * the policy set it for a retry. An AWS call's span names it, so a throttled call and its retries
 * read as one story. Set only on the retry path: the first try costs nothing.
 */
export const RetryAttempt = FiberRef.unsafeMake<number>(1)
