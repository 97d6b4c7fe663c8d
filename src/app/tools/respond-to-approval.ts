import { Schema } from "effect"
import { Approval } from "../../domain/approvals.js"
import { respondToApproval } from "../../domain/usecases/approvals.js"
import { taskInstanceFields } from "../fields.js"
import { timestampText } from "../summary-text.js"
import { writeTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"
import { respondToApprovalQuestion } from "./approval-question.js"

const chosen_options = Schema.NonEmptyArray(Schema.String).annotations({
  message: () => ({ message: "chosen_options must be a non-empty list of the request's options", override: true }),
  description: 'The option(s) chosen, exactly as the request lists them (e.g. ["Approve"]); one unless the request allows multiple.'
})

const params_input = Schema.Record({ key: Schema.String, value: Schema.Unknown }).annotations({
  description: "Values for the request's params, by name (optional)."
})

const keyOf = (i: { dag_id: string; dag_run_id: string; task_id: string; map_index?: number | undefined }) => ({
  dagId: i.dag_id,
  runId: i.dag_run_id,
  taskId: i.task_id,
  mapIndex: i.map_index ?? -1
})

/** respond-to-approval: answers one human-in-the-loop request (Airflow 3.1+), after reading it back (write). */
export const respondToApprovalTool = writeTool({
  name: "respond-to-approval",
  title: "Answer an approval waiting for a human",
  description:
    "Answers one Airflow human-in-the-loop request (Airflow 3.1+) with the chosen option(s) and optional params_input, so " +
    "the waiting task resumes. The request is read first and returned with the answer; a request already answered is " +
    "refused (naming who answered and when), as is an option it does not offer. Only answer what the user decided: " +
    "take the ids and options from list-pending-approvals. Where the client can ask the user, the server asks them " +
    "before sending. Requires --allow-write.",
  destructive: false,
  input: Schema.Struct({
    ...taskInstanceFields,
    chosen_options,
    params_input: Schema.optional(params_input)
  }),
  output: Schema.Struct({
    request: Approval.annotations({ description: "The request as it stood before the answer." }),
    response: Schema.Struct({
      responded_by: Schema.Struct({ id: Schema.String, name: Schema.String }),
      responded_at: Schema.String,
      chosen_options: Schema.Array(Schema.String),
      params_input: Schema.Record({ key: Schema.String, value: Schema.Unknown })
    })
  }),
  confirmationQuestion: (i) => respondToApprovalQuestion(i.environment_name, keyOf(i), i.chosen_options),
  run: (i) =>
    withEnvironment(i.environment_name, (env) =>
      respondToApproval(env, keyOf(i), { chosen_options: i.chosen_options, params_input: i.params_input })
    ),
  summarize: (o) =>
    `Answered the request with ${o.response.chosen_options.length} option(s) at ${timestampText(o.response.responded_at, "(no time)")}; ` +
    "the task resumes with it. The request as it stood is below."
})
