import { nodeRuntimeConfig } from "../smithy-runtime-config.js"
import { defaultEndpointResolver, defaultHttpAuthSchemeProvider } from "./endpoint.js"
import { errorTypeRegistries } from "./errors.js"
import type { MWAAServerlessClientConfig } from "./MWAAServerlessClient.js"
import { ServerlessJsonProtocol } from "./protocol.js"
import { NAMESPACE, SERVICE_TARGET } from "./schema.js"

/**
 * MWAA Serverless's runtime config on the clients' shared defaults (../smithy-runtime-config.ts): the
 * awsJson1_0 protocol with the service's errors, on the SDK's own JSON codec. MWAA's client needed its
 * own codec for Airflow's deep documents; here the only documents are a run's OverrideParameters (see
 * ../mwaa-client/json-codec.ts if they ever grow deep).
 */

export { CLIENT_VERSION } from "../smithy-runtime-config.js"

/** The model's sdkId, which the user agent names the client by. */
export const SERVICE_ID = "MWAA Serverless"

export const getRuntimeConfig = (config: MWAAServerlessClientConfig) =>
  nodeRuntimeConfig(config, {
    apiVersion: "2024-07-26",
    serviceId: SERVICE_ID,
    endpointProvider: defaultEndpointResolver,
    httpAuthSchemeProvider: defaultHttpAuthSchemeProvider,
    protocol: ServerlessJsonProtocol,
    protocolSettings: { defaultNamespace: NAMESPACE, errorTypeRegistries, serviceTarget: SERVICE_TARGET }
  })
