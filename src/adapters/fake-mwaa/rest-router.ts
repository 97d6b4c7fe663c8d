import { Either } from "effect"
import type { RestRequest } from "../../ports/AirflowApi.js"
import { type AirflowFailure, methodNotAllowed, routeNotFound } from "./airflow-errors.js"
import { validateBody } from "./request-body.js"
import { parseQuery } from "./request-query.js"
import type { RouteSpec, Routed } from "./rest-types.js"
import { ROUTES_V2 } from "./routes-v2.js"
import { ROUTES_V3 } from "./routes-v3.js"
import { type EnvironmentRecord, servesSince } from "./state.js"

/**
 * Routes one InvokeRestApi call to an Airflow endpoint. Paths are bare (no /api/v1 or /api/v2:
 * MWAA adds the prefix), so "/api/..." matches nothing and is a 404 like any unknown path.
 * Each segment is percent-decoded on its own, so an encoded '/' stays inside its segment.
 */
const templates = new Map<string, ReadonlyArray<string>>()

const segmentsOf = (template: string): ReadonlyArray<string> => {
  const cached = templates.get(template)
  if (cached !== undefined) return cached
  const segments = template.slice(1).split("/")
  templates.set(template, segments)
  return segments
}

const decodeSegments = (path: string): ReadonlyArray<string> | undefined => {
  if (!path.startsWith("/")) return undefined
  try {
    return path.slice(1).split("/").map(decodeURIComponent)
  } catch {
    return undefined
  }
}

/** Path parameters when the template matches (a parameter never matches an empty segment). */
const match = (template: string, segments: ReadonlyArray<string>): Record<string, string> | undefined => {
  const parts = segmentsOf(template)
  if (parts.length !== segments.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? ""
    const segment = segments[i] ?? ""
    if (part.startsWith("{")) {
      if (segment === "") return undefined
      params[part.slice(1, -1)] = segment
    } else if (part !== segment) return undefined
  }
  return params
}

export const routeRequest = (env: EnvironmentRecord, request: RestRequest, now: string): Either.Either<Routed, AirflowFailure> => {
  const routes: ReadonlyArray<RouteSpec> = env.flavor === 2 ? ROUTES_V2 : ROUTES_V3
  const segments = decodeSegments(request.path)
  if (segments === undefined) return Either.left(routeNotFound(env.flavor))
  // Literal templates come first in the tables, so "/dags/~/dagRuns/list" wins over "{dag_id}".
  // An endpoint a later release added is, on this one, a path like any unknown one.
  const candidates = routes.filter((r) => (r.since === undefined || servesSince(env, r.since)) && match(r.path, segments) !== undefined)
  if (candidates.length === 0) return Either.left(routeNotFound(env.flavor))
  const route = candidates.find((r) => r.method === request.method)
  if (route === undefined) return Either.left(methodNotAllowed(env.flavor))
  const params = match(route.path, segments) ?? {}
  return Either.gen(function* () {
    const querySpec = typeof route.query === "function" ? route.query(env) : route.query
    const query = yield* parseQuery(env.flavor, querySpec ?? {}, request.queryParameters)
    const spec = typeof route.body === "function" ? route.body(env) : route.body
    const body = spec === undefined ? {} : yield* validateBody(env.flavor, spec, request.body, { title2: route.bodyTitle })
    return yield* route.handler({ env, params, query, body, now })
  })
}
