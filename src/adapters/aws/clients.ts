import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs"
import { S3Client } from "@aws-sdk/client-s3"
import type { HttpHandlerUserInput } from "@smithy/core/protocols"
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types"
import { type Endpoints, endpointsFromEnv } from "./endpoints.js"
import { MWAAClient } from "./mwaa-client/index.js"
import { MWAAServerlessClient } from "./mwaa-serverless-client/index.js"

/** How to reach AWS: the region, endpoint overrides, and (for tests) credentials and a request handler. */
export interface ClientOptions {
  readonly region: string
  /** One endpoint for every service (`--endpoint-url`); `endpoints` wins per service. */
  readonly endpointUrl?: string | undefined
  /**
   * Per-service endpoints, e.g. `endpointsFromEnv(process.env, flag)`. Left out, they are read
   * from process.env here (with `endpointUrl` first): the SDK would read those variables itself
   * anyway, and the host-prefix and path-style choices must follow the URL it uses.
   */
  readonly endpoints?: Endpoints | undefined
  /** Appended to the SDK's user agent (e.g. "mwaa-mcp-server/0.1.0"), so AWS-side logs show who called. */
  readonly userAgent?: string | undefined
  /** Defaults to the SDK's credential chain (environment, profile, SSO, container, instance). */
  readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined
  /** Defaults to the SDK's Node HTTP handler. */
  readonly requestHandler?: HttpHandlerUserInput | undefined
}

export interface Clients {
  /** Control plane calls the domain does not retry: the SDK's standard retries apply. */
  readonly mwaa: MWAAClient
  /**
   * InvokeRestApi and GetEnvironment: the domain's retry policy retries them, so the SDK makes
   * one attempt only, or the two layers' attempts would multiply.
   */
  readonly mwaaOnce: MWAAClient
  readonly logs: CloudWatchLogsClient
  readonly s3: S3Client
  /** MWAA Serverless (workflows): one attempt per call, as `mwaaOnce`; the domain's retry policy retries. */
  readonly serverless: MWAAServerlessClient
}

export const makeClients = (options: ClientOptions): Clients => {
  const endpoints = options.endpoints ?? endpointsFromEnv(process.env, options.endpointUrl)
  const endpointOf = (service: keyof Endpoints) => endpoints[service] ?? options.endpointUrl
  const base = (endpoint: string | undefined) => ({
    region: options.region,
    // Behind an override (an emulator, a fake on 127.0.0.1) there is no `api.`/`env.` host to prefix.
    ...(endpoint !== undefined && { endpoint, disableHostPrefix: true }),
    ...(options.credentials !== undefined && { credentials: options.credentials }),
    ...(options.userAgent !== undefined && { customUserAgent: options.userAgent }),
    ...(options.requestHandler !== undefined && { requestHandler: options.requestHandler })
  })
  const mwaaEndpoint = endpointOf("mwaa")
  const s3Endpoint = endpointOf("s3")
  return {
    mwaa: new MWAAClient(base(mwaaEndpoint)),
    mwaaOnce: new MWAAClient({ ...base(mwaaEndpoint), maxAttempts: 1 }),
    // One attempt per call: the domain's retry policy retries task-log reads, on the Clock, as it does Airflow calls.
    logs: new CloudWatchLogsClient({ ...base(endpointOf("logs")), maxAttempts: 1 }),
    // Emulators serve buckets under the path, not as <bucket>.<host> subdomains.
    s3: new S3Client({ ...base(s3Endpoint), ...(s3Endpoint !== undefined && { forcePathStyle: true }) }),
    serverless: new MWAAServerlessClient({ ...base(endpointOf("serverless")), maxAttempts: 1 })
  }
}

export const destroyClients = (clients: Clients): void => {
  clients.mwaa.destroy()
  clients.mwaaOnce.destroy()
  clients.logs.destroy()
  clients.s3.destroy()
  clients.serverless.destroy()
}
