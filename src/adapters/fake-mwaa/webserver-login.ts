import { Either } from "effect"
import { MwaaError } from "../../ports/MwaaError.js"
import { type FakeState, type Flavor, findEnvironment } from "./state.js"
import { airflowJwt, flaskSession, issuerName, webToken, webserverHostname } from "./webserver-credentials.js"
import { EMPTY_WEBSERVER_STORE, WEB_SESSION_TTL_MS, WEB_TOKEN_TTL_MS, type WebserverStore } from "./webserver-store.js"

/**
 * mwaa:CreateWebLoginToken and the webserver's login, as AWS documents them for the full
 * Airflow REST API: the token is good for one login within 60 seconds; Airflow 2 takes it at
 * POST /aws_mwaa/login and sets the `session` cookie, Airflow 3 at POST
 * /pluginsv2/aws_mwaa/login and sets the `_token` cookie (a JWT). Both live 12 hours.
 */
export interface WebLoginToken {
  readonly WebToken: string
  readonly WebServerHostname: string
  readonly IamIdentity: string
  readonly AirflowIdentity: string
}

export const LOGIN_PATHS: Readonly<Record<Flavor, string>> = { 2: "/aws_mwaa/login", 3: "/pluginsv2/aws_mwaa/login" }

/** The fake's caller: MWAA names the IAM identity and the Airflow user it maps to. */
const IDENTITY = "assumed-role/Admin/fake-user"

export const storeOf = (state: FakeState): WebserverStore => state.webserver ?? EMPTY_WEBSERVER_STORE

export const createWebLoginToken = (state: FakeState, name: string): readonly [Either.Either<WebLoginToken, MwaaError>, FakeState] => {
  const env = findEnvironment(state, name)
  if (env === undefined) {
    const error = new MwaaError({ reason: "NotFound", operation: "CreateWebLoginToken", message: `Environment ${name} not found.` })
    return [Either.left(error), state]
  }
  const store = storeOf(state)
  const token = webToken(issuerName(name, state.location), store.serial + 1, state.nowMillis)
  // Expired tokens are dropped here, so a long demo session keeps only the last minute's.
  const live = [...store.tokens].filter(([, issued]) => issued.expiresAt >= state.nowMillis)
  const tokens = new Map(live).set(token, { environmentName: name, expiresAt: state.nowMillis + WEB_TOKEN_TTL_MS })
  const next: WebserverStore = { ...store, tokens, issued: [...store.issued, token], serial: store.serial + 1 }
  const answer = {
    WebToken: token,
    WebServerHostname: webserverHostname(env, state.location),
    IamIdentity: IDENTITY,
    AirflowIdentity: IDENTITY
  }
  return [Either.right(answer), { ...state, webserver: next }]
}

export interface LoginInput {
  /** /aws_mwaa/login or /pluginsv2/aws_mwaa/login. */
  readonly path: string
  /** The form's `token` field; undefined when the form had none. */
  readonly formToken: string | undefined
}

/** The webserver's answer to a login: a redirect that sets the cookie, or a refusal. */
export type LoginResult =
  | {
      readonly ok: true
      readonly environmentName: string
      readonly cookieName: "session" | "_token"
      readonly cookieValue: string
      /** Epoch milliseconds on the fake clock. */
      readonly expiresAt: number
    }
  | {
      readonly ok: false
      readonly status: 400 | 401 | 404 | 422
      readonly contentType: string
      readonly body: string
      readonly environmentName?: string | undefined
    }

const HTML = "text/html; charset=utf-8"
const JSON_TYPE = "application/json"

/** Werkzeug's error pages (Airflow 2 is Flask) and FastAPI's JSON (Airflow 3). */
const werkzeug = (status: 400 | 401 | 404, title: string, text: string) =>
  ({
    ok: false,
    status,
    contentType: HTML,
    body: `<!doctype html>\n<html lang=en>\n<title>${status} ${title}</title>\n<h1>${title}</h1>\n<p>${text}</p>\n`
  }) as const

