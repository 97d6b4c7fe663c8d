import { loadConfig as loadNodeConfig, NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS } from "@smithy/core/config"
import { nodeRuntimeConfig } from "../smithy-runtime-config.js"
import { defaultEndpointResolver, defaultHttpAuthSchemeProvider } from "./endpoint.js"
import { errorTypeRegistries } from "./errors.js"
import { MwaaJsonCodec } from "./json-codec.js"
import type { MWAAClientConfig } from "./MWAAClient.js"
import { MwaaRestJsonProtocol } from "./protocol.js"
import { MWAA_NAMESPACE } from "./schema.js"

/**
 * MWAA's runtime config on the clients' shared defaults (../smithy-runtime-config.ts): the restJson1
 * protocol with MWAA's errors (documents as JSON, json-codec.ts), and the dual-stack switch its rule
 * set reads.
 */

export { CLIENT_VERSION } from "../smithy-runtime-config.js"

export const SERVICE_ID = "MWAA"

export const getRuntimeConfig = (config: MWAAClientConfig) => {
  const shared = nodeRuntimeConfig(config, {
    apiVersion: "2020-07-01",
    serviceId: SERVICE_ID,
    endpointProvider: defaultEndpointResolver,
    httpAuthSchemeProvider: defaultHttpAuthSchemeProvider,
    protocol: MwaaRestJsonProtocol,
    protocolSettings: { defaultNamespace: MWAA_NAMESPACE, errorTypeRegistries, jsonCodec: new MwaaJsonCodec() }
  })
  // Added to the shared config rather than spread into a copy: a copy's type would have to be written out in
  // the declarations, and some of the SDK's types in it cannot be named from here (TS2742 under `npm run build`).
  return Object.assign(shared, {
    useDualstackEndpoint:
      config.useDualstackEndpoint ??
      loadNodeConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, { profile: config.profile, logger: shared.logger })
  })
}
