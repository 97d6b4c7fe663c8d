import type { Either } from "effect"
import type { RestResponse, WebserverRequest } from "../../ports/MwaaGateway.js"
import type { MwaaError } from "../../ports/MwaaError.js"
import { routeAirflow } from "./invoke.js"
import type { FakeState } from "./state.js"

/**
 * The webserver route of the in-memory fake: the environment's full REST API, with no Path limit.
 * CONTRACT STUB (to be replaced by the login model): CreateWebLoginToken, the login flows
 * (Airflow 2: POST /aws_mwaa/login → cookie `session`; Airflow 3: POST /pluginsv2/aws_mwaa/login
 * → cookie `_token`, a JWT sent as a bearer) and the rejection of missing or stale credentials.
 */
export const webserverRestApi = (
  state: FakeState,
  request: WebserverRequest
): readonly [Either.Either<RestResponse, MwaaError>, FakeState] => routeAirflow(state, request, "Webserver")
