import { Schema } from "effect"
import { WorkflowDetail, WorkflowVersionRow } from "../../domain/answers/workflows.js"
import { getWorkflow } from "../../domain/usecases/workflows.js"
import { WorkflowRunAnswer } from "../../domain/workflow-model.js"
import { readTool } from "../tool-spec.js"
import { withWorkflow } from "../with-workflow.js"
import { workflow } from "../workflow-fields.js"
import { version } from "../workflow-read-fields.js"

/** get-workflow: one workflow's configuration, its versions and its latest run. */
export const getWorkflowTool = readTool({
  name: "get-workflow",
  title: "Get an MWAA Serverless workflow",
  description:
    "Returns one MWAA Serverless workflow (by name or ARN) at its latest version or the version given: status, schedule, " +
    "trigger mode, engine version, execution role, CloudWatch log group, encryption and network, and where its YAML definition " +
    "is in S3 (the location only; get-workflow-definition reads the YAML, masked). Also its versions (newest first, is_latest) " +
    "and its latest run, read like a DAG run. Next: a failed latest run → diagnose-workflow-run; its task instances → " +
    "get-workflow-run; older runs → list-workflow-runs.",
  input: Schema.Struct({ workflow, version }),
  output: Schema.Struct({
    ...WorkflowDetail.fields,
    versions: Schema.Array(WorkflowVersionRow),
    /** More versions than the first page of the service's listing shows. */
    more_versions: Schema.Boolean,
    latest_run: Schema.NullOr(WorkflowRunAnswer)
  }),
  run: (i) => withWorkflow(i.workflow, (wf) => getWorkflow(wf, i.version)),
  summarize: (o) => {
    const run = o.latest_run
    const latest =
      run === null
        ? "no runs yet."
        : `latest run ${run.run_id} ${run.state ?? "in an unknown state"}${run.status !== null ? ` (${run.status})` : ""}.`
    const next =
      run?.state === "failed"
        ? ` Next: diagnose-workflow-run with run_id ${run.run_id} for its failed tasks and their errors.`
        : run !== null
          ? " Next: get-workflow-run for its task instances, or list-workflow-runs for older runs."
          : ""
    return (
      // The version id is the service's free text (VersionId: any characters): it stays below the data label.
      `Workflow ${o.name ?? o.arn} (${o.status ?? "status unknown"}): ` +
      `${o.versions.length}${o.more_versions ? "+" : ""} version(s); ${latest}${next}`
    )
  }
})
