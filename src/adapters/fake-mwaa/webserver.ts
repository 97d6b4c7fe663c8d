import type { Either } from "effect"
import type { RestMethod, RestResponse } from "../../ports/AirflowApi.js"
import type { MwaaError } from "../../ports/MwaaError.js"
import { type AirflowFailure, httpException, problem, routeNotFound } from "./airflow-errors.js"
import { routeAirflow } from "./invoke.js"
import { type EnvironmentRecord, type FakeState, type Flavor, findEnvironment } from "./state.js"
import { webserverHostname } from "./webserver-credentials.js"
import { storeOf } from "./webserver-login.js"

/**
 * The environment's webserver serving its REST API: /api/v1 on Airflow 2 with the `session`
 * cookie, /api/v2 on Airflow 3 with the `_token` JWT as a bearer. No Path limit: past the
 * credential check, the call goes to the same Airflow router InvokeRestApi reaches.
 */
export interface WebCredentials {
  readonly cookies: Readonly<Record<string, string>>
  /** The Authorization header as sent. */
  readonly authorization?: string | undefined
}

export interface ServeInput extends WebCredentials {
  /** The Host the request addressed; when it names no webserver, the credential's environment answers. */
  readonly hostname?: string | undefined
  readonly method: RestMethod
  /** With its /api/v1 or /api/v2 prefix. */
  readonly path: string
  readonly queryParameters?: Readonly<Record<string, unknown>> | undefined
  readonly body?: unknown
}

/** Airflow's answer, or the webserver's refusal before Airflow's router saw the call. */
export type Served =
  | {
      readonly kind: "airflow"
      readonly environmentName: string
      /** The path Airflow routed, without its /api/vN prefix. */
      readonly path: string
      readonly result: Either.Either<RestResponse, MwaaError>
    }
  | { readonly kind: "refused"; readonly environmentName?: string | undefined; readonly status: number; readonly body: unknown }

export const API_PREFIXES: Readonly<Record<Flavor, string>> = { 2: "/api/v1", 3: "/api/v2" }

const prefixFlavor = (path: string): Flavor | undefined =>
  path.startsWith(`${API_PREFIXES[2]}/`) ? 2 : path.startsWith(`${API_PREFIXES[3]}/`) ? 3 : undefined

const cookieOrBearer = (flavor: Flavor, credentials: WebCredentials): string | undefined => {
  if (flavor === 2) return credentials.cookies["session"]
  const match = /^Bearer\s+(\S+)$/i.exec(credentials.authorization ?? "")
  return match?.[1]
}

/**
 * Airflow 2 answers a missing or unknown session with connexion's Unauthenticated problem;
 * Airflow 3 (FastAPI's OAuth2 bearer) with "Not authenticated", or "Invalid JWT token" when
 * the JWT is not one this webserver issued or has expired.
 */
const unauthenticated = (flavor: Flavor, sent: boolean): AirflowFailure =>
  flavor === 2 ? problem(401, undefined, null) : httpException(401, sent ? "Invalid JWT token" : "Not authenticated")

/** The webserver a request reaches: the one its Host names, else the one that issued its credential. */
export const environmentOf = (
  state: FakeState,
  input: Pick<ServeInput, "hostname" | "cookies" | "authorization">
): EnvironmentRecord | undefined => {
  const host = input.hostname?.toLowerCase().replace(/:\d+$/, "")
  const addressed =
    host === undefined ? undefined : state.environments.find((env) => webserverHostname(env, state.location).toLowerCase() === host)
  if (addressed !== undefined) return addressed
  const store = storeOf(state)
  const session = store.sessions.get(input.cookies["session"] ?? "") ?? store.sessions.get(cookieOrBearer(3, input) ?? "")
  return session === undefined ? undefined : findEnvironment(state, session.environmentName)
}

export const serve = (state: FakeState, input: ServeInput): readonly [Served, FakeState] => {
  const env = environmentOf(state, input)
  const asked = prefixFlavor(input.path)
  if (env === undefined) {
    // No webserver to speak for: answer as the prefix's Airflow would, or 404 for any other path.
    const failure = asked === undefined ? routeNotFound(2) : unauthenticated(asked, cookieOrBearer(asked, input) !== undefined)
    return [{ kind: "refused", ...failure }, state]
  }
  if (asked !== env.flavor) return [{ kind: "refused", environmentName: env.name, ...routeNotFound(env.flavor) }, state]
  const credential = cookieOrBearer(env.flavor, input)
  const session = credential === undefined ? undefined : storeOf(state).sessions.get(credential)
  const valid =
    session !== undefined && session.environmentName === env.name && session.flavor === env.flavor && state.nowMillis <= session.expiresAt
  if (!valid) return [{ kind: "refused", environmentName: env.name, ...unauthenticated(env.flavor, credential !== undefined) }, state]
  const path = input.path.slice(API_PREFIXES[env.flavor].length)
  const request = { environmentName: env.name, method: input.method, path, queryParameters: input.queryParameters, body: input.body }
  const [result, next] = routeAirflow(state, request, "Webserver")
  return [{ kind: "airflow", environmentName: env.name, path, result }, next]
}