const REFUSALS = {
  2: {
    notFound: werkzeug(
      404,
      "Not Found",
      "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again."
    ),
    missing: werkzeug(400, "Bad Request", "The browser (or proxy) sent a request that this server could not understand."),
    invalid: werkzeug(
      401,
      "Unauthorized",
      "The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn&#39;t understand how to supply the credentials required."
    )
  },
  3: {
    notFound: { ok: false, status: 404, contentType: JSON_TYPE, body: JSON.stringify({ detail: "Not Found" }) },
    missing: {
      ok: false,
      status: 422,
      contentType: JSON_TYPE,
      body: JSON.stringify({ detail: [{ type: "missing", loc: ["body", "token"], msg: "Field required", input: null }] })
    },
    invalid: { ok: false, status: 401, contentType: JSON_TYPE, body: JSON.stringify({ detail: "Invalid or expired token" }) }
  }
} as const satisfies Record<Flavor, Record<string, Extract<LoginResult, { ok: false }>>>

const flavorOfPath = (path: string): Flavor | undefined => (path === LOGIN_PATHS[2] ? 2 : path === LOGIN_PATHS[3] ? 3 : undefined)

/**
 * One login. The token decides the environment (its webserver is the one that answers); a
 * path of the other Airflow major is a 404 there. A token is spent by its first use, whatever
 * the outcome; an unknown, spent or expired token is refused with 401.
 */
export const login = (state: FakeState, input: LoginInput): readonly [LoginResult, FakeState] => {
  const store = storeOf(state)
  const issued = input.formToken === undefined ? undefined : store.tokens.get(input.formToken)
  const env = issued === undefined ? undefined : findEnvironment(state, issued.environmentName)
  const pathFlavor = flavorOfPath(input.path)
  const flavor = env?.flavor ?? pathFlavor ?? 2
  const refusal = (result: Extract<LoginResult, { ok: false }>, next = state): readonly [LoginResult, FakeState] => [
    { ...result, environmentName: env?.name },
    next
  ]
  if (pathFlavor === undefined || pathFlavor !== flavor) return refusal(REFUSALS[flavor].notFound)
  if (input.formToken === undefined || input.formToken === "") return refusal(REFUSALS[flavor].missing)
  if (issued === undefined || env === undefined) return refusal(REFUSALS[flavor].invalid)
  const tokens = new Map(store.tokens)
  tokens.delete(input.formToken)
  if (state.nowMillis > issued.expiresAt) return refusal(REFUSALS[flavor].invalid, { ...state, webserver: { ...store, tokens } })
  const serial = store.serial + 1
  const expiresAt = state.nowMillis + WEB_SESSION_TTL_MS
  const cookieName = flavor === 2 ? "session" : "_token"
  const issuer = issuerName(env.name, state.location)
  const cookieValue = flavor === 2 ? flaskSession(issuer, serial, state.nowMillis) : airflowJwt(issuer, serial, state.nowMillis, expiresAt)
  const live = [...store.sessions].filter(([, session]) => session.expiresAt >= state.nowMillis)
  const sessions = new Map(live).set(cookieValue, { environmentName: env.name, flavor, cookieName, expiresAt })
  const next: WebserverStore = { tokens, sessions, issued: [...store.issued, cookieValue], serial }
  return [
    { ok: true, environmentName: env.name, cookieName, cookieValue, expiresAt },
    { ...state, webserver: next }
  ]
}

/** Every session goes stale at once, as after a webserver restart or 12 hours (tokens stay). */
export const expireWebSessions = (state: FakeState): FakeState =>
  state.webserver === undefined ? state : { ...state, webserver: { ...state.webserver, sessions: new Map() } }

export const issuedCredentials = (state: FakeState): ReadonlyArray<string> => storeOf(state).issued
