import { maskThenCut } from "../domain/redaction.js"
import type { WorkflowAmbiguous, WorkflowUnknown } from "../domain/workflow-resolution.js"
import type { WorkflowOutOfReach, WorkflowWritesForbidden } from "../domain/workflow-routing.js"
import type { ClientTokenConflict, WorkflowRunEnded } from "../domain/workflow-write-errors.js"
import { DATA_LABEL } from "./data-label.js"

/**
 * The wording of the MWAA Serverless workflows' own failures, which tool-errors.ts (the one place
 * each tagged error becomes text) renders: which workflow a name or ARN could not reach, and why a
 * start or a stop was refused.
 */

/** MWAA Serverless's operations: their IAM actions are airflow-serverless:<operation>. */
export const SERVERLESS_ACTIONS: ReadonlySet<string> = new Set([
  "ListWorkflows",
  "GetWorkflow",
  "ListWorkflowVersions",
  "ListWorkflowRuns",
  "GetWorkflowRun",
  "ListTaskInstances",
  "GetTaskInstance",
  "StartWorkflowRun",
  "StopWorkflowRun"
])

export const serverlessAccessHint = (operation: string): string =>
  ` Hint: the caller's IAM identity needs airflow-serverless:${operation} on the workflow (arn:aws:airflow-serverless:<region>:<account>:workflow/*); the README lists the read and write actions.`

/** A workflow name no workflow of the region has: the names there are. */
export const workflowUnknownText = (e: WorkflowUnknown): string =>
  `No MWAA Serverless workflow ${e.region === undefined ? "" : `in region ${e.region} `}is named ${JSON.stringify(e.address)}. ` +
  `Pass the workflow's name or ARN; the workflows are: ${e.known.slice(0, 50).join(", ") || "(none)"}${e.known.length > 50 ? ", …" : ""}. ` +
  "list-workflows shows them all." +
  (e.unlisted === undefined || e.unlisted.length === 0
    ? ""
    : ` The workflows of ${e.unlisted.join(", ")} could not be listed (list-environments says why): pass the workflow's ARN to reach it there.`)

export const workflowAmbiguousText = (e: WorkflowAmbiguous): string =>
  `workflow ${JSON.stringify(e.address)} names ${e.arns.length} workflows; pass one of these ARNs instead:\n` +
  e.arns.map((arn) => `- ${arn}`).join("\n")

export const workflowOutOfReachText = (e: WorkflowOutOfReach): string =>
  `workflow ${e.address} is in region ${e.region} (account ${e.account}), which this server does not reach ` +
  `with any of its configured targets or regions (${e.regions.join(", ") || "none"}). Add the region to --regions or a target ` +
  "of that account to --config."

export const workflowWritesForbiddenText = (e: WorkflowWritesForbidden): string =>
  `The tool "${e.tool}" changes MWAA Serverless workflow ${e.workflow} in region ${e.region}, and the server's ` +
  `configuration file says "writes": false for ${e.targets.join(", ")}, reached there with the same credentials. ` +
  "Workflows have no setting of their own, so that region and account stay read-only for them. Nothing was sent."

/** The service's message (and the token) sit below the data label: the token may be the caller's own text. */
export const clientTokenConflictText = (tool: string, where: string, e: ClientTokenConflict): string =>
  `${tool} failed${where}: the client token ${e.derived ? "derived from this call " : ""}was already used for ` +
  "another request (another workflow, version or override_parameters), so the service started nothing [StartWorkflowRun]. " +
  "Pass a new client_token to start this run." +
  (e.derived ? "" : " To retry an earlier start, pass its exact workflow, version and override_parameters with its token.") +
  `\n\n${DATA_LABEL}\nclient_token: ${maskThenCut(e.client_token, 200)}\n${maskThenCut(e.service_message, 1000)}`

export const workflowRunEndedText = (tool: string, where: string, e: WorkflowRunEnded): string =>
  `${tool}: workflow run ${JSON.stringify(e.run_id)}${where} already ended: ${e.status}` +
  `${e.state === null ? "" : ` (${e.state})`}${e.ended_at === null ? "" : ` at ${e.ended_at}`}. ` +
  "Only a run that has not ended can be stopped; nothing was sent."
