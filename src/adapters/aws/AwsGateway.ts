import { Context, Duration, Effect, Layer } from "effect"
import { AirflowApi } from "../../ports/AirflowApi.js"
import { Environments } from "../../ports/Environments.js"
import { MwaaGateway } from "../../ports/MwaaGateway.js"
import { makeAirflowApi } from "./airflow-api.js"
import { type ClientOptions, type Clients, destroyClients, makeClients } from "./clients.js"
import { makeEnvironments } from "./environments.js"
import { findLogStreams, readDagFile, readLogEventsBackward } from "./logs-and-s3.js"
import { send } from "./send.js"
import { webserverEndpointFromEnv } from "./endpoints.js"

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
  return {
    findLogStreams: findLogStreams(clients, timeout),
    readLogEventsBackward: readLogEventsBackward(clients, timeout),
    readDagFile: readDagFile(clients, timeout)
  }
}

/**
 * The Environments, AirflowApi and MwaaGateway ports on AWS: MWAA through client-mwaa's machinery
 * with our model-current commands, Airflow through InvokeRestApi or the webserver, task logs from
 * CloudWatch Logs, DAG files from S3. The SDK clients live as long as the layer and are destroyed
 * with it, shared by every port.
 */
export const AwsGateway = {
  layer: (options: AwsGatewayOptions): Layer.Layer<Environments | AirflowApi | MwaaGateway> =>
    Layer.scopedContext(
      Effect.map(
        Effect.acquireRelease(
          Effect.sync(() => makeClients(options)),
          (clients) => Effect.sync(() => destroyClients(clients))
        ),
        (clients) =>
          Context.make(MwaaGateway, makeGateway(clients, options)).pipe(
            Context.add(Environments, makeEnvironments(clients, callTimeout(options))),
            Context.add(
              AirflowApi,
              makeAirflowApi(clients, {
                invokeTimeout: options.invokeRestApiTimeout ?? Duration.seconds(15),
                timeout: callTimeout(options),
                webserverEndpoint: options.webserverEndpoint ?? webserverEndpointFromEnv(process.env, options.endpointUrl)
              })
            )
          )
      )
    )
}
