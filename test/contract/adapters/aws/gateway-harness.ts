import { type Context, Effect } from "effect"
import { beforeEach, vi } from "vitest"
import { AwsGateway, type AwsGatewayOptions } from "../../../../src/adapters/aws/index.js"
import type { BackendPorts } from "../../../../src/ports/BackendPorts.js"
import { Environments } from "../../../../src/ports/Environments.js"
import { AWS_ENV_SETTINGS, credentials, type Responder, stubHandler } from "./stub-handler.js"

/** The AWS gateway layer over a stub request handler (no network), with dummy static credentials. */
export const gatewayWith = (respond: Responder, options: Partial<AwsGatewayOptions> = {}) => {
  const stub = stubHandler(respond)
  const layer = AwsGateway.layer({ region: "us-east-1", credentials, requestHandler: stub.handler, ...options })
  /** Runs the effect `f` makes on the layer's ports. */
  const run = <A, E>(f: () => Effect.Effect<A, E, BackendPorts>): Effect.Effect<A, E> => Effect.suspend(f).pipe(Effect.provide(layer))
  const environments = <A, E>(f: (environments: Context.Tag.Service<Environments>) => Effect.Effect<A, E>): Effect.Effect<A, E> =>
    Effect.flatMap(Environments, f).pipe(Effect.provide(layer))
  /** Runs an effect on the layer's ports. */
  const use = <A, E>(effect: Effect.Effect<A, E, BackendPorts>): Effect.Effect<A, E> => Effect.provide(effect, layer)
  return { requests: stub.requests, run, use, environments }
}

/** Call at the top of a test file: its tests run without the shell's AWS settings. */
export const hermeticAwsEnv = () => {
  beforeEach(() => {
    for (const name of AWS_ENV_SETTINGS) vi.stubEnv(name, undefined)
    // An empty config file: no profile's endpoint_url or region can apply.
    vi.stubEnv("AWS_CONFIG_FILE", "/dev/null")
    vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
    return () => {
      vi.unstubAllEnvs()
    }
  })
}
