import { Effect, Layer } from "effect"
import { MwaaGateway, type RestRequest, type RestResponse, type WebserverRequest } from "../../src/ports/MwaaGateway.js"

/** One Airflow exchange as the gateway saw it, on either route. */
export interface Exchange {
  readonly api: "InvokeRestApi" | "Webserver"
  readonly request: RestRequest
  readonly response?: RestResponse | undefined
  readonly errorStatus?: number | undefined
  readonly errorBody?: unknown
}

/**
 * Wraps any gateway layer so a test can see every Airflow request and answer that went through it,
 * on either route. The inner layer's other ports (task logs, DAG files) pass through.
 */
export const recordingGateway = <ROut, E, R>(inner: Layer.Layer<ROut | MwaaGateway, E, R>, log: Array<Exchange>) =>
  Layer.effect(
    MwaaGateway,
    Effect.map(MwaaGateway, (gateway) => ({
      ...gateway,
      invokeRestApi: (request: RestRequest) =>
        gateway.invokeRestApi(request).pipe(
          Effect.tap((response) => Effect.sync(() => log.push({ api: "InvokeRestApi", request, response }))),
          Effect.tapError((e) =>
            Effect.sync(() => log.push({ api: "InvokeRestApi", request, errorStatus: e.airflowStatus, errorBody: e.airflowBody }))
          )
        ),
      webserverRestApi: (request: WebserverRequest) =>
        gateway.webserverRestApi(request).pipe(
          Effect.tap((response) => Effect.sync(() => log.push({ api: "Webserver", request, response }))),
          Effect.tapError((e) =>
            Effect.sync(() => log.push({ api: "Webserver", request, errorStatus: e.airflowStatus, errorBody: e.airflowBody }))
          )
        )
    }))
  ).pipe(Layer.provideMerge(inner))
