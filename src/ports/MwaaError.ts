import { Schema } from "effect"

/**
 * Why a call to MWAA (or to Airflow through it, or to CloudWatch Logs / S3) failed.
 * One error with a `reason` instead of a zoo of classes: callers branch on the reason,
 * and the tool layer turns any of them into one readable message.
 */
export const MwaaErrorReason = Schema.Literal(
  "NotFound", // ResourceNotFoundException, or Airflow 404
  "AccessDenied", // AccessDeniedException, or Airflow 401/403
  "Validation", // ValidationException (e.g. a Path over 64 characters)
  "Throttled", // ThrottlingException, HTTP 429, or Airflow 429
  "AirflowClientError", // RestApiClientException: Airflow answered 4xx
  "AirflowServerError", // RestApiServerException: Airflow answered 5xx
  "Timeout", // InvokeRestApi's 10-second limit, or a network timeout
  "Unavailable", // a transient failure: 5xx from AWS, ServiceUnavailableException, a reset or refused connection
  "Internal" // anything else: an unreadable answer, an unexpected error
)
export type MwaaErrorReason = typeof MwaaErrorReason.Type

export class MwaaError extends Schema.TaggedError<MwaaError>("mwaa-mcp/MwaaError")("MwaaError", {
  reason: MwaaErrorReason,
  /** The AWS or Airflow operation, e.g. "InvokeRestApi GET /dags". */
  operation: Schema.String,
  message: Schema.String,
  /** The HTTP status Airflow answered with (RestApiStatusCode), when Airflow answered. */
  airflowStatus: Schema.optional(Schema.Number),
  /** Airflow's response body (RestApiResponse), when Airflow answered. */
  airflowBody: Schema.optional(Schema.Unknown),
  /**
   * Set (with reason Unavailable) when the environment's webserver could not be reached at all:
   * refused, unknown host, no answer. The network decides that, not Airflow, so it is not retried.
   */
  webserverUnreachable: Schema.optional(Schema.Literal(true)),
  /** GetEnvironment's WebserverAccessMode (PUBLIC_ONLY, PRIVATE_ONLY), filled in when the webserver was unreachable. */
  webserverAccessMode: Schema.optional(Schema.String),
  /** How many attempts were made, filled in by the retry policy. */
  attempts: Schema.optional(Schema.Number)
}) {}

/** Throttling and transient failures are worth another attempt; nothing else is. */
export const isRetryable = (error: MwaaError): boolean =>
  error.reason === "Throttled" ||
  (error.reason === "Unavailable" && error.webserverUnreachable !== true) ||
  ((error.reason === "AirflowServerError" || error.reason === "AirflowClientError") &&
    (error.airflowStatus === 429 || error.airflowStatus === 502 || error.airflowStatus === 503 || error.airflowStatus === 504))
