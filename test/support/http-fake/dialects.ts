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

const FAILURE_TYPES: Readonly<Record<number, string>> = { 503: "ServiceUnavailableException" }

const mwaa: Dialect = {
  unsigned: (failure) => restJson(403, { message: failure.message }, signingType(failure)),
  throttled: () => restJson(429, { message: "Rate exceeded" }, "ThrottlingException"),
  failed: (status) => restJson(status, { message: "Internal server error" }, "InternalServerException"),
  unknownOperation: (what) => restJson(404, { message: `No operation matches ${what}` }, "UnknownOperationException")
}

const logs: Dialect = {
  unsigned: (failure) => awsJsonError(403, signingType(failure), failure.message),
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
  unsigned: mwaa.unsigned,
  throttled: () => ({ ...balancerPage(429, "TooManyRequests"), body: "<html><body><h1>429 Too Many Requests</h1></body></html>" }),
  failed: (status) => balancerPage(status, "ServerError"),
  unknownOperation: () => ({
    status: 405,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ detail: "Method Not Allowed" }),
    errorType: "MethodNotAllowed"
  })
}

const unknown: Dialect = {
  ...mwaa,
  unknownOperation: (what) => restJson(404, { message: `Not Found: ${what}` }, "UnknownOperationException")
}

export const dialectOf = (service: Service): Dialect =>
  service === "airflow" ? mwaa : service === "logs" ? logs : service === "s3" ? s3 : service === "webserver" ? webserver : unknown
