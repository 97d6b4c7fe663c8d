import { Cause, Clock, Duration, Effect, Exit, Option, Redacted } from "effect"
import { MwaaError } from "../../ports/MwaaError.js"
import type { WebserverRequest } from "../../ports/AirflowApi.js"
import { Telemetry } from "../../ports/Telemetry.js"
import type { Clients } from "./clients.js"
import { airflowRoute, quietSpan } from "./observed-call.js"
import { CreateWebLoginTokenCommand } from "./commands/index.js"
import { send } from "./send.js"
import { refused, toResponse } from "./webserver-answer.js"
import { appendQuery, cookieValue, httpRequest } from "./webserver-http.js"

/**
 * The webserver route (MWAA user guide, "Using the Apache Airflow REST API"): mwaa:CreateWebLoginToken
 * (signed by the SDK) gives a web token valid 60 s and the webserver's host name; a form POST of
 * `token=` logs in — Airflow 2 at /aws_mwaa/login, answering the `session` cookie (valid 12 h);
 * Airflow 3 at /pluginsv2/aws_mwaa/login, answering a JWT in the `_token` cookie — and the REST API
 * is /api/v1 with `Cookie: session=` or /api/v2 with `Authorization: Bearer`. No path limit.
 *
 * Credentials never leave this module: the web token, the cookie and the JWT are held Redacted in
 * the session, are scrubbed from any answer text before it becomes an error, and no message, log
 * line or operation name quotes them.
 */

export interface WebserverOptions {
  /** Replaces https://{WebServerHostname} (a local emulator or fake on loopback). */
  readonly endpoint?: string | undefined
  /** Each login or call (default 30 s). */
  readonly timeout?: Duration.DurationInput | undefined
  /** Calls in flight at once through all sessions (default 8). */
  readonly maxConcurrent?: number | undefined
}

interface Session {
  readonly major: 2 | 3
  /** The webserver's origin, e.g. https://abc.c2.us-east-1.airflow.amazonaws.com: no secret. */
  readonly origin: string
  readonly credential: Redacted.Redacted<string>
  /** Every secret of this session (web token included), to scrub from answers. */
  readonly secrets: ReadonlyArray<Redacted.Redacted<string>>
  readonly expiresAt: number
}

/** Airflow 2's session cookie lives 12 h: renewed an hour early. */
const SESSION_TTL_MS = 11 * 60 * 60 * 1000
/** A JWT without a readable `exp` is renewed after this. */
const JWT_DEFAULT_TTL_MS = 30 * 60 * 1000

/**
 * When to renew a JWT: its lifetime (exp - iat) from now, so a webserver whose clock differs from
 * ours does not make every call log in again; else its exp when still ahead; else a default. A 401
 * renews it earlier anyway.
 */
const jwtExpiry = (jwt: string, now: number): number => {
  let expiry = now + JWT_DEFAULT_TTL_MS
  try {
    const payload = JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")) as { exp?: unknown; iat?: unknown }
    const { exp, iat } = payload
    if (typeof exp === "number" && typeof iat === "number" && exp > iat) expiry = now + Math.max((exp - iat) * 1000 - 60_000, 60_000)
    else if (typeof exp === "number" && exp * 1000 - 60_000 > now) expiry = exp * 1000 - 60_000
  } catch {
    // Not a readable JWT: the default applies.
  }
  return Math.min(expiry, now + SESSION_TTL_MS)
}

