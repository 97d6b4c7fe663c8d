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
import type { EndpointParameters, IdentityProviderConfig } from "@smithy/types"
import type { SmithyServiceClientConfig } from "./smithy-service-client.js"

/**
 * A client's defaults on Node, as a generated client's runtimeConfig.shared.js and runtimeConfig.js
 * give them, whatever its service: the SDK's credential chain, region and retry settings from the
 * environment and config files, the Node HTTP handler and SigV4. Each client's runtime-config.ts
 * names what is its own: API version, service id, endpoint rule set, signing name, protocol.
 */

/** The AWS SDK release whose generated clients these are assembled like (the user agent's api/<service>#). */
export const CLIENT_VERSION = "3.1178.0"

/** What one service's runtime config names; the rest is the same for every client. */
export interface ServiceDefaults<Protocol, ProtocolSettings, EndpointProvider, HttpAuthSchemeProvider> {
  readonly apiVersion: string
  /** The model's sdkId: the user agent names the client by it, and the SDK its AWS_ENDPOINT_URL_<ID> variable. */
  readonly serviceId: string
  readonly endpointProvider: EndpointProvider
  readonly httpAuthSchemeProvider: HttpAuthSchemeProvider
  readonly protocol: Protocol
  readonly protocolSettings: ProtocolSettings
}

export const nodeRuntimeConfig = <
  C extends SmithyServiceClientConfig<EndpointParameters>,
  Protocol,
  ProtocolSettings,
  EndpointProvider,
  HttpAuth
>(
  config: C,
  service: ServiceDefaults<Protocol, ProtocolSettings, EndpointProvider, HttpAuth>
) => {
  emitWarningIfUnsupportedVersion(process.version)
  awsCheckVersion(process.version)
  const defaultsMode = resolveDefaultsModeConfig(config)
  const defaultConfigProvider = () => defaultsMode().then(loadConfigsForDefaultMode)
  const logger = config.logger ?? new NoOpLogger()
  const loaderConfig = { profile: config.profile, logger }
  return {
    apiVersion: service.apiVersion,
    base64Decoder: fromBase64,
    base64Encoder: toBase64,
    disableHostPrefix: false,
    endpointProvider: service.endpointProvider,
    extensions: [],
    httpAuthSchemeProvider: service.httpAuthSchemeProvider,
    httpAuthSchemes: [
      {
        schemeId: "aws.auth#sigv4",
        identityProvider: (ipc: IdentityProviderConfig) => ipc.getIdentityProvider("aws.auth#sigv4"),
        signer: new AwsSdkSigV4Signer()
      }
    ],
    logger,
    protocol: service.protocol,
    protocolSettings: service.protocolSettings,
    serviceId: service.serviceId,
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
      config.defaultUserAgentProvider ?? createDefaultUserAgentProvider({ serviceId: service.serviceId, clientVersion: CLIENT_VERSION }),
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
