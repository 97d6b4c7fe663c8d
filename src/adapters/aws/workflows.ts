import type { Command } from "@smithy/types"
import { type Context, type Duration, Effect } from "effect"
import type { MwaaError } from "../../ports/MwaaError.js"
import type { PageRequest, Workflows } from "../../ports/Workflows.js"
import { readStreamBackward } from "../cloudwatch-task-logs.js"
import {
  decodeStartedRun,
  decodeStoppedRun,
  decodeTaskInstance,
  decodeTaskInstances,
  decodeWorkflow,
  decodeWorkflowRun,
  decodeWorkflowRuns,
  decodeWorkflows,
  decodeWorkflowVersions,
  startRunInput
} from "../serverless-codec.js"
import type { Clients } from "./clients.js"
import { readDefinitionHead } from "./definition-object.js"
import { cloudWatchLogsWire } from "./logs-and-s3.js"
import {
  GetTaskInstanceCommand,
  GetWorkflowCommand,
  GetWorkflowRunCommand,
  ListTaskInstancesCommand,
  ListWorkflowRunsCommand,
  ListWorkflowsCommand,
  ListWorkflowVersionsCommand,
  type MWAAServerlessClientResolvedConfig,
  type ServiceInputTypes,
  type ServiceOutputTypes,
  StartWorkflowRunCommand,
  StopWorkflowRunCommand
} from "./mwaa-serverless-client/index.js"
import { send } from "./send.js"

/**
 * The Workflows port on AWS: each call is one MWAA Serverless command on the SDK client (one
 * attempt: the domain's retry policy retries), its answer decoded by the codec the fake shares;
 * definitions are read from S3 and task logs from CloudWatch Logs.
 */

/** The model's page members from the port's page request. */
const pageOf = (page: PageRequest) => ({
  MaxResults: page.max_results,
  ...(page.next_token === undefined ? {} : { NextToken: page.next_token })
})

export const makeWorkflows = (clients: Clients, timeout: Duration.DurationInput): Context.Tag.Service<Workflows> => {
  /** Sends one command (its answer typed by the command). */
  const sent = <I extends ServiceInputTypes, O extends ServiceOutputTypes>(
    operation: string,
    command: Command<ServiceInputTypes, I, ServiceOutputTypes, O, MWAAServerlessClientResolvedConfig>
  ): Effect.Effect<O, MwaaError> =>
    send({ service: "MWAAServerless", operation }, timeout, (signal) => clients.serverless.send(command, { abortSignal: signal }))

  return {
    list: (page) => Effect.flatMap(sent("ListWorkflows", new ListWorkflowsCommand(pageOf(page))), decodeWorkflows),
    get: (arn, version) =>
      Effect.flatMap(
        sent("GetWorkflow", new GetWorkflowCommand({ WorkflowArn: arn, ...(version === undefined ? {} : { WorkflowVersion: version }) })),
        decodeWorkflow
      ),
    listVersions: (arn, page) =>
      Effect.flatMap(
        sent("ListWorkflowVersions", new ListWorkflowVersionsCommand({ WorkflowArn: arn, ...pageOf(page) })),
        decodeWorkflowVersions
      ),
    listRuns: (arn, page) =>
      Effect.flatMap(
        sent(
          "ListWorkflowRuns",
          new ListWorkflowRunsCommand({
            WorkflowArn: arn,
            ...pageOf(page),
            ...(page.version === undefined ? {} : { WorkflowVersion: page.version })
          })
        ),
        decodeWorkflowRuns
      ),
    getRun: (arn, runId) =>
      Effect.flatMap(sent("GetWorkflowRun", new GetWorkflowRunCommand({ WorkflowArn: arn, RunId: runId })), (out) =>
        // Both are optional in the model's output: the ones asked for stand in.
        decodeWorkflowRun({ ...out, WorkflowArn: out.WorkflowArn ?? arn, RunId: out.RunId ?? runId })
      ),
    listTasks: (arn, runId, page) =>
      Effect.flatMap(
        sent("ListTaskInstances", new ListTaskInstancesCommand({ WorkflowArn: arn, RunId: runId, ...pageOf(page) })),
        decodeTaskInstances
      ),
    getTask: (arn, runId, taskInstanceId) =>
      Effect.flatMap(
        sent("GetTaskInstance", new GetTaskInstanceCommand({ WorkflowArn: arn, RunId: runId, TaskInstanceId: taskInstanceId })),
        decodeTaskInstance
      ),
    startRun: (arn, request) =>
      Effect.flatMap(sent("StartWorkflowRun", new StartWorkflowRunCommand(startRunInput(arn, request))), decodeStartedRun),
    stopRun: (arn, runId) =>
      Effect.flatMap(sent("StopWorkflowRun", new StopWorkflowRunCommand({ WorkflowArn: arn, RunId: runId })), decodeStoppedRun),
    readDefinition: readDefinitionHead(clients, timeout),
    // Workflows name their group (LoggingConfiguration.LogGroupName), which the wire takes as is.
    readLogBackward: readStreamBackward(cloudWatchLogsWire(clients, timeout))
  }
}
