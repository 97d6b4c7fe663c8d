import { Effect, Schema } from "effect"
import { CLIENT_TOKEN, CLIENT_TOKEN_WINDOW_MINUTES } from "../../domain/workflow-client-token.js"
import { startWorkflowRun } from "../../domain/usecases/workflow-writes.js"
import { writeTool } from "../tool-spec.js"
import { timestampText, wordText, workflowNameText, workflowRunIdText } from "../summary-text.js"
import { withWorkflow } from "../with-workflow.js"
import { workflow } from "../workflow-fields.js"
import { WorkflowNextStep, workflowRunSteps } from "../workflow-run-steps.js"

/** Parameters become the run's environment variables: a parameter set, not a payload (as trigger-dag-run's conf). */
const MAX_PARAMETERS_CHARS = 64 * 1024

const ClientToken = Schema.String.pipe(
  Schema.filter((s) => CLIENT_TOKEN.test(s), {
    message: () => "client_token must be 1 to 128 printable ASCII characters without spaces (! to ~), e.g. nightly-rerun-2026-11-25"
  })
)

const OverrideParameters = Schema.Record({ key: Schema.String, value: Schema.Unknown })
  .annotations({ message: () => "override_parameters must be a JSON object of parameter names to values" })
  .pipe(
    Schema.filter((p) => (JSON.stringify(p)?.length ?? 0) <= MAX_PARAMETERS_CHARS, {
      message: () => `override_parameters must be at most ${MAX_PARAMETERS_CHARS} characters when serialized`
    })
  )

/** A token shown in the summary only when it is plainly an id: the caller's own text stays below the data label. */
const PLAIN_TOKEN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/

/** start-workflow-run: StartWorkflowRun with a client token, given or derived from the call (write). */
export const startWorkflowRunTool = writeTool({
  name: "start-workflow-run",
  title: "Start an MWAA Serverless workflow run",
  description:
    "Starts an on-demand run of an MWAA Serverless workflow (StartWorkflowRun), at its latest version or the one given, " +
    "with optional override_parameters. Safe to retry: every start carries a client token, and the service answers a " +
    "repeated start with the same token and the same input with the run the first one started. Without client_token the " +
    `server derives one from the workflow, version and parameters and the current ${CLIENT_TOKEN_WINDOW_MINUTES}-minute UTC ` +
    `window: the same call repeated within that window starts one run; a deliberate second run with the same input ` +
    "within it needs a new client_token. The answer always carries the client_token used: to retry a start whose answer " +
    "you did not see, call again with that client_token. The service does not say whether an answer is a new run or the " +
    "earlier one. Requires --allow-write. Next: get-workflow-run to follow it, diagnose-workflow-run once it ended.",
  destructive: false,
  input: Schema.Struct({
    workflow,
    version: Schema.optional(
      Schema.String.pipe(Schema.minLength(1), Schema.maxLength(2048)).annotations({
        description: "Workflow version to run (from get-workflow's versions); the latest when omitted."
      })
    ),
    override_parameters: Schema.optional(
      OverrideParameters.annotations({
        description: `JSON object overriding the workflow's parameters for this run (at most ${MAX_PARAMETERS_CHARS} characters).`
      })
    ),
    client_token: Schema.optional(
      ClientToken.annotations({
        description:
          "Idempotency token (1-128 printable ASCII characters, no spaces): a start with a token already used answers that " +
          `start's run. Derived from the call when omitted (the same call in the same ${CLIENT_TOKEN_WINDOW_MINUTES}-minute UTC window: the same run).`
      })
    )
  }),
  output: Schema.Struct({
    workflow: Schema.String,
    workflow_arn: Schema.String,
    run_id: Schema.String,
    state: Schema.NullOr(Schema.String),
    status: Schema.NullOr(Schema.String),
    started_at: Schema.NullOr(Schema.String),
    workflow_version: Schema.NullOr(Schema.String),
    client_token: Schema.String,
    client_token_derived: Schema.Boolean,
    next_steps: Schema.Array(WorkflowNextStep)
  }),
  // Ours or the caller's own id for the start, not the environment's credential: not masked by its name.
  serverFields: ["client_token"],
  run: (i) =>
    withWorkflow(i.workflow, (wf) =>
      Effect.map(startWorkflowRun(wf, i), (started) => ({ ...started, next_steps: workflowRunSteps(i.workflow, started.run_id, "start") }))
    ),
  summarize: (o) =>
    `Started run ${workflowRunIdText(o.run_id)} of workflow ${workflowNameText(o.workflow)} ` +
    `(${wordText(o.status, "no status")}, started ${timestampText(o.started_at, "not yet")}). ` +
    `Client token ${PLAIN_TOKEN.test(o.client_token) ? o.client_token : "(see client_token below)"}` +
    `${o.client_token_derived ? ` (derived from the call: the same call in the same ${CLIENT_TOKEN_WINDOW_MINUTES}-minute UTC window answers this run)` : ""}; ` +
    "pass it to retry this start."
})
