import { DeleteEnvironmentCommand, ListEnvironmentsCommand } from "@aws-sdk/client-mwaa"
import { Context, Duration, Effect, Layer } from "effect"
import type { Environment as PortEnvironment, RestRequest } from "../../ports/MwaaGateway.js"
import { MwaaGateway } from "../../ports/MwaaGateway.js"
import { MwaaError } from "../../ports/MwaaError.js"
import { type ClientOptions, type Clients, destroyClients, makeClients } from "./clients.js"
import {
  CreateEnvironmentCommand,
  type CreateEnvironmentCommandInput,
  type Environment,
  GetEnvironmentCommand,
  InvokeRestApiCommand,
  UpdateEnvironmentCommand,
  type UpdateEnvironmentCommandInput
} from "./commands/index.js"
import { DagFiles } from "../../ports/DagFiles.js"
import { TaskLogs } from "../../ports/TaskLogs.js"
import { cloudWatchTaskLogs } from "../cloudwatch-task-logs.js"
import { cloudWatchLogsWire, readDagFile } from "./logs-and-s3.js"
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

/** ListEnvironments pages of 25 (its maximum), at most this many. */
const MAX_ENVIRONMENT_PAGES = 40

const toPortEnvironment = (name: string, env: Environment): PortEnvironment => ({
  Name: env.Name ?? name,
  Arn: env.Arn,
  Status: env.Status,
  AirflowVersion: env.AirflowVersion,
  EnvironmentClass: env.EnvironmentClass,
  SourceBucketArn: env.SourceBucketArn,
  DagS3Path: env.DagS3Path,
  WebserverUrl: env.WebserverUrl,
  LoggingConfiguration: env.LoggingConfiguration,
  LastUpdate: env.LastUpdate,
  raw: env
})

const makeGateway = (clients: Clients, options: AwsGatewayOptions): Context.Tag.Service<MwaaGateway> => {
  const timeout = options.callTimeout ?? Duration.seconds(30)
  const invokeTimeout = options.invokeRestApiTimeout ?? Duration.seconds(15)
  const webserverRestApi = makeWebserver(clients, {
    endpoint: options.webserverEndpoint ?? webserverEndpointFromEnv(process.env, options.endpointUrl),
    timeout
  })
  return {
    listEnvironments: Effect.fn("AwsGateway.listEnvironments")(function* () {
      const names: Array<string> = []
      let NextToken: string | undefined
      for (let page = 0; page < MAX_ENVIRONMENT_PAGES; page++) {
        const command = new ListEnvironmentsCommand({ MaxResults: 25, NextToken })
        const out = yield* send("ListEnvironments", timeout, (signal) => clients.mwaa.send(command, { abortSignal: signal }))
        names.push(...(out.Environments ?? []))
        NextToken = out.NextToken
        if (NextToken === undefined) break
      }
      return names
    }),
    getEnvironment: Effect.fn("AwsGateway.getEnvironment")(function* (name: string) {
      const command = new GetEnvironmentCommand({ Name: name })
      const out = yield* send("GetEnvironment", timeout, (signal) => clients.mwaaOnce.send(command, { abortSignal: signal }))
      if (out.Environment === undefined) {
        return yield* new MwaaError({ reason: "Internal", operation: "GetEnvironment", message: "The answer had no Environment." })
      }
      return toPortEnvironment(name, out.Environment)
    }),
    createEnvironment: Effect.fn("AwsGateway.createEnvironment")(function* (input) {
      // The port passes model member names through as given; the command sends those the model knows.
      const command = new CreateEnvironmentCommand(input as unknown as CreateEnvironmentCommandInput)
      const out = yield* send("CreateEnvironment", timeout, (signal) => clients.mwaa.send(command, { abortSignal: signal }))
      return { Arn: out.Arn }
    }),
    updateEnvironment: Effect.fn("AwsGateway.updateEnvironment")(function* (input) {
      const command = new UpdateEnvironmentCommand(input as unknown as UpdateEnvironmentCommandInput)
      const out = yield* send("UpdateEnvironment", timeout, (signal) => clients.mwaa.send(command, { abortSignal: signal }))
      return { Arn: out.Arn }
    }),
    deleteEnvironment: Effect.fn("AwsGateway.deleteEnvironment")(function* (name: string) {
      const command = new DeleteEnvironmentCommand({ Name: name })
      yield* send("DeleteEnvironment", timeout, (signal) => clients.mwaa.send(command, { abortSignal: signal }))
    }),
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
    webserverRestApi
  }
}

/** Task logs from CloudWatch Logs and DAG files from S3, over the same clients as the gateway. */
const withLogsAndFiles = (clients: Clients, options: AwsGatewayOptions) => {
  const timeout = options.callTimeout ?? Duration.seconds(30)
  return Context.make(TaskLogs, cloudWatchTaskLogs(cloudWatchLogsWire(clients, timeout))).pipe(
    Context.add(DagFiles, { read: readDagFile(clients, timeout) })
  )
}

/**
 * The ports on AWS: MwaaGateway (MWAA through client-mwaa's machinery with our model-current
 * commands), TaskLogs from CloudWatch Logs, DagFiles from S3. The SDK clients live as long as
 * the layer and are destroyed with it.
 */
export const AwsGateway = {
  layer: (options: AwsGatewayOptions): Layer.Layer<MwaaGateway | TaskLogs | DagFiles> =>
    Layer.scopedContext(
      Effect.map(
        Effect.acquireRelease(
          Effect.sync(() => makeClients(options)),
          (clients) => Effect.sync(() => destroyClients(clients))
        ),
        (clients) => Context.add(withLogsAndFiles(clients, options), MwaaGateway, makeGateway(clients, options))
      )
    )
}
