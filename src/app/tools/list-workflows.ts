import { Effect, Schema } from "effect"
import { WorkflowRow } from "../../domain/answers/workflows.js"
import { listWorkflows } from "../../domain/usecases/workflows.js"
import { compactable, compactRecord, full } from "../compact.js"
import { readTool } from "../tool-spec.js"
import { max_results, next_token } from "../workflow-read-fields.js"

const COMPACT = ["name", "arn", "status", "trigger_mode", "description"] as const

/** list-workflows: the region's MWAA Serverless workflows, a page at a time. */
export const listWorkflowsTool = readTool({
  name: "list-workflows",
  title: "List MWAA Serverless workflows",
  description:
    "Lists the region's Amazon MWAA Serverless workflows (YAML-defined Airflow workflows that run without an environment): " +
    "name, ARN, status, trigger mode and description (full: true adds the latest version id and created/modified times). " +
    "Paged: pass next_token for the next page. Next: get-workflow for one workflow's configuration, versions and latest run, " +
    "or list-workflow-runs with state=failed to find what broke.",
  input: Schema.Struct({ max_results: max_results(50, 100), next_token, full }),
  output: Schema.Struct({ workflows: Schema.Array(compactable(WorkflowRow, COMPACT)), next_token: Schema.NullOr(Schema.String) }),
  run: ({ max_results: size, next_token: token, full: wantFull }) =>
    listWorkflows({ max_results: size ?? 50, next_token: token }).pipe(
      Effect.map((page) => ({ ...page, workflows: page.workflows.map((w) => compactRecord(w, COMPACT, wantFull)) }))
    ),
  serverFields: ["next_token"],
  summarize: (o) =>
    `${o.workflows.length} workflow(s)${o.next_token !== null ? "; more with next_token." : "."}` +
    (o.workflows.length > 0 ? " Next: get-workflow or list-workflow-runs with a workflow's name." : "")
})
