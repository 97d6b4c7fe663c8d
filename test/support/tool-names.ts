/**
 * The catalogue's tools by kind, written out here rather than read from src: a tool dropped, added
 * or re-declared as the other kind must fail the tests that compare against these lists.
 */
export const READ_TOOLS = [
  "list-environments",
  "get-fleet-health",
  "get-environment",
  "get-environment-health",
  "list-dags",
  "get-dag",
  "get-dag-source",
  "list-dag-runs",
  "get-dag-run",
  "diagnose-dag-run",
  "wait-for-dag-run",
  "list-task-instances",
  "get-task-instance",
  "get-task-logs",
  "get-xcom",
  "get-import-errors",
  "list-connections",
  "list-variables",
  "list-pending-approvals",
  "list-asset-events"
] as const

export const WRITE_TOOLS = [
  "create-environment",
  "update-environment",
  "delete-environment",
  "pause-dag",
  "unpause-dag",
  "trigger-dag-run",
  "clear-task-instances",
  "respond-to-approval",
  "start-workflow-run",
  "stop-workflow-run"
] as const

/** Tools about MWAA Serverless workflows: they take `workflow`, not `environment_name`, and are not per Airflow release. */
export const actsOnWorkflows = (tool: string): boolean => tool.includes("workflow")

/**
 * The MWAA Serverless workflow read tools. They act on a workflow, not on an environment of an
 * Airflow release, so the environment and release-matrix suites leave them out; they are exercised
 * by test/contract/workflows-read.test.ts and test/e2e/app/stdio-workflows-read.test.ts (the triage tools,
 * diagnose-workflow-run and get-workflow-task-logs, by test/contract/workflow-triage.test.ts and
 * test/e2e/app/stdio-workflow-triage.test.ts).
 */
export const WORKFLOW_READ_TOOLS = [
  "list-workflows",
  "get-workflow",
  "get-workflow-definition",
  "list-workflow-runs",
  "get-workflow-run",
  "list-workflow-task-instances",
  "diagnose-workflow-run",
  "get-workflow-task-logs"
] as const

/** Every tool of the catalogue. */
export const ALL_TOOLS: ReadonlyArray<string> = [...READ_TOOLS, ...WORKFLOW_READ_TOOLS, ...WRITE_TOOLS]
