import { Schema } from "effect"
import { getWorkflowTaskLogs } from "../../domain/usecases/workflow-logs.js"
import { readTool } from "../tool-spec.js"
import { withWorkflow } from "../with-workflow.js"
import { run_id, task_instance_id, workflow } from "../workflow-fields.js"
import { workflowTaskIdText } from "../workflow-summary-text.js"
import { logWindowInput, logWindowOutput, windowRequest, windowSummary } from "../log-window-fields.js"

/** get-workflow-task-logs: get-task-logs for an MWAA Serverless task instance, with its bounds and behaviour. */
export const getWorkflowTaskLogsTool = readTool({
  name: "get-workflow-task-logs",
  title: "Get a workflow task's log",
  description:
    "Returns the end of an MWAA Serverless task instance's log (its latest attempt; the last 200 lines within 16 KB), " +
    "from the CloudWatch log stream GetTaskInstance names in the workflow's log group. error_excerpt holds the " +
    "exception and traceback that explain a failure when they sit further back than the lines shown. filter (text) " +
    'and level (e.g. error) show only matching lines, with context_lines around each; "--" marks skipped lines. ' +
    "truncated: true means older lines exist: pass continuation_token to read further back. lines_from_end numbers " +
    "lines from the end (1 = the last). Credentials in the log are masked.",
  input: Schema.Struct({
    workflow,
    run_id,
    task_instance_id,
    ...logWindowInput("get-workflow-task-logs")
  }),
  output: Schema.Struct({
    workflow: Schema.String,
    run_id: Schema.String,
    task_instance_id: Schema.String,
    task_id: Schema.NullOr(Schema.String),
    try_number: Schema.NullOr(Schema.Number),
    state: Schema.NullOr(Schema.String),
    status: Schema.NullOr(Schema.String),
    ...logWindowOutput
  }),
  // The token is the server's own (base64url of a cursor), not the workflow's secret.
  serverFields: ["continuation_token"],
  run: (i) =>
    withWorkflow(i.workflow, (wf) =>
      getWorkflowTaskLogs(wf, {
        run_id: i.run_id,
        task_instance_id: i.task_instance_id,
        ...windowRequest(i)
      })
    ),
  summarize: (o) => {
    const attempt = o.try_number === null ? "" : ` attempt ${o.try_number}`
    return `Log of task instance ${workflowTaskIdText(o.task_instance_id)}${attempt}: ${windowSummary(o)}`
  }
})
