import { type Context, Effect } from "effect"
import type { AirflowApi, RestRequest } from "../../ports/AirflowApi.js"
import type { CallLog } from "./call-log.js"
import type { FakeClock } from "./fake-clock.js"
import { invokeRestApi } from "./invoke.js"
import { makeWebserverRestApi } from "./webserver-client.js"
import type { FakeWebserver } from "./webserver-service.js"

/**
 * The AirflowApi port over the fake's state: InvokeRestApi is recorded, then run as one atomic
 * Ref.modify; the webserver route logs in through `web` (the login model over the same state)
 * as a client would. Untraced, as the rest of the fake.
 */
export const makeAirflowApi = (clock: FakeClock, log: CallLog, web: FakeWebserver): Context.Tag.Service<AirflowApi> => {
  const webserverRestApi = makeWebserverRestApi(web)
  const invoke = Effect.fnUntraced(function* (request: RestRequest) {
    yield* log.record({
      api: "InvokeRestApi",
      environmentName: request.environmentName,
      method: request.method,
      path: request.path,
      queryParameters: request.queryParameters,
      body: request.body
    })
    return yield* Effect.flatten(clock.write((s) => invokeRestApi(s, request)))
  })
  return {
    send: (route, request) =>
      route._tag === "InvokeRestApi" ? invoke(request) : webserverRestApi({ ...request, airflowMajor: route.airflowMajor })
  }
}
