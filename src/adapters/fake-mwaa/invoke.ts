import { Either } from "effect"
import type { RestRequest, RestResponse } from "../../ports/AirflowApi.js"
import { MwaaError } from "../../ports/MwaaError.js"
import type { AirflowFailure } from "./airflow-errors.js"
import { routeRequest } from "./rest-router.js"
import { type FakeState, findEnvironment, replaceEnvironment } from "./state.js"
import { formatIsoMillis } from "./time.js"

/**
 * mwaa:InvokeRestApi. MWAA checks its own limits before Airflow sees anything: Path is
 * 1..64 characters and Method one of five. Airflow's 4xx/5xx come back as
 * RestApiClientException / RestApiServerException carrying Airflow's status and body.
 */
const METHODS = ["GET", "PUT", "POST", "PATCH", "DELETE"]
const MAX_PATH = 64

const validation = (message: string) =>
  new MwaaError({ reason: "Validation", operation: "InvokeRestApi", message: `1 validation error detected: ${message}` })

// Whole, not cut: the message is masked, then cut, where it is rendered (app/tool-errors.ts); a cut
// here, before masking, could leave part of a secret that no rule recognises.
const summary = (body: unknown): string => {
  const detail = typeof body === "object" && body !== null ? (body as Record<string, unknown>)["detail"] : undefined
  return typeof detail === "string" ? detail : (JSON.stringify(detail ?? body) ?? "")
}

const airflowFailure = (request: RestRequest, failure: AirflowFailure, via: string): MwaaError => {
  const server = failure.status >= 500
  return new MwaaError({
    reason: server ? "AirflowServerError" : "AirflowClientError",
    operation: `${via} ${request.method} ${request.path}`,
    message: `${server ? "RestApiServerException" : "RestApiClientException"}: Airflow answered ${failure.status}: ${summary(failure.body)}`,
    airflowStatus: failure.status,
    airflowBody: failure.body
  })
}

/** The answer and the state after the call (a write replaces the environment). */
export const invokeRestApi = (state: FakeState, request: RestRequest): readonly [Either.Either<RestResponse, MwaaError>, FakeState] => {
  const path = request.path
  if (path.length > MAX_PATH) {
    return [
      Either.left(validation("Value at 'path' failed to satisfy constraint: Member must have length less than or equal to 64")),
      state
    ]
  }
  if (path.length < 1) {
    return [
      Either.left(validation("Value at 'path' failed to satisfy constraint: Member must have length greater than or equal to 1")),
      state
    ]
  }
  if (!METHODS.includes(request.method)) {
    return [
      Either.left(
        validation(
          `Value '${request.method}' at 'method' failed to satisfy constraint: Member must satisfy enum value set: [${METHODS.join(", ")}]`
        )
      ),
      state
    ]
  }
  return routeAirflow(state, request, "InvokeRestApi")
}

/**
 * Airflow behind either route: the environment's REST API answers the same call the same way
 * whether it came through InvokeRestApi or through a webserver session.
 */
export const routeAirflow = (
  state: FakeState,
  request: RestRequest,
  via: string
): readonly [Either.Either<RestResponse, MwaaError>, FakeState] => {
  const env = findEnvironment(state, request.environmentName)
  if (env === undefined) {
    const message = `Environment ${request.environmentName} not found.`
    return [Either.left(new MwaaError({ reason: "NotFound", operation: `${via} ${request.method} ${request.path}`, message })), state]
  }
  const routed = routeRequest(env, request, formatIsoMillis(state.nowMillis))
  if (Either.isLeft(routed)) return [Either.left(airflowFailure(request, routed.left, via)), state]
  const { status, body, next } = routed.right
  const after = next === undefined ? state : replaceEnvironment(state, next)
  return [Either.right({ status, body }), after]
}
