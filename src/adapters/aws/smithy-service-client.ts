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
  EndpointParameters,
  HttpHandlerOptions,
  Logger,
  MetadataBearer,
  Provider,
  StreamCollector,
  UserAgent
} from "@smithy/types"
import {
  defaultHttpAuthSchemeParametersProvider,
  type HttpAuthSchemeInputConfig,
  resolveHttpAuthSchemeConfig
} from "./sigv4-endpoint-wiring.js"

/**
 * What the clients built here on the SDK's machinery (mwaa-client/, mwaa-serverless-client/) share
 * whatever their service: the config a generated client takes, and its assembly (the SDK's generated
 * clients, e.g. CloudWatchLogsClient.js of the same release: the same config resolvers and the same
 * middleware, in the same order). Each client names its runtime config (runtime-config.ts, on
 * ./smithy-runtime-config.ts) and its endpoint parameters; signing, credentials, retries, endpoints and
 * protocols are the SDK's, only the wiring is ours.
 */

/** Every command's input and output; a client sends any of its service's commands. */
export type ServiceInputTypes = object
export type ServiceOutputTypes = MetadataBearer

export interface SmithyServiceClientConfig<P extends EndpointParameters>
  extends Partial<SmithyConfiguration<HttpHandlerOptions>>,
    UserAgentInputConfig,
    RetryInputConfig,
    RegionInputConfig,
    HostHeaderInputConfig,
    EndpointInputConfig<P>,
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

/** A client's resolved config: Smithy's, its runtime config's (`R`) and every resolver's. */
export type SmithyServiceClientResolvedConfig<P extends EndpointParameters, R> = SmithyResolvedConfiguration<HttpHandlerOptions> &
  R &
  UserAgentResolvedConfig &
  RetryResolvedConfig &
  RegionResolvedConfig &
  HostHeaderResolvedConfig &
  EndpointResolvedConfig<P> &
  ReturnType<typeof resolveHttpAuthSchemeConfig>

/**
 * The base of each client: it resolves the runtime config as a generated client's constructor does,
 * the client's endpoint parameters first (`resolveClientEndpointParameters`, from its endpoint.ts),
 * and installs the generated clients' middleware, in their order.
 */
export abstract class SmithyServiceClient<Resolved extends SmithyResolvedConfiguration<HttpHandlerOptions>> extends Client<
  HttpHandlerOptions,
  ServiceInputTypes,
  ServiceOutputTypes,
  Resolved
> {
  override readonly config: Resolved

  protected constructor(
    /** The client's runtime-config.ts answer (on smithy-runtime-config.ts), typed by the client's resolved config. */
    runtime: object,
    resolveClientEndpointParameters: <T extends { useFipsEndpoint?: boolean | Provider<boolean> }>(
      options: T
    ) => T & { readonly defaultSigningName: string }
  ) {
    super(runtime as never)
    this.initConfig = runtime
    // biome-ignore lint/suspicious/noExplicitAny: each client types its runtime config (runtime-config.ts); the SDK's resolvers are generic over it
    const shared: any = runtime
    // Runtime extensions (`extensions`) are not offered: nothing here configures the clients through them.
    const config = resolveHttpAuthSchemeConfig(
      resolveEndpointConfig(
        resolveHostHeaderConfig(resolveRegionConfig(resolveRetryConfig(resolveUserAgentConfig(resolveClientEndpointParameters(shared)))))
      )
    )
    this.config = config
    this.middlewareStack.use(getSchemaSerdePlugin(config))
    this.middlewareStack.use(getUserAgentPlugin(config))
    this.middlewareStack.use(getRetryPlugin(config))
    this.middlewareStack.use(getContentLengthPlugin(config))
    this.middlewareStack.use(getHostHeaderPlugin(config))
    this.middlewareStack.use(getLoggerPlugin(config))
    this.middlewareStack.use(getRecursionDetectionPlugin(config))
    this.middlewareStack.use(
      getHttpAuthSchemeEndpointRuleSetPlugin(config, {
        httpAuthSchemeParametersProvider: defaultHttpAuthSchemeParametersProvider,
        identityProviderConfigProvider: async (resolved: typeof config) =>
          new DefaultIdentityProviderConfig({ "aws.auth#sigv4": resolved.credentials })
      })
    )
    this.middlewareStack.use(getHttpSigningPlugin(config))
  }
}
