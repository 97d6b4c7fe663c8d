import { Layer } from "effect"
import { AirflowClient } from "../domain/airflow-client.js"
import { EnvironmentCatalog } from "../domain/environment-catalog.js"
import { EnvironmentResolver } from "../domain/environment-resolution.js"
import { Suggestions } from "../domain/usecases/suggestions.js"
import { WriteGate } from "../domain/write-gating.js"
import type { AppConfig } from "../ports/AppConfig.js"
import type { DagFiles } from "../ports/DagFiles.js"
import type { MwaaGateway } from "../ports/MwaaGateway.js"
import type { TaskLogs } from "../ports/TaskLogs.js"
import type { ToolServices } from "./tool-spec.js"

/**
 * The domain services on top of the two ports. This is the layer other Effect programs embed:
 * give it a gateway (AWS or fake) and a config, get every service the tools use.
 */
export const DomainLive: Layer.Layer<
  Exclude<ToolServices, AwsPorts | AppConfig>,
  never,
  MwaaGateway | AppConfig
> = Suggestions.Default.pipe(
  Layer.provideMerge(AirflowClient.Default),
  Layer.provideMerge(EnvironmentCatalog.Default),
  Layer.merge(EnvironmentResolver.Default),
  Layer.merge(WriteGate.Default)
)

/** The ports an AWS adapter (the SDK's or the fake) provides. */
export type AwsPorts = MwaaGateway | TaskLogs | DagFiles

/** Everything a tool needs, from one layer providing the ports (what makeMwaaMcpServer takes). */
export const toolServicesOn = <E, R>(ports: Layer.Layer<AwsPorts | AppConfig, E, R>): Layer.Layer<ToolServices, E, R> =>
  DomainLive.pipe(Layer.provideMerge(ports))

/** Everything a tool needs, from a gateway layer and a config layer. */
export const appLayer = <E, R>(gateway: Layer.Layer<AwsPorts, E, R>, config: Layer.Layer<AppConfig>): Layer.Layer<ToolServices, E, R> =>
  toolServicesOn(Layer.merge(gateway, config))
