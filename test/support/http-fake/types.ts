import type { ManagedRuntime } from "effect"
import type { FakeMwaa, FakeSeed } from "../../../src/adapters/fake-mwaa/index.js"
import type { ServerlessOperation, ServerlessSeed, ServerlessState } from "../../../src/adapters/fake-mwaa-serverless/index.js"
import type { BackendPorts } from "../../../src/ports/BackendPorts.js"

/**
 * The AWS service a request was addressed to (by its route), named by its SigV4 signing name;
 * "webserver" for the environments' Airflow webservers, which take no signature.
 */
export type Service = "airflow" | "airflow-serverless" | "logs" | "s3" | "sts" | "webserver" | "unknown"

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
  /** STS (awsQuery): temporary keys of a role's account, and who the caller is. */
  | "AssumeRole"
  | "GetCallerIdentity"
  /** MWAA Serverless (awsJson1_0): the X-Amz-Target as sent. */
  | `AmazonMWAAServerless.${ServerlessOperation}`
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
  /**
   * The account of the world that answered (MWAA, CloudWatch Logs, S3, the webservers); for STS,
   * the caller's. Absent when the request was refused before any world was chosen.
   */
  readonly account?: string | undefined
  /**
   * AssumeRole: the RoleArn asked for. Any other signed call: the role whose temporary key signed
   * it. (Secret keys and session tokens are never recorded.)
   */
  readonly roleArn?: string | undefined
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
  /** InvokeRestApi and AirflowWebserver: Airflow's own status and body inside the reply (airflow-answer.ts). */
  readonly airflowAnswer?: AirflowAnswer | undefined
}

/** Airflow's answer as the REST API gave it, before MWAA wrapped it. */
export interface AirflowAnswer {
  readonly status: number
  readonly body: unknown
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
  /**
   * Whose bucket a call takes from: its environment's (the default), or its account's in its
   * region, shared by every environment there and every client signing for that account, as an
   * AWS account's quota is (calls with no world, such as STS, keep one bucket per operation).
   */
  readonly per?: "environment" | "account" | undefined
}

/** One account's MWAA in one region: its own in-memory fake, whose ARNs name them. */
export interface WorldSeed {
  readonly account: string
  readonly region: string
  readonly seed: FakeSeed
  /** The world's MWAA Serverless workflows (default: none). */
  readonly serverless?: ServerlessSeed | undefined
}

/** An IAM role AssumeRole may hand out keys for (its account is the one its ARN names). */
export interface FakeRole {
  /** arn:aws:iam::ACCOUNT:role/[path/]NAME */
  readonly arn: string
  /** When set, AssumeRole must send exactly this ExternalId (sts:ExternalId in the trust policy). */
  readonly externalId?: string | undefined
  /** The callers' accounts the trust policy names (default: any account). */
  readonly trustedAccounts?: ReadonlyArray<string> | undefined
  /** MaxSessionDuration in seconds (default 3600): DurationSeconds above it is a ValidationError. */
  readonly maxSessionDuration?: number | undefined
}

export interface HttpFakeOptions {
  /**
   * One world (account 123456789012): the in-memory fake's seed (default: the demo seed with
   * demo-airflow-2 and demo-airflow-3). Not together with `worlds`.
   */
  readonly seed?: FakeSeed | undefined
  /** One world: its MWAA Serverless workflows (default: the demo's). Not together with `worlds`. */
  readonly serverless?: ServerlessSeed | undefined
  /** One world: the region requests must be signed for (default us-east-1); others are refused. */
  readonly region?: string | undefined
  /**
   * Several worlds, answered by the signer's account and the credential scope's region; any
   * other (account, region) is an empty world, made on first use. The first is the default world.
   */
  readonly worlds?: ReadonlyArray<WorldSeed> | undefined
  /** Long-term access keys and their accounts; any other non-temporary key is the default world's account. */
  readonly accessKeys?: Readonly<Record<string, string>> | undefined
  /** The roles STS AssumeRole knows; any other RoleArn is AccessDenied. */
  readonly roles?: ReadonlyArray<FakeRole> | undefined
  /** Port on 127.0.0.1 (default 0: a free one). */
  readonly port?: number | undefined
}

/** What tests can reach of one world. */
export interface HttpFakeWorld {
  readonly account: string
  readonly region: string
  /** The Effect runtime of this world's in-memory fake (the backend's ports and the FakeMwaa inspector). */
  readonly runtime: ManagedRuntime.ManagedRuntime<BackendPorts | FakeMwaa, never>
  /** This world's MWAA Serverless state (workflows, runs, ClientTokens seen). */
  readonly serverless: ServerlessState
  /** Make every webserver session of this world stale. */
  readonly expireWebSessions: () => void
  /** Every WebToken, `session` cookie and `_token` JWT this world handed out. */
  readonly issuedCredentials: () => ReadonlyArray<string>
}

/** A running loopback MWAA: point AWS SDK clients' `endpoint` at `url`. */
export interface HttpFake {
  /** http://127.0.0.1:PORT */
  readonly url: string
  /** The default world's region and account. */
  readonly region: string
  readonly account: string
  /** The default world's Effect runtime (the backend's ports and the FakeMwaa inspector). */
  readonly runtime: ManagedRuntime.ManagedRuntime<BackendPorts | FakeMwaa, never>
  /** The world of an account and region (an empty one is made if none is there yet). */
  readonly world: (account: string, region: string) => HttpFakeWorld
  /** Every world so far, the seeded ones first, then those made on demand. */
  readonly worlds: () => ReadonlyArray<HttpFakeWorld>
  /** Every temporary key AssumeRole issued so far answers ExpiredToken from now on. */
  readonly expireTemporaryCredentials: () => void
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
  /**
   * A token bucket per environment (or per operation), or with `per: "account"` one per account and
   * region, for matching calls; beyond it, the service's throttling answer. Undefined turns it off.
   */
  readonly rateLimit: (options: RateLimitOptions | undefined) => void
  /** Make every webserver session (of every world) stale: the next REST call with its cookie or bearer is a 401. */
  readonly expireWebSessions: () => void
  /**
   * Every WebToken, `session` cookie and `_token` JWT handed out so far (in every world), and
   * every SecretAccessKey and SessionToken AssumeRole issued: for leak checks.
   */
  readonly issuedCredentials: () => ReadonlyArray<string>
  /** Drop every injected fault and the rate limit (the state and request log stay). */
  readonly reset: () => void
  readonly close: () => Promise<void>
}
