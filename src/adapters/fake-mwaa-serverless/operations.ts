import type { Answer } from "./errors.js"
import { getTaskInstance, listTaskInstances } from "./handlers-tasks.js"
import { getWorkflow, listWorkflowVersions, listWorkflows } from "./handlers-workflows.js"
import { getWorkflowRun, listWorkflowRuns } from "./handlers-runs.js"
import { startWorkflowRun, stopWorkflowRun } from "./handlers-writes.js"
import type { Input } from "./input-checks.js"
import type { ServerlessState } from "./state.js"

/** The operations the fake answers, by the name that follows `AmazonMWAAServerless.` in X-Amz-Target. */
export const SERVERLESS_OPERATIONS = [
  "GetWorkflow",
  "ListWorkflows",
  "ListWorkflowVersions",
  "GetWorkflowRun",
  "ListWorkflowRuns",
  "GetTaskInstance",
  "ListTaskInstances",
  "StartWorkflowRun",
  "StopWorkflowRun"
] as const
export type ServerlessOperation = (typeof SERVERLESS_OPERATIONS)[number]

/** awsJson1_0's X-Amz-Target prefix: the service shape's name. */
export const SERVERLESS_TARGET_PREFIX = "AmazonMWAAServerless."

export const isServerlessOperation = (name: string): name is ServerlessOperation =>
  (SERVERLESS_OPERATIONS as ReadonlyArray<string>).includes(name)

export const SERVERLESS_HANDLERS: Readonly<Record<ServerlessOperation, (state: ServerlessState, input: Input) => Answer>> = {
  GetWorkflow: getWorkflow,
  ListWorkflows: listWorkflows,
  ListWorkflowVersions: listWorkflowVersions,
  GetWorkflowRun: getWorkflowRun,
  ListWorkflowRuns: listWorkflowRuns,
  GetTaskInstance: getTaskInstance,
  ListTaskInstances: listTaskInstances,
  StartWorkflowRun: startWorkflowRun,
  StopWorkflowRun: stopWorkflowRun
}

/** Runs one operation against the state: its output members, or its error. */
export const answerServerless = (state: ServerlessState, operation: ServerlessOperation, input: Input): Answer =>
  SERVERLESS_HANDLERS[operation](state, input)
