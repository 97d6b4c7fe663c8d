import { Effect, Layer } from "effect"
import { AirflowApi, type RestRequest, type RestResponse } from "../../src/ports/AirflowApi.js"

/** One Airflow exchange as the AirflowApi port saw it, on either route. */
export interface Exchange {
  readonly api: "InvokeRestApi" | "Webserver"
  readonly request: RestRequest
  readonly response?: RestResponse | undefined
  readonly errorStatus?: number | undefined
  readonly errorBody?: unknown
}

/**
 * Wraps any backend layer so a test can see every Airflow request and answer that went through it,
 * on either route. The layer's other ports pass through as they are.
 */
export const recordingGateway = <Other, E, R>(inner: Layer.Layer<AirflowApi | Other, E, R>, log: Array<Exchange>) =>
  Layer.merge(inner, recording(inner, log))

const recording = <Other, E, R>(inner: Layer.Layer<AirflowApi | Other, E, R>, log: Array<Exchange>) =>
  Layer.effect(
    AirflowApi,
    Effect.map(AirflowApi, (airflow) => ({
      send: (route, request) =>
        airflow.send(route, request).pipe(
          Effect.tap((response) => Effect.sync(() => log.push({ api: route._tag, request, response }))),
          Effect.tapError((e) =>
            Effect.sync(() => log.push({ api: route._tag, request, errorStatus: e.airflowStatus, errorBody: e.airflowBody }))
          )
        )
    }))
  ).pipe(Layer.provideMerge(inner))
