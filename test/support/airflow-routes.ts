import { Effect } from "effect"
import { AirflowApi, type RestRequest, type WebserverRequest } from "../../src/ports/AirflowApi.js"

/** The AirflowApi port's two routes as calls of their own, for adapter tests that aim at one route. */
export const viaInvoke = (request: RestRequest) => Effect.flatMap(AirflowApi, (api) => api.send({ _tag: "InvokeRestApi" }, request))

export const viaWebserver = (request: WebserverRequest) =>
  Effect.flatMap(AirflowApi, (api) => api.send({ _tag: "Webserver", airflowMajor: request.airflowMajor }, request))
