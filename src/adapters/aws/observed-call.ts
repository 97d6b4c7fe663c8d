import { Cause, Effect, Exit, FiberRef, Metric, MetricLabel } from "effect"
import { MwaaError } from "../../ports/MwaaError.js"
import { RetryAttempt, type TelemetryShape } from "../../ports/Telemetry.js"

/**
 * One AWS call's span and metrics, made only when telemetry is on (see send.ts). A span per SDK
 * request, i.e. per `client.send`: the domain's retries (retryThrottled) make one span each, with
 * the attempt they are (`mwaa_mcp.retry.attempt`), so the trace shows every throttled try, its
 * status and request id, and the back-off between them. The SDK's own retries (the control plane's
 * and S3's clients; the other clients make one attempt) stay inside one span: `mwaa_mcp.aws.attempts`
 * counts its HTTP requests. Attribute names follow OpenTelemetry's AWS SDK conventions
 * (rpc.system aws-api, rpc.service, rpc.method, aws.request_id, http.response.status_code).
 *
 * No message text: a failed call's span holds its error reason, never the AWS or Airflow message
 * (Airflow's detail can quote what was sent); the caller still gets the MwaaError as it was.
 */

/** The services this adapter calls, as OpenTelemetry's rpc.service names them (the SDK's service ids). */
export type AwsService = "MWAA" | "MWAAServerless" | "CloudWatchLogs" | "S3"

export interface AwsCall {
  readonly service: AwsService
  /** The API operation, e.g. "InvokeRestApi". */
  readonly operation: string
  /** How errors name the call when more than the operation is needed (e.g. "InvokeRestApi GET /dags"). */
  readonly label?: string | undefined
  /** Attributes of this call's span besides the standard ones: no secrets, no argument values beyond ids. */
  readonly attributes?: Readonly<Record<string, string | number | boolean>> | undefined
}

/** What the SDK says of a request ($metadata), from its answer or its error. */
interface ResponseMetadata {
  readonly httpStatusCode?: number | undefined
  readonly requestId?: string | undefined
  readonly attempts?: number | undefined
}

export const metadataOf = (value: unknown): ResponseMetadata | undefined => {
  if (typeof value !== "object" || value === null) return undefined
  const meta = (value as { $metadata?: unknown }).$metadata
  return typeof meta === "object" && meta !== null ? (meta as ResponseMetadata) : undefined
}

/** MWAA's InvokeRestApi answer carries Airflow's own status beside AWS's. */
const airflowStatusOf = (value: unknown): number | undefined => {
  if (value instanceof MwaaError) return value.airflowStatus
  const status = typeof value === "object" && value !== null ? (value as { RestApiStatusCode?: unknown }).RestApiStatusCode : undefined
  return typeof status === "number" ? status : undefined
}

const throttled = (error: MwaaError): boolean => error.reason === "Throttled" || error.airflowStatus === 429

/** An Airflow path as a route: every id segment (the odd ones: /dags/{id}/dagRuns/{id}) as `*`. */
export const airflowRoute = (path: string): string =>
  path
    .replace(/^\/+/, "")
    .split("/")
    .map((segment, i) => (i % 2 === 1 ? "*" : segment.slice(0, 40)))
    .slice(0, 12)
    .join("/")
    .replace(/^/, "/")

/** Latency buckets in milliseconds: from a cached answer to InvokeRestApi's 10 s and a retried minute. */
const LATENCY_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000]

const calls = Metric.counter("mwaa_mcp.aws.calls", { description: "AWS API calls (SDK requests, retries of the domain counted each)" })
const throttles = Metric.counter("mwaa_mcp.aws.throttles", { description: "AWS API calls that ended throttled" })
const latency = Metric.timerWithBoundaries("mwaa_mcp.aws.call.duration", LATENCY_MS, "AWS API call duration")

/** The span's failure: the reason only, no message or stack; the call's own exit rides along, unseen. */
class AwsCallFailed extends Error {
  readonly #exit: Exit.Exit<unknown, MwaaError>
  constructor(reason: string, exit: Exit.Exit<unknown, MwaaError>) {
    super(reason)
    this.name = "AwsCallFailed"
    this.stack = `AwsCallFailed: ${reason}`
    this.#exit = exit
  }
  get exit(): Exit.Exit<unknown, MwaaError> {
    return this.#exit
  }
}

