import { Context, Effect, Layer } from "effect"
import { AirflowApi, type RestRequest, type RestResponse } from "../../src/ports/AirflowApi.js"
import { MwaaGateway } from "../../src/ports/MwaaGateway.js"

/** One Airflow exchange as the AirflowApi port saw it, on either route. */
export interface Exchange {
  readonly api: "InvokeRestApi" | "Webserver"
  readonly request: RestRequest
  readonly response?: RestResponse | undefined
  readonly errorStatus?: number | undefined
  readonly errorBody?: unknown
}

/** Wraps any gateway layer so a test can see every Airflow request and answer that went through it, on either route. */
export const recordingGateway = <E, R>(inner: Layer.Layer<MwaaGateway | AirflowApi, E, R>, log: Array<Exchange>) =>
  Layer.effectContext(
    Effect.gen(function* () {
      const gateway = yield* MwaaGateway
      const airflow = yield* AirflowApi
      return Context.make(MwaaGateway, gateway).pipe(
        Context.add(AirflowApi, {
          send: (route, request) =>
            airflow.send(route, request).pipe(
              Effect.tap((response) => Effect.sync(() => log.push({ api: route._tag, request, response }))),
              Effect.tapError((e) =>
                Effect.sync(() => log.push({ api: route._tag, request, errorStatus: e.airflowStatus, errorBody: e.airflowBody }))
              )
            )
        })
      )
    })
  ).pipe(Layer.provide(inner))
