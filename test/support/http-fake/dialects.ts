import { awsQueryError } from "./query-wire.js"
import { serverlessDialect } from "./serverless-routes.js"
import type { SigningFailure } from "./sigv4.js"
import type { Service } from "./types.js"
import { type Reply, awsJsonError, restJson, s3Error } from "./wire.js"

/**
 * How each service words the errors every operation can meet: a refused signature,
 * throttling, a 5xx, an operation it does not know. MWAA's ThrottlingException is not in
 * its model: it arrives as the common AWS error, HTTP 429.
 */
export interface Dialect {
  readonly unsigned: (failure: SigningFailure) => Reply
  /** A temporary key sent without its session token, or with another one. */
  readonly invalidToken: () => Reply
  /** A temporary key past its expiry. */
  readonly expiredToken: () => Reply
  readonly throttled: () => Reply
  readonly failed: (status: number) => Reply
  readonly unknownOperation: (what: string) => Reply
}

const signingType = (failure: SigningFailure) =>
  failure.kind === "missing"
    ? "MissingAuthenticationTokenException"
    : failure.kind === "incomplete"
      ? "IncompleteSignatureException"
      : "InvalidSignatureException"

const INVALID_TOKEN = "The security token included in the request is invalid."
const EXPIRED_TOKEN = "The security token included in the request is expired"

const FAILURE_TYPES: Readonly<Record<number, string>> = { 503: "ServiceUnavailableException" }

const mwaa: Dialect = {
  unsigned: (failure) => restJson(403, { message: failure.message }, signingType(failure)),
  invalidToken: () => restJson(403, { message: INVALID_TOKEN }, "UnrecognizedClientException"),
  expiredToken: () => restJson(403, { message: EXPIRED_TOKEN }, "ExpiredTokenException"),
  throttled: () => restJson(429, { message: "Rate exceeded" }, "ThrottlingException"),
  failed: (status) => restJson(status, { message: "Internal server error" }, "InternalServerException"),
  unknownOperation: (what) => restJson(404, { message: `No operation matches ${what}` }, "UnknownOperationException")
}

const logs: Dialect = {
  unsigned: (failure) => awsJsonError(403, signingType(failure), failure.message),
  invalidToken: () => awsJsonError(403, "UnrecognizedClientException", INVALID_TOKEN),
  expiredToken: () => awsJsonError(403, "ExpiredTokenException", EXPIRED_TOKEN),
  throttled: () => awsJsonError(400, "ThrottlingException", "Rate exceeded"),
  failed: (status) =>
    awsJsonError(status, FAILURE_TYPES[status] ?? "ServiceUnavailableException", "The service cannot complete the request."),
  unknownOperation: (what) => awsJsonError(400, "UnknownOperationException", `Unknown operation ${what}`)
}

const s3: Dialect = {
  unsigned: (failure) =>
    failure.kind === "missing"
      ? s3Error(403, "AccessDenied", "Access Denied")
      : failure.kind === "incomplete"
        ? s3Error(403, "AuthorizationHeaderMalformed", `The authorization header is malformed; ${failure.message}`)
        : s3Error(
            403,
            "SignatureDoesNotMatch",
            `The request signature we calculated does not match the signature you provided. ${failure.message}`
          ),
  invalidToken: () => s3Error(400, "InvalidToken", "The provided token is malformed or otherwise invalid."),
  expiredToken: () => s3Error(400, "ExpiredToken", "The provided token has expired."),
  throttled: () => s3Error(503, "SlowDown", "Please reduce your request rate."),
  failed: (status) =>
    status === 503
      ? s3Error(503, "ServiceUnavailable", "Service is unable to handle request.")
      : s3Error(status, "InternalError", "We encountered an internal error. Please try again."),
  unknownOperation: (what) =>
    s3Error(501, "NotImplemented", `A header or query you provided implies functionality that is not implemented (${what}).`)
}

const STATUS_TITLES: Readonly<Record<number, string>> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Temporarily Unavailable",
  504: "Gateway Time-out"
}

/** The load balancer in front of an Airflow webserver: HTML pages for its own failures. */
const balancerPage = (status: number, errorType: string): Reply => {
  const title = `${status} ${STATUS_TITLES[status] ?? "Error"}`
  return {
    status,
    headers: { "content-type": "text/html" },
    body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`,
    errorType
  }
}

/** An Airflow webserver (unsigned): throttling and failures come from its load balancer, unknown routes from Airflow. */
const webserver: Dialect = {
  ...mwaa,
  throttled: () => ({ ...balancerPage(429, "TooManyRequests"), body: "<html><body><h1>429 Too Many Requests</h1></body></html>" }),
  failed: (status) => balancerPage(status, "ServerError"),
  unknownOperation: () => ({
    status: 405,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ detail: "Method Not Allowed" }),
    errorType: "MethodNotAllowed"
  })
}

/** STS (awsQuery): XML errors with a Type, a Code and a Message. */
const sts: Dialect = {
  unsigned: (failure) =>
    failure.kind === "missing"
      ? awsQueryError(403, "MissingAuthenticationToken", "Request is missing Authentication Token")
      : failure.kind === "incomplete"
        ? awsQueryError(400, "IncompleteSignature", failure.message)
        : awsQueryError(403, "SignatureDoesNotMatch", failure.message),
  invalidToken: () => awsQueryError(403, "InvalidClientTokenId", INVALID_TOKEN),
  expiredToken: () => awsQueryError(403, "ExpiredToken", EXPIRED_TOKEN),
  throttled: () => awsQueryError(400, "Throttling", "Rate exceeded"),
  failed: (status) =>
    status === 503
      ? awsQueryError(503, "ServiceUnavailable", "Service is unable to handle request.", "Receiver")
      : awsQueryError(status, "InternalFailure", "The request processing has failed because of an unknown error.", "Receiver"),
  unknownOperation: (what) => awsQueryError(400, "InvalidAction", `Could not find operation ${what} for version 2011-06-15`)
}

const unknown: Dialect = {
  ...mwaa,
  unknownOperation: (what) => restJson(404, { message: `Not Found: ${what}` }, "UnknownOperationException")
}

const DIALECTS: Readonly<Record<Service, Dialect>> = {
  airflow: mwaa,
  "airflow-serverless": serverlessDialect,
  logs,
  s3,
  sts,
  webserver,
  unknown
}

export const dialectOf = (service: Service): Dialect => DIALECTS[service]
