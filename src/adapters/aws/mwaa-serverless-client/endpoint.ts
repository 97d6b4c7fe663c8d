import type { EndpointParameters as __EndpointParameters, Provider } from "@smithy/types"
import { endpointResolverFor, sigV4SchemeProviderFor } from "../sigv4-endpoint-wiring.js"
import { ruleSet } from "./endpoint-rule-set.js"

export {
  defaultHttpAuthSchemeParametersProvider,
  type HttpAuthSchemeInputConfig,
  resolveHttpAuthSchemeConfig
} from "../sigv4-endpoint-wiring.js"

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

export const defaultEndpointResolver = endpointResolverFor<EndpointParameters>(ruleSet, ["Endpoint", "Region", "UseFIPS"])

export const defaultHttpAuthSchemeProvider = sigV4SchemeProviderFor(SIGNING_NAME)
