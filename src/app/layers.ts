import { Context, Effect, Layer } from "effect"
import { AirflowClient } from "../domain/airflow-client.js"
import { EnvironmentCatalog } from "../domain/environment-catalog.js"
import { EnvironmentResolver } from "../domain/environment-resolution.js"
import { Suggestions } from "../domain/usecases/suggestions.js"
import { WriteGate } from "../domain/write-gating.js"
import type { BackendPorts } from "../ports/BackendPorts.js"
import { AppConfig } from "../ports/AppConfig.js"
import { Workflows } from "../ports/Workflows.js"
import { retriedReads } from "../domain/workflow-calls.js"
import type { ToolServices } from "./tool-spec.js"

/**
 * The domain services on top of the ports. This is the layer other Effect programs embed:
 * give it a gateway (AWS or fake) and a config, get every service the tools use.
 */
export const DomainLive: Layer.Layer<
  Exclude<ToolServices, BackendPorts | AppConfig>,
  never,
  BackendPorts | AppConfig
> = Suggestions.Default.pipe(
  Layer.provideMerge(AirflowClient.Default),
  Layer.provideMerge(EnvironmentCatalog.Default),
  Layer.merge(EnvironmentResolver.Default),
  Layer.merge(WriteGate.Default)
)

/**
 * The ports as the tools see them: MWAA Serverless's reads retried under the domain's policy (the
 * adapters make one attempt), once, here, for every backend.
 */
const withRetriedReads = <E, R>(ports: Layer.Layer<BackendPorts | AppConfig, E, R>): Layer.Layer<BackendPorts | AppConfig, E, R> =>
  Layer.effectContext(
    Effect.map(Effect.context<BackendPorts | AppConfig>(), (context) =>
      Context.add(context, Workflows, retriedReads(Context.get(context, Workflows), Context.get(context, AppConfig).maxAttempts))
    )
  ).pipe(Layer.provide(ports))

/** Everything a tool needs, from one layer providing the ports (what makeMwaaMcpServer takes). */
export const toolServicesOn = <E, R>(ports: Layer.Layer<BackendPorts | AppConfig, E, R>): Layer.Layer<ToolServices, E, R> =>
  DomainLive.pipe(Layer.provideMerge(withRetriedReads(ports)))

/** Everything a tool needs, from a gateway layer and a config layer. */
export const appLayer = <E, R>(gateway: Layer.Layer<BackendPorts, E, R>, config: Layer.Layer<AppConfig>): Layer.Layer<ToolServices, E, R> =>
  toolServicesOn(Layer.merge(gateway, config))
