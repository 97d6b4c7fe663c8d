import { type Context, type Duration, Effect } from "effect"
import type { AirflowApi, RestRequest } from "../../ports/AirflowApi.js"
import type { Clients } from "./clients.js"
import { InvokeRestApiCommand } from "./commands/index.js"
import { airflowRoute } from "./observed-call.js"
import { send } from "./send.js"
import { makeWebserver } from "./webserver-session.js"

export interface AirflowApiOptions {
  /** Each InvokeRestApi call. */
  readonly invokeTimeout: Duration.DurationInput
  /** Each webserver login and call. */
  readonly timeout: Duration.DurationInput
  /** Replaces https://{WebServerHostname} for the webserver route. */
  readonly webserverEndpoint: string | undefined
}

/**
 * The AirflowApi port on AWS: mwaa:InvokeRestApi, or the environment's webserver (its login and
 * session live in webserver-session.ts), whichever route the domain planned.
 */
export const makeAirflowApi = (clients: Clients, options: AirflowApiOptions): Context.Tag.Service<AirflowApi> => {
  const webserver = makeWebserver(clients, { endpoint: options.webserverEndpoint, timeout: options.timeout })
  const invokeRestApi = Effect.fnUntraced(function* (request: RestRequest) {
    const command = new InvokeRestApiCommand({
      Name: request.environmentName,
      Path: request.path,
      Method: request.method,
      ...(request.queryParameters !== undefined && { QueryParameters: request.queryParameters }),
      ...(request.body !== undefined && { Body: request.body })
    })
    const call = {
      service: "MWAA",
      operation: "InvokeRestApi",
      label: `InvokeRestApi ${request.method} ${request.path}`,
      attributes: { "mwaa_mcp.airflow.method": request.method, "mwaa_mcp.airflow.route": airflowRoute(request.path) }
    } as const
    const out = yield* send(call, options.invokeTimeout, (signal) => clients.mwaaOnce.send(command, { abortSignal: signal }))
    return { status: out.RestApiStatusCode ?? 200, body: out.RestApiResponse }
  })
  return {
    send: (route, request) =>
      route._tag === "InvokeRestApi" ? invokeRestApi(request) : webserver({ ...request, airflowMajor: route.airflowMajor })
  }
}
