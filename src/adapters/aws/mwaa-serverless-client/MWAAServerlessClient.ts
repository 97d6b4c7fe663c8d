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
 * An MWAA Serverless client, assembled as MWAA's own client in ../mwaa-client is (and as the SDK's
 * generated clients assemble theirs: ../smithy-service-client.ts), from the current @smithy/core and
 * @aws-sdk/core. @aws-sdk/client-mwaa-serverless is not on the registry; signing, credentials, retries,
 * endpoints and the awsJson1_0 protocol are the SDK's, only the wiring is ours.
 */

export type { ServiceInputTypes, ServiceOutputTypes }

export type MWAAServerlessClientConfig = SmithyServiceClientConfig<EndpointParameters>

export type MWAAServerlessClientResolvedConfig = SmithyServiceClientResolvedConfig<EndpointParameters, ReturnType<typeof getRuntimeConfig>>

export class MWAAServerlessClient extends SmithyServiceClient<MWAAServerlessClientResolvedConfig> {
  constructor(configuration: MWAAServerlessClientConfig = {}) {
    super(getRuntimeConfig(configuration), resolveClientEndpointParameters)
  }
}
