import { Schema } from "effect"

/**
 * A continuation_token the task-log read cannot continue from: not one this server gave out
 * ("not-issued"), one for another task try's log ("other-try"), or one for a log now read from
 * the other source ("other-source", with both sources). The app words what to pass instead.
 */
export class UnusableLogToken extends Schema.TaggedError<UnusableLogToken>("mwaa-mcp/UnusableLogToken")("UnusableLogToken", {
  problem: Schema.Literal("not-issued", "other-try", "other-source"),
  given: Schema.optional(Schema.Literal("cloudwatch", "rest")),
  now: Schema.optional(Schema.Literal("cloudwatch", "rest"))
}) {
  override get message(): string {
    if (this.problem === "not-issued") return "continuation_token is not one this server gave out."
    if (this.problem === "other-try") return "continuation_token belongs to another task try's log."
    return `continuation_token was given for a ${this.given} log, but this log is now read from ${this.now}.`
  }
}

/**
 * The operation a task-log failure of the use case's own names (no AWS or Airflow call failed: the
 * log cannot be read at all); the app shows it as the tool that reads task logs.
 */
export const READ_TASK_LOG = "ReadTaskLog"

/** The same for a workflow task's log (MWAA Serverless): shown as the tool that reads those. */
export const READ_WORKFLOW_TASK_LOG = "ReadWorkflowTaskLog"
