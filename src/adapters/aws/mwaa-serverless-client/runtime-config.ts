import {
  createDefaultUserAgentProvider,
  emitWarningIfUnsupportedVersion as awsCheckVersion,
  getDefaultSocketTimeout,
  NODE_APP_ID_CONFIG_OPTIONS
} from "@aws-sdk/core/client"
import { AwsSdkSigV4Signer, NODE_AUTH_SCHEME_PREFERENCE_OPTIONS } from "@aws-sdk/core/httpAuthSchemes"
import { defaultProvider as credentialDefaultProvider } from "@aws-sdk/credential-provider-node"
import { Sha256 } from "@smithy/core/checksum"
import { emitWarningIfUnsupportedVersion, loadConfigsForDefaultMode, NoOpLogger } from "@smithy/core/client"
import {
  loadConfig as loadNodeConfig,
  NODE_REGION_CONFIG_FILE_OPTIONS,
  NODE_REGION_CONFIG_OPTIONS,
  NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS,
  resolveDefaultsModeConfig
} from "@smithy/core/config"
import { parseUrl } from "@smithy/core/protocols"
import { DEFAULT_RETRY_MODE, NODE_MAX_ATTEMPT_CONFIG_OPTIONS, NODE_RETRY_MODE_CONFIG_OPTIONS } from "@smithy/core/retry"
import { calculateBodyLength, fromBase64, fromUtf8, toBase64, toUtf8 } from "@smithy/core/serde"
import { NodeHttpHandler, streamCollector } from "@smithy/node-http-handler"
import type { IdentityProviderConfig } from "@smithy/types"
import { defaultEndpointResolver, defaultHttpAuthSchemeProvider } from "./endpoint.js"
import { errorTypeRegistries } from "./errors.js"
import type { MWAAServerlessClientConfig } from "./MWAAServerlessClient.js"
import { ServerlessJsonProtocol } from "./protocol.js"
import { NAMESPACE, SERVICE_TARGET } from "./schema.js"

/**
 * The client's defaults on Node, as a generated client's runtimeConfig.shared.js and runtimeConfig.js
 * give them: the SDK's credential chain, region and retry settings from the environment and config
 * files, the Node HTTP handler, SigV4, and the awsJson1_0 protocol with the service's errors, on the
 * SDK's own JSON codec. MWAA's client needed its own codec for Airflow's deep documents; here the only
 * documents are a run's OverrideParameters (see ../mwaa-client/json-codec.ts if they ever grow deep).
 */

/** The AWS SDK release whose generated clients this one is assembled like (the user agent's api/mwaa-serverless#). */
export const CLIENT_VERSION = "3.1178.0"

/** The model's sdkId, which the user agent names the client by. */
export const SERVICE_ID = "MWAA Serverless"

export const getRuntimeConfig = (config: MWAAServerlessClientConfig) => {
  emitWarningIfUnsupportedVersion(process.version)
  awsCheckVersion(process.version)
  const defaultsMode = resolveDefaultsModeConfig(config)
  const defaultConfigProvider = () => defaultsMode().then(loadConfigsForDefaultMode)
  const logger = config.logger ?? new NoOpLogger()
  const loaderConfig = { profile: config.profile, logger }
  return {
    apiVersion: "2024-07-26",
    base64Decoder: fromBase64,
    base64Encoder: toBase64,
    disableHostPrefix: false,
    endpointProvider: defaultEndpointResolver,
    extensions: [],
    httpAuthSchemeProvider: defaultHttpAuthSchemeProvider,
    httpAuthSchemes: [
      {
        schemeId: "aws.auth#sigv4",
        identityProvider: (ipc: IdentityProviderConfig) => ipc.getIdentityProvider("aws.auth#sigv4"),
        signer: new AwsSdkSigV4Signer()
      }
    ],
    logger,
    protocol: ServerlessJsonProtocol,
    protocolSettings: { defaultNamespace: NAMESPACE, errorTypeRegistries, serviceTarget: SERVICE_TARGET },
    serviceId: SERVICE_ID,
    sha256: Sha256,
    urlParser: parseUrl,
    utf8Decoder: fromUtf8,
    utf8Encoder: toUtf8,
    ...config,
    runtime: "node",
    defaultsMode,
    authSchemePreference: config.authSchemePreference ?? loadNodeConfig(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
    bodyLengthChecker: config.bodyLengthChecker ?? calculateBodyLength,
    credentialDefaultProvider: config.credentialDefaultProvider ?? credentialDefaultProvider,
    defaultSocketTimeout: getDefaultSocketTimeout(config.requestHandler, 300_000),
    defaultUserAgentProvider:
      config.defaultUserAgentProvider ?? createDefaultUserAgentProvider({ serviceId: SERVICE_ID, clientVersion: CLIENT_VERSION }),
    maxAttempts: config.maxAttempts ?? loadNodeConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
    region: config.region ?? loadNodeConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
    requestHandler: NodeHttpHandler.create(config.requestHandler ?? defaultConfigProvider),
    retryMode:
      config.retryMode ??
      loadNodeConfig(
        { ...NODE_RETRY_MODE_CONFIG_OPTIONS, default: async () => (await defaultConfigProvider()).retryMode || DEFAULT_RETRY_MODE },
        config
      ),
    streamCollector: config.streamCollector ?? streamCollector,
    useFipsEndpoint: config.useFipsEndpoint ?? loadNodeConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
    userAgentAppId: config.userAgentAppId ?? loadNodeConfig(NODE_APP_ID_CONFIG_OPTIONS, loaderConfig)
  }
}
