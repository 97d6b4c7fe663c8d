/**
 * Endpoint overrides for local emulators and test fakes, with the SDK's standard variables:
 * AWS_ENDPOINT_URL_<SERVICE ID> beats AWS_ENDPOINT_URL, and an explicit flag (--endpoint-url)
 * beats both. The SDK's clients read these variables themselves too, but only to pick the URL:
 * the adapter must also know, to drop the model's host prefixes and use S3 path-style.
 */
export interface Endpoints {
  readonly mwaa?: string | undefined
  readonly logs?: string | undefined
  readonly s3?: string | undefined
  /** MWAA Serverless (the `airflow-serverless` endpoint; the SDK's service id "MWAA Serverless"). */
  readonly serverless?: string | undefined
  /** Where roles are assumed (a target's role_arn). */
  readonly sts?: string | undefined
}

type Env = Readonly<Record<string, string | undefined>>

const set = (value: string | undefined): string | undefined => (value !== undefined && value.trim() !== "" ? value.trim() : undefined)

/** Pure: the endpoint of each service from an environment (process.env) and an optional flag. */
export const endpointsFromEnv = (env: Env, flagUrl?: string): Endpoints => {
  const flag = set(flagUrl)
  // AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true turns the variables off, as in the AWS CLI and SDKs.
  const ignored = set(env["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"])?.toLowerCase() === "true"
  const from = (name: string) => flag ?? (ignored ? undefined : (set(env[name]) ?? set(env["AWS_ENDPOINT_URL"])))
  return {
    mwaa: from("AWS_ENDPOINT_URL_MWAA"),
    logs: from("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"),
    s3: from("AWS_ENDPOINT_URL_S3"),
    serverless: from("AWS_ENDPOINT_URL_MWAA_SERVERLESS"),
    sts: from("AWS_ENDPOINT_URL_STS")
  }
}

/**
 * Where the webserver route sends its login and Airflow calls instead of https://{WebServerHostname}
 * (CreateWebLoginToken's answer): MWAA_MCP_WEBSERVER_ENDPOINT, else the flag (--endpoint-url), else
 * AWS_ENDPOINT_URL — an emulator that serves MWAA serves its webserver too. Tests and local
 * emulators only ever talk to loopback this way.
 */
export const webserverEndpointFromEnv = (env: Env, flagUrl?: string): string | undefined => {
  const ignored = set(env["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"])?.toLowerCase() === "true"
  return set(env["MWAA_MCP_WEBSERVER_ENDPOINT"]) ?? set(flagUrl) ?? (ignored ? undefined : set(env["AWS_ENDPOINT_URL"]))
}
