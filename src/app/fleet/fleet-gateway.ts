import { readFile } from "node:fs/promises"
import { Effect, Either, Layer, Option } from "effect"
import type { AppConfigShape } from "../../ports/AppConfig.js"
import type { BackendPorts } from "../../ports/BackendPorts.js"
import type { Fleet } from "./Fleet.js"
import { type FleetPlan, fleetPlanOf } from "./fleet-config.js"
import type { FleetSettings } from "./fleet-settings.js"
import { fleetBackend } from "./fleet-ports.js"

/** The plan the settings describe: the configuration file read and checked, the --regions added; or why not. */
export const loadFleetPlan = (settings: FleetSettings): Effect.Effect<FleetPlan, string> =>
  Effect.gen(function* () {
    const file = Option.getOrUndefined(settings.configFile)
    const source = file === undefined ? "--regions" : `The configuration file ${file}`
    const text =
      file === undefined
        ? undefined
        : yield* Effect.tryPromise({
            try: () => readFile(file, "utf8"),
            catch: (e) => `Cannot read the configuration file ${file}: ${e instanceof Error ? e.message : String(e)}`
          })
    const plan = fleetPlanOf(text, settings.regions, source)
    return Either.isLeft(plan) ? yield* Effect.fail(plan.left) : plan.right
  })

/** What the bin needs to reach AWS for one target: the gateway's options beyond its region and credentials. */
export interface AwsReachOptions {
  readonly endpointUrl: string | undefined
  readonly userAgent: string
  readonly env: Readonly<Record<string, string | undefined>>
}

/**
 * The ports of a server with several targets, on AWS: each reach (region and credentials) gets
 * its own SDK clients and credential provider, imported on the first tools/call like the
 * single-region gateway; the server-wide ports list the targets.
 */
export const awsFleet = (plan: FleetPlan, config: AppConfigShape, options: AwsReachOptions): Layer.Layer<BackendPorts | Fleet> =>
  Layer.unwrapEffect(
    Effect.promise(() => import("../../adapters/aws/index.js")).pipe(
      Effect.map(({ AwsGateway, credentialsFor, endpointsFromEnv, webserverEndpointFromEnv }) => {
        const endpoints = endpointsFromEnv(options.env, options.endpointUrl)
        const webserverEndpoint = webserverEndpointFromEnv(options.env, options.endpointUrl)
        return fleetBackend(
          plan,
          (reach) =>
            AwsGateway.layer({
              region: reach.region,
              credentials: credentialsFor({
                region: reach.region,
                profile: reach.profile,
                roleArn: reach.role_arn,
                externalId: reach.external_id,
                stsEndpoint: endpoints.sts
              }),
              endpointUrl: options.endpointUrl,
              endpoints,
              webserverEndpoint,
              userAgent: options.userAgent
            }),
          config
        )
      })
    )
  )
