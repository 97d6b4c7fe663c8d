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

export interface LogStream {
  readonly logStreamName: string
  readonly lastEventTimestamp?: number | undefined
  readonly storedBytes?: number | undefined
}

export interface LogEvent {
  readonly timestamp: number
  readonly message: string
}

export interface LogEventsPage {
  readonly events: ReadonlyArray<LogEvent>
  /** GetLogEvents' nextBackwardToken: pass it back to read further towards the start. */
  readonly nextBackwardToken?: string | undefined
}

/** Airflow, task logs and DAG files in AWS (environments are the Environments port's). Implemented by the AWS SDK adapter and by the fake. */
export class MwaaGateway extends Context.Tag("mwaa-mcp/MwaaGateway")<
  MwaaGateway,
  {
    readonly invokeRestApi: (request: RestRequest) => Effect.Effect<RestResponse, MwaaError>
    /**
     * The same call through the environment's webserver, for paths InvokeRestApi cannot take (over
     * 64 characters). Airflow's 4xx/5xx come back as AirflowClientError/AirflowServerError with
     * airflowStatus and airflowBody, exactly as through InvokeRestApi.
     */
    readonly webserverRestApi: (request: WebserverRequest) => Effect.Effect<RestResponse, MwaaError>
    /** CloudWatch Logs DescribeLogStreams with logStreamNamePrefix. */
    readonly findLogStreams: (logGroupArn: string, prefix: string) => Effect.Effect<ReadonlyArray<LogStream>, MwaaError>
    /** CloudWatch Logs GetLogEvents with startFromHead=false: the newest events first page, then backwards. */
    readonly readLogEventsBackward: (
      logGroupArn: string,
      logStreamName: string,
      options: { readonly nextToken?: string | undefined; readonly limit?: number | undefined }
    ) => Effect.Effect<LogEventsPage, MwaaError>
    /** S3 GetObject of a DAG file, decoded as UTF-8 text. */
    readonly readDagFile: (bucketArn: string, key: string) => Effect.Effect<string, MwaaError>
  }
>() {}
