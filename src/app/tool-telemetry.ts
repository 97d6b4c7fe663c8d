import { Cause, Effect, Exit, Metric, MetricLabel } from "effect"
import type { CallIdentity, ToolCallResult } from "../ports/ToolHost.js"
import type { AppConfigShape } from "../ports/AppConfig.js"
import { maskThenCut } from "../domain/redaction.js"
import { stripInvisible } from "../domain/sanitize.js"
import type { AnyToolSpec, ToolServices } from "./tool-spec.js"

/**
 * A tool call's span and metrics, for a server that exports them (the bin with
 * OTEL_EXPORTER_OTLP_ENDPOINT set, or an embedding program with its own tracer). Chosen once per
 * tool when the host is built: a host without them runs the bare call, at no cost.
 *
 * The span, `tool <name>`, is the root of the call's trace (the AWS calls' spans are its
 * children) and carries: the tool (gen_ai.tool.name, mwaa_mcp.tool.kind), the environment it
 * resolved to (mwaa_mcp.environment, set by with-environment.ts), how it ended (mwaa_mcp.outcome:
 * ok, error or cancelled; error.type), the client program (mwaa_mcp.client.name/version) and the
 * person (user.id = the token's subject, user.email, user.name, mwaa_mcp.caller.client_id,
 * mwaa_mcp.caller.scopes). Never the token, never the arguments.
 */

export interface ToolTelemetry {
  readonly traces: boolean
  readonly metrics: boolean
}

type ToolRun = (args: unknown, config: AppConfigShape, who: CallIdentity) => Effect.Effect<ToolCallResult, never, ToolServices>

/** What the caller and the client say of themselves is theirs: bounded, masked, visible characters only. */
const MAX_IDENTITY_CHARS = 100
const boundedCache = new Map<string, string>()
/** Masking is linear but not free; the same few client names and callers come back on every call, so the last 500 are kept. */
const bounded = (text: string): string => {
  const known = boundedCache.get(text)
  if (known !== undefined) return known
  const shown = maskThenCut(stripInvisible(text), MAX_IDENTITY_CHARS, () => "…")
  if (text.length <= 1000) {
    if (boundedCache.size >= 500) boundedCache.delete(boundedCache.keys().next().value as string)
    boundedCache.set(text, shown)
  }
  return shown
}

export const identityAttributes = (who: CallIdentity): Record<string, string> => {
  const attributes: Record<string, string> = {}
  if (who.client !== undefined) {
    attributes["mwaa_mcp.client.name"] = bounded(who.client.name)
    if (who.client.version !== undefined) attributes["mwaa_mcp.client.version"] = bounded(who.client.version)
  }
  const caller = who.caller
  if (caller !== undefined) {
    attributes["user.id"] = bounded(caller.subject)
    if (caller.email !== undefined) attributes["user.email"] = bounded(caller.email)
    if (caller.username !== undefined) attributes["user.name"] = bounded(caller.username)
    if (caller.clientId !== undefined) attributes["mwaa_mcp.caller.client_id"] = bounded(caller.clientId)
    // The scopes' names, space-separated as OAuth writes them (a span attribute holds no list here).
    attributes["mwaa_mcp.caller.scopes"] = maskThenCut(stripInvisible(caller.scopes.join(" ")), 500, () => "…")
  }
  return attributes
}

type Outcome = "ok" | "error" | "cancelled"

const outcomeOf = (exit: Exit.Exit<ToolCallResult>): { readonly outcome: Outcome; readonly errorType?: string } => {
  if (Exit.isSuccess(exit)) return exit.value.isError ? { outcome: "error", errorType: "tool_error" } : { outcome: "ok" }
  return Cause.isInterruptedOnly(exit.cause) ? { outcome: "cancelled" } : { outcome: "error", errorType: "internal" }
}

/** Latency buckets in milliseconds: an answer from a cache up to wait-for-dag-run's longest wait. */
const LATENCY_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000]

const toolCalls = Metric.counter("mwaa_mcp.tool.calls", { description: "MCP tool calls, by tool, kind and outcome" })
const toolErrors = Metric.counter("mwaa_mcp.tool.errors", { description: "MCP tool calls that ended in an error" })
const toolLatency = Metric.timerWithBoundaries("mwaa_mcp.tool.call.duration", LATENCY_MS, "MCP tool call duration")

/** One tool's metrics, tagged once when the host is built rather than on every call. */
const metricsOf = (spec: AnyToolSpec) => {
  const labels = [MetricLabel.make("tool", spec.name), MetricLabel.make("kind", spec.kind)]
  return {
    calls: {
      ok: Metric.taggedWithLabels(toolCalls, [...labels, MetricLabel.make("outcome", "ok")]),
      error: Metric.taggedWithLabels(toolCalls, [...labels, MetricLabel.make("outcome", "error")]),
      cancelled: Metric.taggedWithLabels(toolCalls, [...labels, MetricLabel.make("outcome", "cancelled")])
    },
    errors: Metric.taggedWithLabels(toolErrors, labels),
    latency: Metric.taggedWithLabels(toolLatency, labels)
  }
}

const measured = ({ calls, errors, latency }: ReturnType<typeof metricsOf>, call: Effect.Effect<ToolCallResult, never, ToolServices>) =>
  Effect.timed(Effect.exit(call)).pipe(
    Effect.tap(([elapsed, exit]) => {
      const { outcome } = outcomeOf(exit)
      return Effect.all(
        [Metric.increment(calls[outcome]), outcome === "error" ? Metric.increment(errors) : Effect.void, Metric.update(latency, elapsed)],
        { discard: true }
      )
    }),
    Effect.flatMap(([, exit]) => exit)
  )

/** `run` with a span and/or metrics, as `telemetry` asks; `run` itself when it asks for neither. */
export const observeTool = (spec: AnyToolSpec, run: ToolRun, telemetry: ToolTelemetry): ToolRun => {
  if (!telemetry.traces && !telemetry.metrics) return run
  const name = `tool ${spec.name}`
  const fixed = {
    "mcp.method.name": "tools/call",
    "gen_ai.operation.name": "execute_tool",
    "gen_ai.tool.name": spec.name,
    "mwaa_mcp.tool.kind": spec.kind
  }
  const metrics = telemetry.metrics ? metricsOf(spec) : undefined
  return (args, config, who) => {
    const call = metrics !== undefined ? measured(metrics, run(args, config, who)) : run(args, config, who)
    if (!telemetry.traces) return call
    const spanned = Effect.onExit(call, (exit) => {
      const { outcome, errorType } = outcomeOf(exit)
      return Effect.annotateCurrentSpan(
        errorType === undefined ? { "mwaa_mcp.outcome": outcome } : { "mwaa_mcp.outcome": outcome, "error.type": errorType }
      )
    })
    // No stack trace for this span: it would always point here, and capturing one costs on every call.
    return Effect.withSpan(spanned, name, {
      kind: "server",
      captureStackTrace: false,
      attributes: { ...fixed, ...identityAttributes(who) }
    })
  }
}
