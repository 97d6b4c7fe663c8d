import { isThrottlingError } from "@smithy/core/retry"
import { MwaaError, type MwaaErrorReason } from "../../ports/MwaaError.js"

/**
 * One mapping from whatever an AWS SDK call rejects with (a modelled exception, a common AWS
 * error such as ThrottlingException, an S3 or CloudWatch error, a Node network error) to the
 * port's MwaaError. Error types decide first; the HTTP status only when the type is unknown,
 * because MWAA answers RestApiClientException and RestApiServerException both with HTTP 400.
 */

interface SdkErrorLike {
  readonly name?: unknown
  readonly message?: unknown
  readonly code?: unknown
  readonly $metadata?: { readonly httpStatusCode?: number | undefined } | undefined
  readonly $response?: { readonly statusCode?: number | undefined } | undefined
  readonly $retryable?: { readonly throttling?: boolean | undefined } | undefined
  readonly RestApiStatusCode?: unknown
  readonly RestApiResponse?: unknown
}

const BY_NAME: Readonly<Record<string, MwaaErrorReason>> = {
  ValidationException: "Validation",
  InvalidParameterException: "Validation", // CloudWatch Logs
  InvalidParameterValueException: "Validation",
  InvalidRequest: "Validation", // S3
  // MWAA Serverless: the request is well formed but cannot be done now or at all; its message says why.
  ConflictException: "Validation", // e.g. stopping a run that has ended, a client token reused with other input
  ServiceQuotaExceededException: "Validation", // too many runs for the account's quota: a limit, not a rate, so not retried
  AccessDeniedException: "AccessDenied",
  AccessDenied: "AccessDenied", // S3
  UnrecognizedClientException: "AccessDenied",
  InvalidClientTokenId: "AccessDenied",
  InvalidAccessKeyId: "AccessDenied",
  ExpiredToken: "AccessDenied",
  ExpiredTokenException: "AccessDenied",
  SignatureDoesNotMatch: "AccessDenied",
  InvalidSignatureException: "AccessDenied",
  CredentialsProviderError: "AccessDenied", // no credentials found by the provider chain
  ResourceNotFoundException: "NotFound",
  NoSuchKey: "NotFound", // S3
  NoSuchBucket: "NotFound",
  NotFound: "NotFound",
  // The SDK counts these transient; the domain retry policy retries reads on them.
  InternalServerException: "Unavailable",
  ServiceUnavailableException: "Unavailable",
  TimeoutError: "Timeout", // the Node request handler's connection/request timeouts
  OperationTimeoutException: "Timeout", // MWAA Serverless (504): the service gave up on the operation
  RequestTimeout: "Timeout",
  RequestTimeoutException: "Timeout"
}

const TIMEOUT_CODES = new Set(["ETIMEDOUT", "ESOCKETTIMEDOUT"])
/** Node network errors after which the same request may well succeed. */
const TRANSIENT_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "EAI_AGAIN",
  "ENOTFOUND",
  "ECONNABORTED",
  "EHOSTUNREACH",
  "ENETUNREACH"
])

const text = (value: unknown): string | undefined => (typeof value === "string" && value.length > 0 ? value : undefined)

/**
 * Airflow's `detail` (or the body) for the message, whole: it is masked, then cut, where it is
 * rendered (app/tool-errors.ts); a cut here, before masking, could show part of a secret.
 */
const summary = (body: unknown): string => {
  const detail = typeof body === "object" && body !== null ? (body as Record<string, unknown>)["detail"] : undefined
  return typeof detail === "string" ? detail : (JSON.stringify(detail ?? body) ?? "")
}

export const toMwaaError =
  (operation: string) =>
  (cause: unknown): MwaaError => {
    if (cause instanceof MwaaError) return cause
    const e: SdkErrorLike = typeof cause === "object" && cause !== null ? cause : { message: String(cause) }
    const name = text(e.name) ?? "Error"
    const detail = text(e.message) ?? "no message"
    // An answer with no error type is named by its HTTP status alone (e.g. a proxy's "502").
    const message = `${/^\d{3}$/.test(name) ? `HTTP ${name}` : name}: ${detail}`
    const make = (reason: MwaaErrorReason, extra: { airflowStatus?: number; airflowBody?: unknown } = {}) =>
      new MwaaError({ reason, operation, message, ...extra })

    if (name === "RestApiClientException" || name === "RestApiServerException") {
      const status = typeof e.RestApiStatusCode === "number" ? e.RestApiStatusCode : undefined
      return new MwaaError({
        reason: name === "RestApiClientException" ? "AirflowClientError" : "AirflowServerError",
        operation,
        message: `${name}: Airflow answered ${status ?? "?"}: ${summary(e.RestApiResponse)}`,
        ...(status !== undefined && { airflowStatus: status }),
        ...(e.RestApiResponse !== undefined && { airflowBody: e.RestApiResponse })
      })
    }
    const httpStatus = e.$metadata?.httpStatusCode ?? e.$response?.statusCode
    // The SDK's own list of throttling codes (Throttling, TooManyRequestsException, SlowDown, ...) and HTTP 429.
    if (isThrottlingError({ name, $metadata: { httpStatusCode: httpStatus }, $retryable: e.$retryable } as never)) {
      return make("Throttled")
    }
    // Before the names: the Node handler reports a reset socket as a "TimeoutError" named "socket hang up".
    if ((typeof e.code === "string" && TRANSIENT_CODES.has(e.code)) || /socket hang up/i.test(detail)) return make("Unavailable")
    const byName = BY_NAME[name]
    if (byName !== undefined) return make(byName)
    if (typeof e.code === "string" && TIMEOUT_CODES.has(e.code)) return make("Timeout")
    if (httpStatus === 500 || httpStatus === 502 || httpStatus === 503 || httpStatus === 504) return make("Unavailable")
    if (httpStatus === 401 || httpStatus === 403) return make("AccessDenied")
    if (httpStatus === 404) return make("NotFound")
    if (httpStatus === 400) return make("Validation")
    return make("Internal")
  }
