import { Context, type Effect } from "effect"
import type { MwaaError } from "./MwaaError.js"

/** A method Airflow's REST API accepts through InvokeRestApi. */
export type RestMethod = "GET" | "PUT" | "POST" | "PATCH" | "DELETE"

/** One Airflow REST call to an environment. Path has no /api/v1 or /api/v2 prefix. */
export interface RestRequest {
  readonly environmentName: string
  readonly method: RestMethod
  /** At most 64 characters through InvokeRestApi: MWAA rejects longer paths with ValidationException. */
  readonly path: string
  readonly queryParameters?: Readonly<Record<string, unknown>> | undefined
  readonly body?: unknown
}

/**
 * One Airflow REST call through the environment's webserver: the route AWS documents for the full
 * REST API (CreateWebLoginToken, then a login on the webserver, then /api/v1 with the `session`
 * cookie on Airflow 2 or /api/v2 with the `_token` JWT as a bearer on Airflow 3). Path has no
 * /api/vN prefix and no length limit. The login and its credentials stay inside the adapter.
 */
export interface WebserverRequest extends RestRequest {
  /** Which login flow and REST prefix the webserver speaks. */
  readonly airflowMajor: 2 | 3
}

/** Airflow's answer: its status code and the decoded JSON document (or text) it sent. */
export interface RestResponse {
  readonly status: number
  readonly body: unknown
}

/**
 * The way the domain planned for one call: mwaa:InvokeRestApi (a path of at most 64 characters),
 * or the environment's webserver, whose login flow depends on the Airflow major version.
 */
export type AirflowRoute = { readonly _tag: "InvokeRestApi" } | { readonly _tag: "Webserver"; readonly airflowMajor: 2 | 3 }

/**
 * Airflow's REST API of an environment. Airflow's 4xx/5xx come back as MwaaError
 * (AirflowClientError/AirflowServerError with airflowStatus and airflowBody) on either route.
 * Implemented by the AWS SDK adapter and by the in-memory fake.
 */
export class AirflowApi extends Context.Tag("mwaa-mcp/AirflowApi")<
  AirflowApi,
  {
    readonly send: (route: AirflowRoute, request: RestRequest) => Effect.Effect<RestResponse, MwaaError>
  }
>() {}
