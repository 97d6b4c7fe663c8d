import { Context, Duration, Effect, Layer } from "effect"
import { AirflowApi } from "../../ports/AirflowApi.js"
import type { BackendPorts } from "../../ports/BackendPorts.js"
import { DagFiles } from "../../ports/DagFiles.js"
import { Environments } from "../../ports/Environments.js"
import { TaskLogs } from "../../ports/TaskLogs.js"
import { Workflows } from "../../ports/Workflows.js"
import { cloudWatchTaskLogs } from "../cloudwatch-task-logs.js"
import { makeAirflowApi } from "./airflow-api.js"
import { type ClientOptions, type Clients, destroyClients, makeClients } from "./clients.js"
import { webserverEndpointFromEnv } from "./endpoints.js"
import { makeEnvironments } from "./environments.js"
import { cloudWatchLogsWire, readDagFile } from "./logs-and-s3.js"
import { makeWorkflows } from "./workflows.js"

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

/** Every port on one set of SDK clients. */
const portsOn = (clients: Clients, options: AwsGatewayOptions): Context.Context<BackendPorts> => {
  const timeout = options.callTimeout ?? Duration.seconds(30)
  return Context.make(Environments, makeEnvironments(clients, timeout)).pipe(
    Context.add(
      AirflowApi,
      makeAirflowApi(clients, {
        invokeTimeout: options.invokeRestApiTimeout ?? Duration.seconds(15),
        timeout,
        webserverEndpoint: options.webserverEndpoint ?? webserverEndpointFromEnv(process.env, options.endpointUrl)
      })
    ),
    Context.add(TaskLogs, cloudWatchTaskLogs(cloudWatchLogsWire(clients, timeout))),
    Context.add(DagFiles, { read: readDagFile(clients, timeout) }),
    Context.add(Workflows, makeWorkflows(clients, timeout))
  )
}

/**
 * The backend's ports on AWS: environments and Airflow through our MWAA client (mwaa-client/) and
 * model-current commands (Airflow through InvokeRestApi or the webserver), task logs from
 * CloudWatch Logs, DAG files from S3, MWAA Serverless workflows through our client
 * (mwaa-serverless-client/). The SDK clients live as long as the layer and are destroyed
 * with it, shared by every port.
 */
export const AwsGateway = {
  layer: (options: AwsGatewayOptions): Layer.Layer<BackendPorts> =>
    Layer.scopedContext(
      Effect.map(
        Effect.acquireRelease(
          Effect.sync(() => makeClients(options)),
          (clients) => Effect.sync(() => destroyClients(clients))
        ),
        (clients) => portsOn(clients, options)
      )
    )
}
