import { Schema } from "effect"

/**
 * The client token of a StartWorkflowRun already named another request (MWAA Serverless's
 * ConflictException: the same token with another workflow, version or parameters). Nothing was
 * started. `derived` says whether the server made the token up (the caller gave none).
 */
export class ClientTokenConflict extends Schema.TaggedError<ClientTokenConflict>("mwaa-mcp/ClientTokenConflict")("ClientTokenConflict", {
  client_token: Schema.String,
  derived: Schema.Boolean,
  /** What the service said, quoted below the data label by the app. */
  service_message: Schema.String
}) {
  override get message(): string {
    return `Client token ${this.client_token} was already used for another request; no run was started.`
  }
}

/** A run that already ended cannot be stopped: it was not asked to, and nothing was sent. */
export class WorkflowRunEnded extends Schema.TaggedError<WorkflowRunEnded>("mwaa-mcp/WorkflowRunEnded")("WorkflowRunEnded", {
  run_id: Schema.String,
  /** The service's status (SUCCESS, FAILED, TIMEOUT, STOPPED) and Airflow's word for it. */
  status: Schema.String,
  state: Schema.NullOr(Schema.String),
  ended_at: Schema.NullOr(Schema.String)
}) {
  override get message(): string {
    return `Workflow run ${this.run_id} already ended (${this.status}); nothing was stopped.`
  }
}
