import type { ManagedRuntime } from "effect"
import type { FakeMwaa, FakeSeed } from "../../../src/adapters/fake-mwaa/index.js"
import type { BackendPorts } from "../../../src/ports/BackendPorts.js"

/**
 * The AWS service a request was addressed to (by its route), named by its SigV4 signing name;
 * "webserver" for the environments' Airflow webservers, which take no signature.
 */
export type Service = "airflow" | "logs" | "s3" | "webserver" | "unknown"

/** The operations the HTTP fake answers; "Unknown" for any other route or X-Amz-Target. */
export type Operation =
  | "ListEnvironments"
  | "GetEnvironment"
  | "CreateEnvironment"
  | "UpdateEnvironment"
  | "DeleteEnvironment"
  | "InvokeRestApi"
  | "CreateWebLoginToken"
  /** POST /aws_mwaa/login (Airflow 2) or /pluginsv2/aws_mwaa/login (Airflow 3) on the webserver. */
  | "WebLogin"
  /** /api/v1/... or /api/v2/... on the webserver, behind the login's cookie or bearer. */
  | "AirflowWebserver"
  | "DescribeLogStreams"
  | "GetLogEvents"
  | "GetObject"
  | "Unknown"

/** The faults the fake can inject in place of (or on top of) the real answer. */
export type FaultKind = "throttle" | "fail" | "delay" | "malformed" | "html" | "reset" | "rateLimit"

/** One request as the fake received and answered it. */
export interface RequestRecord {
  /** The service the route belongs to. */
  readonly service: Service
  /** The service named in the SigV4 credential scope, when the request was signed. */
  readonly signingService?: string | undefined
  /** The region named in the SigV4 credential scope, when the request was signed. */
  readonly region?: string | undefined
  readonly accessKeyId?: string | undefined
  readonly operation: Operation
  /**
   * InvokeRestApi's Method and Path when relevant; for AirflowWebserver the HTTP method and the
   * Airflow path without its /api/vN prefix (as sent, query excluded); else the HTTP method and path.
   */
  readonly method: string
  readonly path: string
  readonly httpMethod: string
  readonly httpPath: string
  /** The Host header as sent: "env.", "api." prefixes show when the client did not disable them. */
  readonly host?: string | undefined
  /** The User-Agent header as sent. */
  readonly userAgent?: string | undefined
  readonly environmentName?: string | undefined
  /** The HTTP status answered; 0 when the connection was reset instead. */
  readonly status: number
  /** The error type answered (x-amzn-errortype, __type or the S3 error Code), when an error. */
  readonly errorType?: string | undefined
  /** The injected fault that shaped the answer, if any. */
  readonly fault?: FaultKind | undefined
}

/** Which requests a fault applies to: one operation (default InvokeRestApi) or "*" for any. */
export interface FaultTarget {
  readonly api?: Operation | "*" | undefined
}

export interface FailOptions extends FaultTarget {
  readonly status: 500 | 502 | 503 | 504
  /**
   * How InvokeRestApi reports it: RestApiServerException (HTTP 400, Airflow's status in
   * RestApiStatusCode; the default) or InternalServerException (HTTP `status`).
   */
  readonly as?: "RestApiServerException" | "InternalServerException" | undefined
}

export interface RateLimitOptions extends FaultTarget {
  /** Tokens added per second. */
  readonly perSecond: number
  /** Bucket size: how many calls may arrive at once. */
  readonly burst: number
}

export interface HttpFakeOptions {
  /** The in-memory fake's seed (default: the demo seed with demo-airflow-2 and demo-airflow-3). */
  readonly seed?: FakeSeed | undefined
  /** The region requests must be signed for (default us-east-1). */
  readonly region?: string | undefined
  /** Port on 127.0.0.1 (default 0: a free one). */
  readonly port?: number | undefined
}

/** A running loopback MWAA: point AWS SDK clients' `endpoint` at `url`. */
export interface HttpFake {
  /** http://127.0.0.1:PORT */
  readonly url: string
  readonly region: string
  /** The Effect runtime of the in-memory fake behind the server (the backend's ports and the FakeMwaa inspector). */
  readonly runtime: ManagedRuntime.ManagedRuntime<BackendPorts | FakeMwaa, never>
  readonly requests: () => ReadonlyArray<RequestRecord>
  readonly clearRequests: () => void
  /** ThrottlingException for the next n matching calls. */
  readonly throttleNext: (n: number, target?: FaultTarget) => void
  /** ThrottlingException for every matching call until reset(). */
  readonly throttleAlways: (target?: FaultTarget) => void
  /** A 5xx for the next n matching calls. */
  readonly failNext: (n: number, options: FailOptions) => void
  /** Hold the next matching answer for ms milliseconds (real time). */
  readonly delayNext: (ms: number, target?: FaultTarget) => void
  /** Answer the next matching call with its real answer cut short: invalid JSON (the call itself runs). */
  readonly malformedNext: (target?: FaultTarget) => void
  /** Answer the next matching call with a proxy's HTML 502 page (the call does not run). */
  readonly htmlNext: (target?: FaultTarget) => void
  /** Destroy the socket of the next matching call (by default before it runs; `processed` runs it first). */
  readonly resetConnectionNext: (target?: FaultTarget & { readonly processed?: boolean | undefined }) => void
  /** A token bucket per environment (or per operation) for matching calls; undefined turns it off. */
  readonly rateLimit: (options: RateLimitOptions | undefined) => void
  /** Make every webserver session stale: the next REST call with its cookie or bearer is a 401. */
  readonly expireWebSessions: () => void
  /** Every WebToken, `session` cookie and `_token` JWT handed out so far, for leak checks. */
  readonly issuedCredentials: () => ReadonlyArray<string>
  /** Drop every injected fault and the rate limit (the state and request log stay). */
  readonly reset: () => void
  readonly close: () => Promise<void>
}
