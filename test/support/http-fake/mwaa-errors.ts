import type { MwaaError } from "../../../src/ports/MwaaError.js"
import { type Reply, restJson } from "./wire.js"

/**
 * The in-memory fake's MwaaError as MWAA puts it on the wire (restJson1): the type in
 * x-amzn-errortype, the status from the model. Airflow's own 4xx/5xx both come back as HTTP
 * 400 (RestApiClientException / RestApiServerException), told apart only by their type, and
 * carry Airflow's status and body. AccessDeniedException's member is `Message`, capitalized.
 */
const withoutTypePrefix = (message: string) => message.replace(/^(RestApiClientException|RestApiServerException): /, "")

export const mwaaErrorReply = (error: MwaaError): Reply => {
  switch (error.reason) {
    case "NotFound":
      return restJson(404, { message: error.message }, "ResourceNotFoundException")
    case "Validation":
      return restJson(400, { message: error.message }, "ValidationException")
    case "AccessDenied":
      return restJson(403, { Message: error.message }, "AccessDeniedException")
    case "Throttled":
      return restJson(429, { message: error.message }, "ThrottlingException")
    case "AirflowClientError":
    case "AirflowServerError":
      return restJson(
        400,
        { message: withoutTypePrefix(error.message), RestApiStatusCode: error.airflowStatus, RestApiResponse: error.airflowBody },
        error.reason === "AirflowClientError" ? "RestApiClientException" : "RestApiServerException"
      )
    case "Unavailable":
      return restJson(503, { message: error.message }, "ServiceUnavailableException")
    case "Timeout":
    case "Internal":
      return restJson(500, { message: error.message }, "InternalServerException")
  }
}

export const validationReply = (errors: ReadonlyArray<string>): Reply =>
  restJson(
    400,
    { message: `${errors.length} validation error${errors.length > 1 ? "s" : ""} detected: ${errors.join("; ")}` },
    "ValidationException"
  )

export const serializationReply = (message: string): Reply => restJson(400, { message }, "SerializationException")

/** A proxied Airflow 5xx, as the problem document Airflow's API answers with. */
export const restApiServerFailure = (status: number): Reply => {
  const title =
    ({ 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout" } as Record<number, string>)[
      status
    ] ?? "Server Error"
  return restJson(
    400,
    {
      message: `Airflow answered ${status}`,
      RestApiStatusCode: status,
      RestApiResponse: { title, status, detail: title, type: "about:blank" }
    },
    "RestApiServerException"
  )
}
