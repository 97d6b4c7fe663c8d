import type { AnyToolSpec } from "./tool-spec.js"
import { withTargetField } from "./fleet/target-view.js"
import { clearTaskInstancesTool } from "./tools/clear-task-instances.js"
import { createEnvironmentTool } from "./tools/create-environment.js"
import { deleteEnvironmentTool } from "./tools/delete-environment.js"
import { diagnoseDagRunTool } from "./tools/diagnose-dag-run.js"
import { diagnoseWorkflowRunTool } from "./tools/diagnose-workflow-run.js"
import { getDagTool } from "./tools/get-dag.js"
import { getDagRunTool } from "./tools/get-dag-run.js"
import { getDagSourceTool } from "./tools/get-dag-source.js"
import { getEnvironmentTool } from "./tools/get-environment.js"
import { getEnvironmentHealthTool } from "./tools/get-environment-health.js"
import { getFleetHealthTool } from "./tools/get-fleet-health.js"
import { getImportErrorsTool } from "./tools/get-import-errors.js"
import { getTaskInstanceTool } from "./tools/get-task-instance.js"
import { getTaskLogsTool } from "./tools/get-task-logs.js"
import { getWorkflowTaskLogsTool } from "./tools/get-workflow-task-logs.js"
import { listAssetEventsTool } from "./tools/list-asset-events.js"
import { getXcomTool } from "./tools/get-xcom.js"
import { listConnectionsTool } from "./tools/list-connections.js"
import { listDagRunsTool } from "./tools/list-dag-runs.js"
import { listDagsTool } from "./tools/list-dags.js"
import { listEnvironmentsTool } from "./tools/list-environments.js"
import { listPendingApprovalsTool } from "./tools/list-pending-approvals.js"
import { listTaskInstancesTool } from "./tools/list-task-instances.js"
import { listVariablesTool } from "./tools/list-variables.js"
import { pauseDagTool, unpauseDagTool } from "./tools/pause-dag.js"
import { respondToApprovalTool } from "./tools/respond-to-approval.js"
import { startWorkflowRunTool } from "./tools/start-workflow-run.js"
import { stopWorkflowRunTool } from "./tools/stop-workflow-run.js"
import { triggerDagRunTool } from "./tools/trigger-dag-run.js"
import { updateEnvironmentTool } from "./tools/update-environment.js"
import { waitForDagRunTool } from "./tools/wait-for-dag-run.js"
import { getWorkflowTool } from "./tools/get-workflow.js"
import { getWorkflowDefinitionTool } from "./tools/get-workflow-definition.js"
import { getWorkflowRunTool } from "./tools/get-workflow-run.js"
import { listWorkflowRunsTool } from "./tools/list-workflow-runs.js"
import { listWorkflowTaskInstancesTool } from "./tools/list-workflow-task-instances.js"
import { listWorkflowsTool } from "./tools/list-workflows.js"

/** Tools whose answers are about one environment: on a server with several targets, each names its target. */
const environmentTools: ReadonlyArray<AnyToolSpec> = (
  [
    getEnvironmentTool,
    getEnvironmentHealthTool,
    createEnvironmentTool,
    updateEnvironmentTool,
    deleteEnvironmentTool,
    listDagsTool,
    getDagTool,
    getDagSourceTool,
    pauseDagTool,
    unpauseDagTool,
    listDagRunsTool,
    getDagRunTool,
    diagnoseDagRunTool,
    listAssetEventsTool,
    triggerDagRunTool,
    waitForDagRunTool,
    listTaskInstancesTool,
    getTaskInstanceTool,
    clearTaskInstancesTool,
    listPendingApprovalsTool,
    respondToApprovalTool,
    getTaskLogsTool,
    getXcomTool,
    getImportErrorsTool,
    listConnectionsTool,
    listVariablesTool
  ] as ReadonlyArray<AnyToolSpec>
).map((spec: AnyToolSpec): AnyToolSpec => ({ ...spec, output: withTargetField(spec.output) }))

/** Tools about MWAA Serverless workflows: about a workflow of the region, not an environment, so no target field. */
const workflowTools: ReadonlyArray<AnyToolSpec> = [
  listWorkflowsTool,
  getWorkflowTool,
  getWorkflowDefinitionTool,
  listWorkflowRunsTool,
  getWorkflowRunTool,
  listWorkflowTaskInstancesTool,
  diagnoseWorkflowRunTool,
  getWorkflowTaskLogsTool,
  startWorkflowRunTool,
  stopWorkflowRunTool
] as ReadonlyArray<AnyToolSpec>

/** The tool catalogue, in the order an assistant meets them while triaging. */
export const catalogue: ReadonlyArray<AnyToolSpec> = [listEnvironmentsTool, getFleetHealthTool, ...environmentTools, ...workflowTools]
