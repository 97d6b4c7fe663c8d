import { Context, type Effect } from "effect"
import type { MwaaError } from "./MwaaError.js"

/** A method Airflow's REST API accepts through InvokeRestApi. */
export type RestMethod = "GET" | "PUT" | "POST" | "PATCH" | "DELETE"

/** One Airflow REST call, sent through mwaa:InvokeRestApi. Path has no /api/v1 or /api/v2 prefix. */
export interface RestRequest {
  readonly environmentName: string
  readonly method: RestMethod
  /** At most 64 characters: MWAA rejects longer paths with ValidationException. */
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

/** Airflow's answer: RestApiStatusCode and the decoded RestApiResponse document. */
export interface RestResponse {
  readonly status: number
  readonly body: unknown
}

/** What GetEnvironment tells us. Members follow the MWAA model's names; unknown members are kept in `raw`. */
export interface Environment {
  readonly Name: string
  readonly Arn?: string | undefined
  readonly Status?: string | undefined
  readonly AirflowVersion?: string | undefined
  readonly EnvironmentClass?: string | undefined
  readonly SourceBucketArn?: string | undefined
  readonly DagS3Path?: string | undefined
  readonly WebserverUrl?: string | undefined
  readonly LoggingConfiguration?:
    | {
        readonly TaskLogs?:
          | {
              readonly Enabled?: boolean | undefined
              readonly LogLevel?: string | undefined
              readonly CloudWatchLogGroupArn?: string | undefined
            }
          | undefined
      }
    | undefined
  readonly LastUpdate?:
    | {
        readonly Status?: string | undefined
        readonly Error?: { readonly ErrorCode?: string | undefined; readonly ErrorMessage?: string | undefined } | undefined
      }
    | undefined
  /** Every member GetEnvironment returned, including those not typed above. */
  readonly raw: Readonly<Record<string, unknown>>
}

/** Input of Create/UpdateEnvironment: MWAA model member names, passed through as given. */
export type EnvironmentInput = Readonly<Record<string, unknown>> & { readonly Name: string }

/** MWAA and Airflow through it (task logs: TaskLogs; DAG files: DagFiles). Implemented by the AWS SDK adapter and by the fake. */
export class MwaaGateway extends Context.Tag("mwaa-mcp/MwaaGateway")<
  MwaaGateway,
  {
    readonly listEnvironments: () => Effect.Effect<ReadonlyArray<string>, MwaaError>
    readonly getEnvironment: (name: string) => Effect.Effect<Environment, MwaaError>
    readonly createEnvironment: (input: EnvironmentInput) => Effect.Effect<{ readonly Arn?: string | undefined }, MwaaError>
    readonly updateEnvironment: (input: EnvironmentInput) => Effect.Effect<{ readonly Arn?: string | undefined }, MwaaError>
    readonly deleteEnvironment: (name: string) => Effect.Effect<void, MwaaError>
    readonly invokeRestApi: (request: RestRequest) => Effect.Effect<RestResponse, MwaaError>
    /**
     * The same call through the environment's webserver, for paths InvokeRestApi cannot take (over
     * 64 characters). Airflow's 4xx/5xx come back as AirflowClientError/AirflowServerError with
     * airflowStatus and airflowBody, exactly as through InvokeRestApi.
     */
    readonly webserverRestApi: (request: WebserverRequest) => Effect.Effect<RestResponse, MwaaError>
  }
>() {}
