import { Effect, Layer, Logger } from "effect"
import { demoSeed, FakeMwaa, type FakeMwaaOptions, type FakeSeed } from "../../src/adapters/fake-mwaa/index.js"
import { appLayer } from "../../src/app/layers.js"
import type { ToolServices } from "../../src/app/tool-spec.js"
import { AirflowApi } from "../../src/ports/AirflowApi.js"
import type { BackendPorts } from "../../src/ports/BackendPorts.js"
import { AppConfig, type AppConfigShape } from "../../src/ports/AppConfig.js"

/**
 * The test layers of the app, built in one place: every service the tools use, on the in-memory fake or on a
 * gateway a test stubs. Each call builds a fresh fake; the tool services and the `FakeMwaa` inspector a test reads
 * share that one fake (the same layer value, memoized within one build).
 */

/** Every service the tools use on a fresh in-memory fake of `seed`, and the fake's inspector. */
export const fakeToolServices = (
  seed: FakeSeed = demoSeed(),
  config: Partial<AppConfigShape> = {},
  options: FakeMwaaOptions = {}
): Layer.Layer<ToolServices | FakeMwaa> => {
  const fake = FakeMwaa.layer(seed, options)
  return Layer.merge(appLayer(fake, AppConfig.make(config)), fake)
}

/**
 * The same with the fake's Airflow port wrapped by `wrap` (a fault, a malformed answer): merged after the fake, the
 * wrapped AirflowApi wins; Environments, TaskLogs and DagFiles stay the fake's.
 */
export const fakeToolServicesWrappingAirflow = (
  seed: FakeSeed,
  config: Partial<AppConfigShape>,
  wrap: (api: AirflowApi["Type"]) => AirflowApi["Type"]
): Layer.Layer<ToolServices | FakeMwaa> => {
  const fake = FakeMwaa.layer(seed)
  const airflow = Layer.effect(AirflowApi, Effect.map(AirflowApi, wrap)).pipe(Layer.provide(fake))
  return Layer.merge(appLayer(Layer.merge(fake, airflow), AppConfig.make(config)), fake)
}

/** The same with the logger silenced: for tests whose calls log warnings nobody reads. */
export const quietFakeToolServices = (seed: FakeSeed = demoSeed(), config: Partial<AppConfigShape> = {}) =>
  fakeToolServices(seed, config).pipe(Layer.provideMerge(Logger.replace(Logger.defaultLogger, Logger.none)))

/** Every service the tools use on a stubbed backend (a gateway layer providing the four ports). */
export const stubToolServices = <E, R>(
  gateway: Layer.Layer<BackendPorts, E, R>,
  config: Partial<AppConfigShape> = {}
): Layer.Layer<ToolServices, E, R> => appLayer(gateway, AppConfig.make(config))
