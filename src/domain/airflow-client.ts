import { Effect, Either } from "effect"
import { AppConfig } from "../ports/AppConfig.js"
import { MwaaGateway } from "../ports/MwaaGateway.js"
import { airflowMajor } from "./airflow-version.js"
import { EnvironmentCatalog } from "./environment-catalog.js"
import { makePerEnvironmentLimiter } from "./rate-limit.js"
import { retryThrottled } from "./retry-policy.js"
import type { RestCall } from "./routes.js"

/**
 * Airflow's REST API as the domain sees it: a planned RestCall sent through InvokeRestApi
 * with the retry policy, plus the environment's Airflow major version for planning.
 */
export class AirflowClient extends Effect.Service<AirflowClient>()("mwaa-mcp/AirflowClient", {
  scoped: Effect.gen(function* () {
    const gateway = yield* MwaaGateway
    const config = yield* AppConfig
    const catalog = yield* EnvironmentCatalog
    const retryRead = retryThrottled({ maxAttempts: config.maxAttempts })
    const retryWrite = retryThrottled({ maxAttempts: config.maxAttempts })
    const limited = yield* makePerEnvironmentLimiter(config.maxRequestsPerSecond)

    // Untraced: on every call, under the tool's span; a span costs about 20 µs a call (see bench/README.md).
    const major = Effect.fnUntraced(function* (environmentName: string) {
      const environment = yield* catalog.describe(environmentName)
      return yield* Either.match(airflowMajor(environmentName, environment.AirflowVersion), {
        onLeft: (e) => Effect.fail(e),
        onRight: (v) => Effect.succeed(v)
      })
    })

    const send = Effect.fnUntraced(function* (environmentName: string, call: RestCall) {
      // Each attempt, retries included, takes a token from the environment's bucket.
      const request = limited(
        environmentName,
        gateway.invokeRestApi({
          environmentName,
          method: call.method,
          path: call.path,
          queryParameters: call.query,
          body: call.body
        })
      )
      // A read, or a write whose repetition is harmless, is retried on any transient failure.
      // Another write only when MWAA itself throttled it (it never reached Airflow): an
      // Airflow 5xx may have done the work, and sending it again could do it twice.
      if (call.method === "GET" || call.idempotent === true) return yield* retryRead(request)
      const throttledOnly = request.pipe(
        Effect.map((response) => Either.right(response)),
        // Errors that must not be retried leave the retry loop as values.
        Effect.catchIf(
          (e) => e.reason !== "Throttled" && e.airflowStatus !== 429,
          (e) => Effect.succeed(Either.left(e))
        )
      )
      const outcome = yield* retryWrite(throttledOnly)
      return yield* Either.match(outcome, { onLeft: (e) => Effect.fail(e), onRight: (r) => Effect.succeed(r) })
    })

    return { major, send } as const
  })
}) {}
