import { Effect, Either, type Schema } from "effect"
import { AirflowApi, type AirflowRoute } from "../ports/AirflowApi.js"
import { AppConfig } from "../ports/AppConfig.js"
import { MwaaError } from "../ports/MwaaError.js"
import { decodeAnswer } from "../ports/UnexpectedAnswer.js"
import { type AirflowRelease, AirflowTooOld, airflowMajor, isAtLeast, releaseOf } from "./airflow-version.js"
import { EnvironmentCatalog } from "./environment-catalog.js"
import { makeAimdLimiter } from "./rate-limit.js"
import { retryThrottled } from "./retry-policy.js"
import { chooseRoute, sendsLongPaths } from "./route-choice.js"
import type { RestCall } from "./routes.js"

/**
 * Airflow's REST API as the domain sees it: a planned RestCall sent through InvokeRestApi or the
 * environment's webserver (route-choice.ts picks), with the retry policy and the per-environment
 * AIMD rate limit (rate-limit.ts) on both routes, plus the environment's Airflow major version for planning. Every
 * answer is decoded by the Schema the caller gives (answers/*.ts): a shape it rejects fails as
 * UnexpectedAnswer naming the field, so no use case reads an unknown body.
 */
export class AirflowClient extends Effect.Service<AirflowClient>()("mwaa-mcp/AirflowClient", {
  scoped: Effect.gen(function* () {
    const api = yield* AirflowApi
    const config = yield* AppConfig
    const catalog = yield* EnvironmentCatalog
    const retryRead = retryThrottled({ maxAttempts: config.maxAttempts })
    const retryWrite = retryThrottled({ maxAttempts: config.maxAttempts })
    const limiter = yield* makeAimdLimiter(config.maxRequestsPerSecond, config.replicas)
    const mode = config.airflowRoute

    // Untraced: on every call, under the tool's span; a span costs about 20 µs a call (see bench/README.md).
    const major = Effect.fnUntraced(function* (environmentName: string) {
      const environment = yield* catalog.describe(environmentName)
      // An Either is yielded as it is: its Left fails the effect.
      return yield* airflowMajor(environmentName, environment.airflow_version ?? undefined)
    })

    /** The environment's Airflow release (major and minor), for capabilities that came after x.0. */
    const release = Effect.fnUntraced(function* (environmentName: string) {
      yield* major(environmentName)
      const environment = yield* catalog.describe(environmentName)
      return releaseOf(environment.airflow_version ?? undefined)
    })

    /** Fails with AirflowTooOld unless the environment's Airflow is `needed` or later. */
    const requires = Effect.fnUntraced(function* (environmentName: string, needed: AirflowRelease, capability: string) {
      const has = yield* release(environmentName)
      if (isAtLeast(has, needed)) return has
      const environment = yield* catalog.describe(environmentName)
      return yield* new AirflowTooOld({
        environmentName,
        airflowVersion: environment.airflow_version ?? "",
        capability,
        needs: `${needed.major}.${needed.minor}`
      })
    })

    /** The route this call takes, or RouteUnfit before anything is sent (invoke mode, a path over 64). */
    const routeOf = (call: RestCall) => chooseRoute(mode, `${call.method} ${call.path}`, call.path)

    /** An unreachable webserver is named with its access mode (PRIVATE_ONLY: only from inside its VPC). */
    const withAccessMode = (environmentName: string) => (e: MwaaError) =>
      e.webserverUnreachable !== true || e.webserverAccessMode !== undefined
        ? Effect.fail(e)
        : catalog.describe(environmentName).pipe(
            Effect.map((env) => env.webserver_access_mode),
            Effect.option,
            Effect.flatMap((accessMode) =>
              Effect.fail(
                accessMode._tag === "Some" && accessMode.value !== null
                  ? new MwaaError({
                      reason: e.reason,
                      operation: e.operation,
                      message: e.message,
                      webserverUnreachable: true,
                      webserverAccessMode: accessMode.value,
                      ...(e.attempts !== undefined && { attempts: e.attempts })
                    })
                  : e
              )
            )
          )

    const sendRaw = Effect.fnUntraced(function* (environmentName: string, call: RestCall) {
      // Every call is for an Airflow this server speaks: its version (from the catalogue's cached
      // GetEnvironment) is checked before anything is sent, whichever route the call takes.
      const airflowMajor = yield* major(environmentName)
      const route: AirflowRoute = (yield* routeOf(call)) === "Webserver" ? { _tag: "Webserver", airflowMajor } : { _tag: "InvokeRestApi" }
      const request = { environmentName, method: call.method, path: call.path, queryParameters: call.query, body: call.body }
      const sent = api.send(route, request)
      // Each attempt, retries included, takes a slot from the environment's AIMD limiter, on either
      // route, and its outcome moves the limiter's rate (a throttle halves it, successes restore it).
      const attempt = limiter.run(
        environmentName,
        route._tag === "InvokeRestApi" ? sent : sent.pipe(Effect.catchTag("MwaaError", withAccessMode(environmentName)))
      )
      // A read, or a write whose repetition is harmless, is retried on any transient failure.
      // Another write only when MWAA itself throttled it (it never reached Airflow): an
      // Airflow 5xx may have done the work, and sending it again could do it twice.
      const operation = `${route._tag} ${call.method} ${call.path}`
      if (call.method === "GET" || call.idempotent === true) return { operation, response: yield* retryRead(attempt) }
      const throttledOnly = attempt.pipe(
        Effect.map((response) => Either.right(response)),
        // Errors that must not be retried leave the retry loop as values.
        Effect.catchIf(
          (e) => e.reason !== "Throttled" && e.airflowStatus !== 429,
          (e) => Effect.succeed(Either.left(e))
        )
      )
      const outcome = yield* retryWrite(throttledOnly)
      return { operation, response: yield* outcome }
    })

    /** One call, its answer decoded by `answer`: the answer's Type, or UnexpectedAnswer naming the field that did not fit. */
    const send = <A, I>(environmentName: string, call: RestCall, answer: Schema.Schema<A, I>) =>
      Effect.flatMap(sendRaw(environmentName, call), ({ operation, response }) => decodeAnswer(answer, operation)(response.body))

    /** Fails with RouteUnfit when this call could not be sent: a write checks before anything else is asked. */
    const admits = (call: RestCall) => Effect.asVoid(routeOf(call))

    /** Whether paths over 64 characters can be sent: reads prefer their direct path then over a lossy fallback. */
    const longPaths = sendsLongPaths(mode)

    /** Every call goes through the webserver: a read's direct path is then always the one call to make. */
    const webserverOnly = mode === "webserver"

    return { major, release, requires, send, admits, longPaths, webserverOnly } as const
  })
}) {}
