import { awsEndpointFunctions } from "@aws-sdk/core/client"
import { resolveAwsSdkSigV4Config } from "@aws-sdk/core/httpAuthSchemes"
import type { AwsSdkSigV4AuthInputConfig, AwsSdkSigV4PreviouslyResolved } from "@aws-sdk/core/httpAuthSchemes"
import { getSmithyContext, normalizeProvider } from "@smithy/core/client"
import { customEndpointFunctions, EndpointCache, type EndpointParams, resolveEndpoint, type RuleSetObject } from "@smithy/core/endpoints"
import type {
  EndpointParameters,
  EndpointV2,
  HandlerExecutionContext,
  HttpAuthOption,
  HttpAuthScheme,
  HttpAuthSchemeParameters,
  Logger,
  Provider
} from "@smithy/types"

/**
 * What a client built here on the SDK's machinery (mwaa-client/, mwaa-serverless-client/) needs for
 * endpoints and signing whatever its service, as a generated client's endpoint/ and auth/ folders have
 * it: the model's rule set resolved (and cached) per set of parameters, and SigV4 under the model's
 * signing name with the client's region. Each client's endpoint.ts names its rule set and signing name.
 */

// Rule sets call aws.partition(); generated clients register the AWS functions the same way.
customEndpointFunctions["aws"] = awsEndpointFunctions

/** The endpoint resolver of one rule set, cached on the parameters the rule set reads. */
export const endpointResolverFor = <P extends EndpointParameters>(
  ruleSet: RuleSetObject,
  parameterNames: ReadonlyArray<keyof P & string>
) => {
  const cache = new EndpointCache({ size: 50, params: [...parameterNames] })
  return (endpointParams: P, context: { logger?: Logger } = {}): EndpointV2 =>
    cache.get(endpointParams as EndpointParams, () =>
      resolveEndpoint(ruleSet, {
        endpointParams: endpointParams as EndpointParams,
        ...(context.logger !== undefined && { logger: context.logger })
      })
    )
}

export interface SigV4AuthParameters extends HttpAuthSchemeParameters {
  readonly region?: string
}

export const defaultHttpAuthSchemeParametersProvider = async (
  config: { region: string | Provider<string> },
  context: HandlerExecutionContext
): Promise<SigV4AuthParameters> => {
  const region = await normalizeProvider(config.region)()
  if (!region) throw new Error("expected `region` to be configured for `aws.auth#sigv4`")
  return { operation: getSmithyContext(context)["operation"] as string, region }
}

/** Every operation signed SigV4 under `signingName` (the model's aws.auth#sigv4 name). */
export const sigV4SchemeProviderFor =
  (signingName: string) =>
  (parameters: SigV4AuthParameters): Array<HttpAuthOption> => [
    {
      schemeId: "aws.auth#sigv4",
      signingProperties: { name: signingName, region: parameters.region },
      propertiesExtractor: (config, context) => ({ signingProperties: { config, context } })
    }
  ]

export interface HttpAuthSchemeInputConfig extends AwsSdkSigV4AuthInputConfig {
  authSchemePreference?: Array<string> | Provider<Array<string>>
  httpAuthSchemes?: Array<HttpAuthScheme>
  httpAuthSchemeProvider?: (parameters: SigV4AuthParameters) => Array<HttpAuthOption>
}

export const resolveHttpAuthSchemeConfig = <T>(config: T & HttpAuthSchemeInputConfig & AwsSdkSigV4PreviouslyResolved) =>
  Object.assign(resolveAwsSdkSigV4Config(config), {
    authSchemePreference: normalizeProvider(config.authSchemePreference ?? [])
  })
