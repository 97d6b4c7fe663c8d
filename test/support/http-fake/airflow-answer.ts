import type { Outcome } from "./dispatch.js"
import type { AirflowAnswer, Operation } from "./types.js"

/**
 * What Airflow itself answered inside a reply, for the request log: InvokeRestApi wraps it
 * (RestApiStatusCode, RestApiResponse, in its success and in its RestApiClient/ServerException);
 * the webserver route sends it as it is. Undefined for other operations, injected faults, and
 * refusals that never reached Airflow (no RestApiStatusCode).
 */
export const airflowAnswerOf = (operation: Operation, outcome: Outcome): AirflowAnswer | undefined => {
  if (outcome.kind !== "reply" || outcome.fault !== undefined) return undefined
  if (operation !== "InvokeRestApi" && operation !== "AirflowWebserver") return undefined
  const { reply } = outcome
  const text = typeof reply.body === "string" ? reply.body : Buffer.from(reply.body).toString("utf8")
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return operation === "AirflowWebserver" ? { status: reply.status, body: text } : undefined
  }
  if (operation === "AirflowWebserver") return { status: reply.status, body: parsed }
  const wrapped = parsed as { readonly RestApiStatusCode?: unknown; readonly RestApiResponse?: unknown }
  return typeof wrapped.RestApiStatusCode === "number" ? { status: wrapped.RestApiStatusCode, body: wrapped.RestApiResponse } : undefined
}
