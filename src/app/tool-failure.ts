import { Schema } from "effect"
import { AirflowTooOld, UnsupportedAirflowVersion } from "../domain/airflow-version.js"
import { ApprovalRefused } from "../domain/approvals.js"
import { NotConfirmed } from "../domain/confirmation.js"
import { EnvironmentUnresolved } from "../domain/environment-resolution.js"
import { UnusableLogToken } from "../domain/log-token.js"
import { RouteUnfit } from "../domain/route-choice.js"
import { TargetAmbiguous, TargetUnknown } from "../domain/targets.js"
import { TargetWritesForbidden, WriteNotAllowed } from "../domain/write-gating.js"
import { MwaaError } from "../ports/MwaaError.js"
import { TaskLogMissing } from "../ports/TaskLogs.js"
import { UnexpectedAnswer } from "../ports/UnexpectedAnswer.js"
import { WorkflowAmbiguous, WorkflowUnknown } from "../domain/workflow-resolution.js"
import { ClientTokenConflict, WorkflowRunEnded } from "../domain/workflow-write-errors.js"
import { WorkflowOutOfReach, WorkflowWritesForbidden } from "../domain/workflow-routing.js"

/**
 * What can fail a tool before it is tied to an environment: AWS or Airflow (MwaaError), a path
 * InvokeRestApi cannot take (RouteUnfit), no environment to act on (or an address no target or
 * several targets answer to), a refused write (by the server, or by the target's configuration), an Airflow
 * this server does not speak, an irreversible change nobody confirmed, a task log's continuation_token that cannot be used. A Schema, not only a type: InEnvironment declares its cause with it.
 */
export const EnvironmentFailure = Schema.Union(
  MwaaError,
  UnexpectedAnswer,
  TaskLogMissing,
  RouteUnfit,
  EnvironmentUnresolved,
  TargetUnknown,
  TargetAmbiguous,
  WriteNotAllowed,
  TargetWritesForbidden,
  UnsupportedAirflowVersion,
  AirflowTooOld,
  ApprovalRefused,
  NotConfirmed,
  UnusableLogToken,
  WorkflowUnknown,
  WorkflowAmbiguous,
  ClientTokenConflict,
  WorkflowRunEnded,
  WorkflowOutOfReach,
  WorkflowWritesForbidden
)
export type EnvironmentFailure = typeof EnvironmentFailure.Type

/**
 * A tool's failure once its environment was resolved: the environment's name, so the message can
 * name it, and the failure itself. The cause is declared with the Schema.Union of the error
 * classes rather than Schema.Unknown plus a TS type: the field's type is then the union itself
 * (each class is its own Type), so the renderer's catchTags over the cause is checked to be
 * exhaustive, and the error still encodes for a log line. It does not nest: withEnvironment wraps
 * a tool's body once.
 */
export class InEnvironment extends Schema.TaggedError<InEnvironment>("mwaa-mcp/InEnvironment")("InEnvironment", {
  environment: Schema.String,
  cause: EnvironmentFailure,
  /** The environment's MWAA name, when the call named it otherwise (a target's alias): IAM resources name it. */
  mwaaName: Schema.optional(Schema.String)
}) {
  override get message(): string {
    return `in environment ${this.environment}: ${this.cause.message}`
  }
}

/** A workflow tool's failure once its workflow was resolved: the workflow's name, so the message can name it. */
export class InWorkflow extends Schema.TaggedError<InWorkflow>("mwaa-mcp/InWorkflow")("InWorkflow", {
  workflow: Schema.String,
  cause: EnvironmentFailure
}) {
  override get message(): string {
    return `for workflow ${this.workflow}: ${this.cause.message}`
  }
}

/** Every way a tool's run can fail: what ToolSpec.run's error channel holds, rendered in one place (tool-errors.ts). */
export const ToolFailure = Schema.Union(EnvironmentFailure, InEnvironment, InWorkflow)
export type ToolFailure = typeof ToolFailure.Type
