import type { Provider } from "@smithy/types"
import {
  type ServiceInputTypes,
  type ServiceOutputTypes,
  SmithyServiceClient,
  type SmithyServiceClientConfig,
  type SmithyServiceClientResolvedConfig
} from "../smithy-service-client.js"
import { type EndpointParameters, resolveClientEndpointParameters } from "./endpoint.js"
import { getRuntimeConfig } from "./runtime-config.js"

/**
 * An MWAA client assembled as the SDK's generated clients assemble theirs (../smithy-service-client.ts),
 * from the current @smithy/core and @aws-sdk/core. @aws-sdk/client-mwaa stops at 3.523.0, on Smithy 1.x;
 * built here, MWAA shares the Smithy machinery of the other clients, and its commands follow the current
 * model. Signing, credentials, retries and endpoints are the SDK's; only the wiring is ours.
 */

export type { ServiceInputTypes, ServiceOutputTypes }

export interface MWAAClientConfig extends SmithyServiceClientConfig<EndpointParameters> {
  useDualstackEndpoint?: boolean | Provider<boolean>
}

export type MWAAClientResolvedConfig = SmithyServiceClientResolvedConfig<EndpointParameters, ReturnType<typeof getRuntimeConfig>>

export class MWAAClient extends SmithyServiceClient<MWAAClientResolvedConfig> {
  constructor(configuration: MWAAClientConfig = {}) {
    super(getRuntimeConfig(configuration), resolveClientEndpointParameters)
  }
}
