import { Effect } from "effect"
import type { WebserverRequest } from "../../ports/AirflowApi.js"
import { MwaaError } from "../../ports/MwaaError.js"
import { API_PREFIXES, type Served } from "./webserver.js"
import { LOGIN_PATHS } from "./webserver-login.js"
import type { FakeWebserver } from "./webserver-service.js"

/**
 * The in-memory gateway's webserverRestApi: the flow a real client runs, through the model.
 * CreateWebLoginToken, login, then the REST call with the session, kept per environment and
 * renewed once when the webserver answers 401 (or 403) to it.
 */
interface Session {
  readonly airflowMajor: 2 | 3
  readonly hostname: string
  readonly cookieName: "session" | "_token"
  readonly value: string
}

const refusedError = (request: WebserverRequest, status: number, body: unknown, what: string) =>
  new MwaaError({
    reason: status === 401 || status === 403 ? "AccessDenied" : status >= 500 ? "AirflowServerError" : "AirflowClientError",
    operation: `Webserver ${request.method} ${request.path}`,
    message: `The webserver answered ${status} to ${what}.`,
    airflowStatus: status,
    airflowBody: body
  })

export const makeWebserverRestApi = (web: FakeWebserver) => {
  const sessions = new Map<string, Session>()

  const signIn = Effect.fnUntraced(function* (request: WebserverRequest) {
    const token = yield* web.createWebLoginToken(request.environmentName)
    const result = yield* web.login({ path: LOGIN_PATHS[request.airflowMajor], formToken: token.WebToken })
    if (!result.ok) {
      return yield* Effect.fail(refusedError(request, result.status, result.body, `the login at ${LOGIN_PATHS[request.airflowMajor]}`))
    }
    const session: Session = {
      airflowMajor: request.airflowMajor,
      hostname: token.WebServerHostname,
      cookieName: result.cookieName,
      value: result.cookieValue
    }
    sessions.set(request.environmentName, session)
    return session
  })

  const send = (request: WebserverRequest, session: Session): Effect.Effect<Served> =>
    web.serve({
      hostname: session.hostname,
      cookies: session.cookieName === "session" ? { session: session.value } : {},
      authorization: session.cookieName === "_token" ? `Bearer ${session.value}` : undefined,
      method: request.method,
      path: `${API_PREFIXES[request.airflowMajor]}${request.path}`,
      queryParameters: request.queryParameters,
      body: request.body
    })

  return Effect.fnUntraced(function* (request: WebserverRequest) {
    const kept = sessions.get(request.environmentName)
    const cached = kept?.airflowMajor === request.airflowMajor ? kept : undefined
    let served = yield* send(request, cached ?? (yield* signIn(request)))
    if (cached !== undefined && served.kind === "refused" && (served.status === 401 || served.status === 403)) {
      sessions.delete(request.environmentName)
      served = yield* send(request, yield* signIn(request))
    }
    if (served.kind === "refused") return yield* Effect.fail(refusedError(request, served.status, served.body, "the REST call"))
    return yield* served.result
  })
}
