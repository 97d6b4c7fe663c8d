import {
  getHostHeaderPlugin,
  getLoggerPlugin,
  getRecursionDetectionPlugin,
  getUserAgentPlugin,
  type HostHeaderInputConfig,
  type HostHeaderResolvedConfig,
  resolveHostHeaderConfig,
  resolveUserAgentConfig,
  type UserAgentInputConfig,
  type UserAgentResolvedConfig
} from "@aws-sdk/core/client"
import { DefaultIdentityProviderConfig, getHttpAuthSchemeEndpointRuleSetPlugin, getHttpSigningPlugin } from "@smithy/core"
import { Client, type SmithyConfiguration, type SmithyResolvedConfiguration } from "@smithy/core/client"
import { type RegionInputConfig, type RegionResolvedConfig, resolveRegionConfig } from "@smithy/core/config"
import { type EndpointInputConfig, type EndpointResolvedConfig, resolveEndpointConfig } from "@smithy/core/endpoints"
import { getContentLengthPlugin, type HttpHandlerUserInput } from "@smithy/core/protocols"
import { getRetryPlugin, type RetryInputConfig, type RetryResolvedConfig, resolveRetryConfig } from "@smithy/core/retry"
import { getSchemaSerdePlugin } from "@smithy/core/schema"
import type {
  AwsCredentialIdentityProvider,
  BodyLengthCalculator,
  HttpHandlerOptions,
  Logger,
  MetadataBearer,
  Provider,
  StreamCollector,
  UserAgent
} from "@smithy/types"
import {
  defaultHttpAuthSchemeParametersProvider,
  type EndpointParameters,
  type HttpAuthSchemeInputConfig,
  resolveClientEndpointParameters,
  resolveHttpAuthSchemeConfig
} from "./endpoint.js"
import { getRuntimeConfig } from "./runtime-config.js"

/**
 * An MWAA Serverless client, assembled as MWAA's own client in ../mwaa-client is (and as the SDK's
 * generated clients assemble theirs: the same config resolvers and middleware, in the same order),
 * from the current @smithy/core and @aws-sdk/core. @aws-sdk/client-mwaa-serverless is not on the
 * registry; signing, credentials, retries, endpoints and the awsJson1_0 protocol are the SDK's, only
 * the wiring is ours.
 */

/** Every MWAA Serverless command's input and output; the client sends any of them. */
export type ServiceInputTypes = object
export type ServiceOutputTypes = MetadataBearer

export interface MWAAServerlessClientConfig
  extends Partial<SmithyConfiguration<HttpHandlerOptions>>,
    UserAgentInputConfig,
    RetryInputConfig,
    RegionInputConfig,
    HostHeaderInputConfig,
    EndpointInputConfig<EndpointParameters>,
    HttpAuthSchemeInputConfig {
  requestHandler?: HttpHandlerUserInput
  disableHostPrefix?: boolean
  useFipsEndpoint?: boolean | Provider<boolean>
  region?: string | Provider<string>
  profile?: string
  maxAttempts?: number | Provider<number>
  retryMode?: string | Provider<string>
  logger?: Logger
  bodyLengthChecker?: BodyLengthCalculator
  streamCollector?: StreamCollector
  defaultUserAgentProvider?: Provider<UserAgent>
  // biome-ignore lint/suspicious/noExplicitAny: the type generated clients give this option
  credentialDefaultProvider?: (input: any) => AwsCredentialIdentityProvider
}

export type MWAAServerlessClientResolvedConfig = SmithyResolvedConfiguration<HttpHandlerOptions> &
  ReturnType<typeof getRuntimeConfig> &
  UserAgentResolvedConfig &
  RetryResolvedConfig &
  RegionResolvedConfig &
  HostHeaderResolvedConfig &
  EndpointResolvedConfig<EndpointParameters> &
  ReturnType<typeof resolveHttpAuthSchemeConfig>

export class MWAAServerlessClient extends Client<
  HttpHandlerOptions,
  ServiceInputTypes,
  ServiceOutputTypes,
  MWAAServerlessClientResolvedConfig
> {
  override readonly config: MWAAServerlessClientResolvedConfig

  constructor(configuration: MWAAServerlessClientConfig = {}) {
    const runtime = getRuntimeConfig(configuration)
    super(runtime as never)
    this.initConfig = runtime
    // Runtime extensions (`extensions`) are not offered: nothing here configures the client through them.
    const config = resolveHttpAuthSchemeConfig(
      resolveEndpointConfig(
        resolveHostHeaderConfig(resolveRegionConfig(resolveRetryConfig(resolveUserAgentConfig(resolveClientEndpointParameters(runtime)))))
      )
    )
    this.config = config as unknown as MWAAServerlessClientResolvedConfig
    this.middlewareStack.use(getSchemaSerdePlugin(this.config))
    this.middlewareStack.use(getUserAgentPlugin(this.config))
    this.middlewareStack.use(getRetryPlugin(this.config))
    this.middlewareStack.use(getContentLengthPlugin(this.config))
    this.middlewareStack.use(getHostHeaderPlugin(this.config))
    this.middlewareStack.use(getLoggerPlugin(this.config))
    this.middlewareStack.use(getRecursionDetectionPlugin(this.config))
    this.middlewareStack.use(
      getHttpAuthSchemeEndpointRuleSetPlugin(this.config, {
        httpAuthSchemeParametersProvider: defaultHttpAuthSchemeParametersProvider,
        identityProviderConfigProvider: async (config: MWAAServerlessClientResolvedConfig) =>
          new DefaultIdentityProviderConfig({ "aws.auth#sigv4": config.credentials })
      })
    )
    this.middlewareStack.use(getHttpSigningPlugin(this.config))
  }
}
