import type { Either } from "effect"
import type { RestMethod } from "../../ports/AirflowApi.js"
import type { AirflowFailure } from "./airflow-errors.js"
import type { BodySpec } from "./request-body.js"
import type { QuerySpec } from "./request-query.js"
import type { EnvironmentRecord } from "./state.js"

/** What a route handler gets: the environment, decoded path parameters, typed query and body. */
export interface RouteInput {
  readonly env: EnvironmentRecord
  readonly params: Readonly<Record<string, string>>
  readonly query: Readonly<Record<string, unknown>>
  readonly body: Readonly<Record<string, unknown>>
  /** The fake clock, stored form ("2026-11-25T09:30:00+00:00"). */
  readonly now: string
}

/** Airflow's success answer, and the environment as the call left it (writes only). */
export interface Routed {
  readonly status: number
  readonly body: unknown
  readonly next?: EnvironmentRecord | undefined
}

export type Handler = (input: RouteInput) => Either.Either<Routed, AirflowFailure>

/** One Airflow endpoint: path template relative to /api/v1 or /api/v2, e.g. "/dags/{dag_id}". */
export interface RouteSpec {
  readonly method: RestMethod
  readonly path: string
  /** The query parameters it reads; a function when they changed between releases. */
  readonly query?: QuerySpec | ((env: EnvironmentRecord) => QuerySpec) | undefined
  /**
   * Present for endpoints that take a JSON body; validated before the handler runs. A function when
   * the keys a body may carry changed between releases (v2 bodies are extra="forbid").
   */
  readonly body?: BodySpec | ((env: EnvironmentRecord) => BodySpec) | undefined
  /** Airflow 2 title of the 400 for a bad body (defaults to "Bad Request"). */
  readonly bodyTitle?: string | undefined
  /** The first Airflow release that serves it ([3, 1] for human-in-the-loop); older ones answer 404. */
  readonly since?: readonly [major: number, minor: number] | undefined
  readonly handler: Handler
}

export const ok = (body: unknown, next?: EnvironmentRecord): Routed => ({ status: 200, body, next })