const reasonOf = (exit: Exit.Exit<unknown, MwaaError>): { readonly error?: MwaaError; readonly type: string } => {
  if (Exit.isSuccess(exit)) return { type: "" }
  const failure = Cause.failureOption(exit.cause)
  if (failure._tag === "Some") return { error: failure.value, type: failure.value.reason }
  return { type: Cause.isInterruptedOnly(exit.cause) ? "cancelled" : "internal" }
}

/**
 * A client span around `effect`, with `annotate`'s attributes at its end. A failure shows in the span
 * as its reason (`error.type`, and the span's error status), never with its message; `effect`'s own
 * exit is what the caller gets.
 */
export const quietSpan = <A, R>(
  name: string,
  attributes: Readonly<Record<string, unknown>>,
  effect: Effect.Effect<A, MwaaError, R>,
  annotate?: (exit: Exit.Exit<A, MwaaError>) => Record<string, unknown>
): Effect.Effect<A, MwaaError, R> =>
  Effect.withSpan(
    Effect.flatMap(Effect.exit(effect), (exit) => {
      const { type } = reasonOf(exit)
      const more = annotate?.(exit) ?? {}
      if (type !== "") more["error.type"] = type
      return Effect.zipRight(
        Effect.annotateCurrentSpan(more),
        Exit.isSuccess(exit) ? Effect.succeed(exit.value) : Effect.fail(new AwsCallFailed(type, exit))
      )
    }),
    name,
    { kind: "client", captureStackTrace: false, attributes }
  ).pipe(Effect.catchAll((failed) => failed.exit as Exit.Exit<A, MwaaError>))

/**
 * Runs one AWS call (`attempt`, given a sink for the SDK's answer or error) inside its span and/or
 * with its metrics, as `telemetry` says.
 */
export const observeCall = <A>(
  call: AwsCall,
  telemetry: TelemetryShape,
  attempt: (seen: (value: unknown) => void) => Effect.Effect<A, MwaaError>
): Effect.Effect<A, MwaaError> =>
  Effect.suspend(() => {
    let metadata: ResponseMetadata | undefined
    let airflowStatus: number | undefined
    const seen = (value: unknown) => {
      metadata = metadataOf(value) ?? metadata
      airflowStatus = airflowStatusOf(value) ?? airflowStatus
    }
    const measured = Effect.timed(Effect.exit(attempt(seen))).pipe(
      Effect.tap(([elapsed, exit]) => {
        if (!telemetry.metrics) return Effect.void
        const { error } = reasonOf(exit)
        const labels = [MetricLabel.make("rpc.service", call.service), MetricLabel.make("rpc.method", call.operation)]
        const outcome = MetricLabel.make("outcome", Exit.isSuccess(exit) ? "ok" : "error")
        return Effect.all(
          [
            Metric.increment(Metric.taggedWithLabels(calls, [...labels, outcome])),
            error !== undefined && throttled(error) ? Metric.increment(Metric.taggedWithLabels(throttles, labels)) : Effect.void,
            Metric.update(Metric.taggedWithLabels(latency, labels), elapsed)
          ],
          { discard: true }
        )
      }),
      Effect.map(([, exit]) => exit)
    )
    if (!telemetry.traces) return Effect.flatten(measured)
    return FiberRef.get(RetryAttempt).pipe(
      Effect.flatMap((retryAttempt) =>
        quietSpan(
          `${call.service}.${call.operation}`,
          {
            "rpc.system": "aws-api",
            "rpc.service": call.service,
            "rpc.method": call.operation,
            "mwaa_mcp.retry.attempt": retryAttempt,
            ...call.attributes
          },
          Effect.flatten(measured),
          (exit) => {
            const { error } = reasonOf(exit)
            const attributes: Record<string, unknown> = {}
            if (metadata?.httpStatusCode !== undefined) attributes["http.response.status_code"] = metadata.httpStatusCode
            if (metadata?.requestId !== undefined) attributes["aws.request_id"] = metadata.requestId
            if (metadata?.attempts !== undefined) attributes["mwaa_mcp.aws.attempts"] = metadata.attempts
            if (airflowStatus !== undefined) attributes["mwaa_mcp.airflow.status_code"] = airflowStatus
            attributes["mwaa_mcp.aws.throttled"] = error !== undefined && throttled(error)
            return attributes
          }
        )
      )
    )
  })
