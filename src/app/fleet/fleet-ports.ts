import { Layer } from "effect"
import { AppConfig, type AppConfigShape } from "../../ports/AppConfig.js"
import type { BackendPorts } from "../../ports/BackendPorts.js"
import { directoryBackend } from "./directory.js"
import type { Fleet, Reach } from "./Fleet.js"
import type { FleetPlan } from "./fleet-config.js"
import { fleetLayer } from "./make-fleet.js"

/**
 * The ports of a server with several targets, for makeMwaaToolHost and makeMwaaMcpServer: give it
 * a plan (fleetPlanOf), the backend of one reach (AwsGateway.layer with credentialsFor, or
 * FakeMwaa.layer), and the server's settings. Each target then runs on its own services.
 */
/** A fleet's server-wide ports (its targets' list) with the Fleet they route through. */
export const fleetBackend = (
  plan: FleetPlan,
  backendOf: (reach: Reach) => Layer.Layer<BackendPorts>,
  config: AppConfigShape
): Layer.Layer<BackendPorts | Fleet> => directoryBackend.pipe(Layer.provideMerge(fleetLayer(plan, backendOf, config)))

export const fleetPorts = (
  plan: FleetPlan,
  backendOf: (reach: Reach) => Layer.Layer<BackendPorts>,
  config: AppConfigShape
): Layer.Layer<BackendPorts | AppConfig | Fleet> => Layer.merge(fleetBackend(plan, backendOf, config), Layer.succeed(AppConfig, config))
