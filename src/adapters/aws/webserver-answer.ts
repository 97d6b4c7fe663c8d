import { Effect, Redacted } from "effect"
import { MwaaError } from "../../ports/MwaaError.js"
import type { RestResponse } from "../../ports/AirflowApi.js"
import type { HttpAnswer } from "./webserver-http.js"

/**
 * A webserver's answer to one Airflow REST call, as the port's RestResponse or MwaaError, the same
 * shapes InvokeRestApi gives: Airflow's 4xx/5xx with airflowStatus and airflowBody. The session's
 * credentials are scrubbed from the text first: a webserver (or a proxy in front of it) may echo
 * the cookie or the bearer it received in an error page.
 */

export const scrub = (text: string, secrets: ReadonlyArray<Redacted.Redacted<string>>): string =>
  secrets.reduce((t, s) => {
    const value = Redacted.value(s)
    return value.length >= 8 ? t.split(value).join("[redacted]").split(encodeURIComponent(value)).join("[redacted]") : t
  }, text)

/** Airflow's detail, whole: the app masks it before it cuts it (a cut here could leave part of a secret). */
const summary = (body: unknown): string => {
  const detail = typeof body === "object" && body !== null ? (body as Record<string, unknown>)["detail"] : undefined
  return typeof detail === "string" ? detail : (JSON.stringify(detail ?? body) ?? "")
}

/** A refused session: 401, or a redirect to the login page. */
export const refused = (answer: HttpAnswer) => answer.status === 401 || (answer.status >= 300 && answer.status < 400)

export const toResponse = (
  answer: HttpAnswer,
  secrets: ReadonlyArray<Redacted.Redacted<string>>,
  operation: string
): Effect.Effect<RestResponse, MwaaError> => {
  const text = scrub(answer.text, secrets)
  let body: unknown
  let json = true
  try {
    body = text.trim() === "" ? undefined : JSON.parse(text)
  } catch {
    json = false
    // Kept whole (at most 6 MB): masked, then cut, where the error is worded.
    body = text
  }
  if (answer.status >= 200 && answer.status < 300) {
    return json
      ? Effect.succeed({ status: answer.status, body })
      : Effect.fail(
          new MwaaError({
            reason: "Internal",
            operation,
            message: `The webserver answered HTTP ${answer.status} with a body that is not JSON.`
          })
        )
  }
  if (refused(answer)) {
    return Effect.fail(
      new MwaaError({
        reason: "AccessDenied",
        operation,
        message: `The webserver refused a fresh login's credentials too (HTTP ${answer.status}).`
      })
    )
  }
  const server = answer.status >= 500
  return Effect.fail(
    new MwaaError({
      reason: server ? "AirflowServerError" : "AirflowClientError",
      operation,
      message: `Airflow answered ${answer.status}: ${summary(body)}`,
      airflowStatus: answer.status,
      ...(body !== undefined && { airflowBody: body })
    })
  )
}
