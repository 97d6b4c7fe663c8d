import { awsEndpointFunctions } from "@aws-sdk/core/client"
import { resolveAwsSdkSigV4Config } from "@aws-sdk/core/httpAuthSchemes"
import type { AwsSdkSigV4AuthInputConfig, AwsSdkSigV4PreviouslyResolved } from "@aws-sdk/core/httpAuthSchemes"
import { getSmithyContext, normalizeProvider } from "@smithy/core/client"
import { customEndpointFunctions, EndpointCache, type EndpointParams, resolveEndpoint } from "@smithy/core/endpoints"
import type {
  EndpointParameters as __EndpointParameters,
  EndpointV2,
  HandlerExecutionContext,
  HttpAuthOption,
  HttpAuthScheme,
  HttpAuthSchemeParameters,
  Logger,
  Provider
} from "@smithy/types"
import { ruleSet } from "./endpoint-rule-set.js"

/**
 * Where MWAA Serverless calls go and how they are signed, as a generated client's endpoint/ and auth/
 * folders say it: the model's rule set picks the endpoint from the region, FIPS and an override (the
 * service is dual-stack only, so there is no dual-stack switch); every operation is signed SigV4 for
 * `airflow-serverless` (the model's aws.auth#sigv4 name).
 */

export const SIGNING_NAME = "airflow-serverless"

export interface EndpointParameters extends __EndpointParameters {
  Region?: string | undefined
  UseFIPS?: boolean | undefined
  Endpoint?: string | undefined
}

/** The rule set's parameters every command takes from the client config. */
export const commonParams = {
  UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
  Endpoint: { type: "builtInParams", name: "endpoint" },
  Region: { type: "builtInParams", name: "region" }
} as const

export const resolveClientEndpointParameters = <T>(options: T & { useFipsEndpoint?: boolean | Provider<boolean> }) =>
  Object.assign(options, { useFipsEndpoint: options.useFipsEndpoint ?? false, defaultSigningName: SIGNING_NAME })

// The rule set calls aws.partition(); generated clients register the AWS functions the same way.
customEndpointFunctions["aws"] = awsEndpointFunctions

const cache = new EndpointCache({ size: 50, params: ["Endpoint", "Region", "UseFIPS"] })

export const defaultEndpointResolver = (endpointParams: EndpointParameters, context: { logger?: Logger } = {}): EndpointV2 =>
  cache.get(endpointParams as EndpointParams, () =>
    resolveEndpoint(ruleSet, {
      endpointParams: endpointParams as EndpointParams,
      ...(context.logger !== undefined && { logger: context.logger })
    })
  )

export interface ServerlessAuthParameters extends HttpAuthSchemeParameters {
  readonly region?: string
}

export const defaultHttpAuthSchemeParametersProvider = async (
  config: { region: string | Provider<string> },
  context: HandlerExecutionContext
): Promise<ServerlessAuthParameters> => {
  const region = await normalizeProvider(config.region)()
  if (!region) throw new Error("expected `region` to be configured for `aws.auth#sigv4`")
  return { operation: getSmithyContext(context)["operation"] as string, region }
}

export const defaultHttpAuthSchemeProvider = (parameters: ServerlessAuthParameters): Array<HttpAuthOption> => [
  {
    schemeId: "aws.auth#sigv4",
    signingProperties: { name: SIGNING_NAME, region: parameters.region },
    propertiesExtractor: (config, context) => ({ signingProperties: { config, context } })
  }
]

export interface HttpAuthSchemeInputConfig extends AwsSdkSigV4AuthInputConfig {
  authSchemePreference?: Array<string> | Provider<Array<string>>
  httpAuthSchemes?: Array<HttpAuthScheme>
  httpAuthSchemeProvider?: typeof defaultHttpAuthSchemeProvider
}

export const resolveHttpAuthSchemeConfig = <T>(config: T & HttpAuthSchemeInputConfig & AwsSdkSigV4PreviouslyResolved) =>
  Object.assign(resolveAwsSdkSigV4Config(config), {
    authSchemePreference: normalizeProvider(config.authSchemePreference ?? [])
  })
