import { Effect, Layer } from "effect"
import { MwaaGateway, type RestRequest, type RestResponse } from "../../src/ports/MwaaGateway.js"

/** One InvokeRestApi exchange as the gateway saw it. */
export interface Exchange {
  readonly request: RestRequest
  readonly response?: RestResponse | undefined
  readonly errorStatus?: number | undefined
  readonly errorBody?: unknown
}

/** Wraps any gateway layer so a test can see every InvokeRestApi request and answer that went through it. */
export const recordingGateway = <E, R>(inner: Layer.Layer<MwaaGateway, E, R>, log: Array<Exchange>) =>
  Layer.effect(
    MwaaGateway,
    Effect.map(MwaaGateway, (gateway) => ({
      ...gateway,
      invokeRestApi: (request: RestRequest) =>
        gateway.invokeRestApi(request).pipe(
          Effect.tap((response) => Effect.sync(() => log.push({ request, response }))),
          Effect.tapError((e) => Effect.sync(() => log.push({ request, errorStatus: e.airflowStatus, errorBody: e.airflowBody })))
        )
    }))
  ).pipe(Layer.provide(inner))
