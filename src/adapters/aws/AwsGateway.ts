import { Context, Duration, Effect, Layer } from "effect"
import { Environments } from "../../ports/Environments.js"
import type { RestRequest } from "../../ports/MwaaGateway.js"
import { MwaaGateway } from "../../ports/MwaaGateway.js"
import { type ClientOptions, type Clients, destroyClients, makeClients } from "./clients.js"
import { InvokeRestApiCommand } from "./commands/index.js"
import { makeEnvironments } from "./environments.js"
import { findLogStreams, readDagFile, readLogEventsBackward } from "./logs-and-s3.js"
import { send } from "./send.js"
import { webserverEndpointFromEnv } from "./endpoints.js"
import { makeWebserver } from "./webserver-session.js"

export interface AwsGatewayOptions extends ClientOptions {
  /** MWAA gives Airflow 10 s per InvokeRestApi; we wait a little longer before giving up (default 15 s). */
  readonly invokeRestApiTimeout?: Duration.DurationInput | undefined
  /** Every other call (default 30 s); also each webserver login and call. */
  readonly callTimeout?: Duration.DurationInput | undefined
  /**
   * Replaces https://{WebServerHostname} for the webserver route (MWAA_MCP_WEBSERVER_ENDPOINT, else
   * --endpoint-url / AWS_ENDPOINT_URL). Left out, it is read from process.env here, like `endpoints`.
   */
  readonly webserverEndpoint?: string | undefined
}

const callTimeout = (options: AwsGatewayOptions) => options.callTimeout ?? Duration.seconds(30)

const makeGateway = (clients: Clients, options: AwsGatewayOptions): Context.Tag.Service<MwaaGateway> => {
  const timeout = callTimeout(options)
  const invokeTimeout = options.invokeRestApiTimeout ?? Duration.seconds(15)
  const webserverRestApi = makeWebserver(clients, {
    endpoint: options.webserverEndpoint ?? webserverEndpointFromEnv(process.env, options.endpointUrl),
    timeout
  })
  return {
    invokeRestApi: Effect.fn("AwsGateway.invokeRestApi")(function* (request: RestRequest) {
      const command = new InvokeRestApiCommand({
        Name: request.environmentName,
        Path: request.path,
        Method: request.method,
        ...(request.queryParameters !== undefined && { QueryParameters: request.queryParameters }),
        ...(request.body !== undefined && { Body: request.body })
      })
      const operation = `InvokeRestApi ${request.method} ${request.path}`
      const out = yield* send(operation, invokeTimeout, (signal) => clients.mwaaOnce.send(command, { abortSignal: signal }))
      return { status: out.RestApiStatusCode ?? 200, body: out.RestApiResponse }
    }),
    webserverRestApi,
    findLogStreams: findLogStreams(clients, timeout),
    readLogEventsBackward: readLogEventsBackward(clients, timeout),
    readDagFile: readDagFile(clients, timeout)
  }
}

/**
 * The Environments and MwaaGateway ports on AWS: MWAA through client-mwaa's machinery with our
 * model-current commands, task logs from CloudWatch Logs, DAG files from S3. The SDK clients
 * live as long as the layer and are destroyed with it; both ports share them.
 */
export const AwsGateway = {
  layer: (options: AwsGatewayOptions): Layer.Layer<Environments | MwaaGateway> =>
    Layer.scopedContext(
      Effect.map(
        Effect.acquireRelease(
          Effect.sync(() => makeClients(options)),
          (clients) => Effect.sync(() => destroyClients(clients))
        ),
        (clients) =>
          Context.make(MwaaGateway, makeGateway(clients, options)).pipe(
            Context.add(Environments, makeEnvironments(clients, callTimeout(options)))
          )
      )
    )
}