export const makeWebserver = (clients: Clients, options: WebserverOptions) => {
  const timeout = options.timeout ?? Duration.seconds(30)
  const endpoint = options.endpoint?.replace(/\/+$/, "")
  const sessions = new Map<string, Session>()
  const loginLocks = new Map<string, Effect.Semaphore>()
  const inFlight = Effect.unsafeMakeSemaphore(options.maxConcurrent ?? 8)
  const lockOf = (name: string) => {
    let lock = loginLocks.get(name)
    if (lock === undefined) {
      lock = Effect.unsafeMakeSemaphore(1)
      loginLocks.set(name, lock)
    }
    return lock
  }

  const login = (name: string, major: 2 | 3) =>
    Effect.gen(function* () {
      const command = new CreateWebLoginTokenCommand({ Name: name })
      const out = yield* send({ service: "MWAA", operation: "CreateWebLoginToken" }, timeout, (signal) =>
        clients.mwaaOnce.send(command, { abortSignal: signal })
      )
      if (out.WebToken === undefined || out.WebServerHostname === undefined) {
        return yield* new MwaaError({
          reason: "Internal",
          operation: "CreateWebLoginToken",
          message: "The answer had no web token or host name."
        })
      }
      const webToken = Redacted.make(out.WebToken)
      const origin = endpoint ?? `https://${out.WebServerHostname}`
      const loginPath = major === 2 ? "/aws_mwaa/login" : "/pluginsv2/aws_mwaa/login"
      const operation = `Webserver login (Airflow ${major})`
      const answer = yield* httpRequest(
        operation,
        {
          url: new URL(`${origin}${loginPath}`),
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ token: Redacted.value(webToken) }).toString()
        },
        timeout
      )
      // The login answers a redirect (or a page) carrying the cookie; its body is never read into an error.
      const cookie = major === 2 ? "session" : "_token"
      const value = answer.status < 400 ? cookieValue(answer.headers, cookie) : undefined
      if (value === undefined) {
        return yield* new MwaaError({
          reason: answer.status >= 500 ? "Unavailable" : "AccessDenied",
          operation,
          message: `The webserver's login answered HTTP ${answer.status} without the ${cookie} cookie: the web token was refused.`
        })
      }
      const now = yield* Clock.currentTimeMillis
      const credential = Redacted.make(value)
      yield* Effect.logDebug(`Logged in to the webserver of ${name} (Airflow ${major}).`)
      return {
        major,
        origin,
        credential,
        secrets: [webToken, credential],
        expiresAt: major === 2 ? now + SESSION_TTL_MS : jwtExpiry(value, now)
      } satisfies Session
    })

  /**
   * The environment's session: the cached one while it lives, else one login — one at a time per
   * environment, so concurrent first calls log in once. `stale` is a session the webserver just
   * refused: another fiber may have replaced it already, else it is replaced now.
   */
  const sessionOf = (name: string, major: 2 | 3, stale?: Session) =>
    lockOf(name).withPermits(1)(
      Effect.gen(function* () {
        const now = yield* Clock.currentTimeMillis
        const current = sessions.get(name)
        if (current !== undefined && current !== stale && current.major === major && current.expiresAt > now) return current
        sessions.delete(name)
        const fresh = yield* login(name, major)
        sessions.set(name, fresh)
        return fresh
      })
    )

  const call = (request: WebserverRequest, session: Session, operation: string) => {
    const url = new URL(`${session.origin}/api/v${session.major === 2 ? 1 : 2}${request.path}`)
    appendQuery(url, request.queryParameters)
    const headers: Record<string, string | Redacted.Redacted<string>> = { accept: "application/json" }
    if (session.major === 2) headers["cookie"] = Redacted.make(`session=${Redacted.value(session.credential)}`)
    else headers["authorization"] = Redacted.make(`Bearer ${Redacted.value(session.credential)}`)
    if (request.body !== undefined) headers["content-type"] = "application/json"
    return inFlight.withPermits(1)(
      httpRequest(
        operation,
        {
          url,
          method: request.method,
          headers,
          body: request.body === undefined ? undefined : JSON.stringify(request.body)
        },
        timeout
      )
    )
  }

  /** One Airflow call: the session (logging in when needed), and once more after one fresh login if it is refused. */
  const viaWebserver = Effect.fnUntraced(function* (request: WebserverRequest) {
    const operation = `Webserver ${request.method} ${request.path}`
    const first = yield* sessionOf(request.environmentName, request.airflowMajor)
    const answer = yield* call(request, first, operation)
    if (!refused(answer)) return yield* toResponse(answer, first.secrets, operation)
    yield* Effect.logDebug(`The webserver of ${request.environmentName} refused its session (HTTP ${answer.status}): logging in again.`)
    const second = yield* sessionOf(request.environmentName, request.airflowMajor, first)
    const again = yield* call(request, second, operation)
    // Refused twice: the identity, not the session, is the problem; the next call logs in afresh.
    if (refused(again) && sessions.get(request.environmentName) === second) sessions.delete(request.environmentName)
    return yield* toResponse(again, second.secrets, operation)
  })
  // With traces on, one span per Airflow call over this route: its login (CreateWebLoginToken) inside.
  return (request: WebserverRequest) =>
    Effect.flatMap(Telemetry, (telemetry) =>
      telemetry.traces
        ? quietSpan(
            "Airflow webserver",
            {
              "http.request.method": request.method,
              "mwaa_mcp.airflow.method": request.method,
              "mwaa_mcp.airflow.route": airflowRoute(request.path)
            },
            viaWebserver(request),
            (exit) => {
              const status = Exit.isSuccess(exit)
                ? exit.value.status
                : Option.getOrUndefined(Cause.failureOption(exit.cause))?.airflowStatus
              return status === undefined ? {} : { "mwaa_mcp.airflow.status_code": status }
            }
          )
        : viaWebserver(request)
    )
}
