import { Context, type Effect, Schema } from "effect"
import type { MwaaError } from "./MwaaError.js"
import type { UnexpectedAnswer } from "./UnexpectedAnswer.js"

/**
 * Amazon MWAA Serverless as the server understands it: workflows (YAML definitions in S3, run on
 * Airflow 3 without an environment), their runs and task instances, in snake_case with timestamps
 * as ISO-8601 text and a member the service did not send as null. Statuses stay the service's own
 * words here (RUNNING, UP_FOR_RETRY ...): the domain normalizes them to Airflow's. Each adapter
 * decodes its answer into these at its edge.
 */

const Text = Schema.NullOr(Schema.String)
const Count = Schema.NullOr(Schema.Number)

/** Where a version's YAML definition is: an S3 object, at an object version when the bucket keeps versions. */
export const DefinitionLocation = Schema.Struct({ bucket: Schema.String, object_key: Schema.String, version_id: Text })
export type DefinitionLocation = typeof DefinitionLocation.Type

/** One workflow as ListWorkflows gives it (its latest version's). */
export const WorkflowSummary = Schema.Struct({
  arn: Schema.String,
  name: Text,
  version: Text,
  description: Text,
  status: Text,
  trigger_mode: Text,
  created_at: Text,
  modified_at: Text
})
export type WorkflowSummary = typeof WorkflowSummary.Type

/** GetWorkflow: the summary and the version's configuration. The definition's text is never part of it. */
export const Workflow = Schema.Struct({
  ...WorkflowSummary.fields,
  engine_version: Count,
  definition_location: Schema.NullOr(DefinitionLocation),
  schedule: Text,
  role_arn: Text,
  log_group: Text,
  encryption: Schema.NullOr(Schema.Struct({ type: Text, kms_key_id: Text })),
  network: Schema.NullOr(Schema.Struct({ security_group_ids: Schema.Array(Schema.String), subnet_ids: Schema.Array(Schema.String) }))
})
export type Workflow = typeof Workflow.Type

export const WorkflowVersion = Schema.Struct({
  version: Schema.String,
  is_latest: Schema.NullOr(Schema.Boolean),
  created_at: Text,
  modified_at: Text,
  definition_location: Schema.NullOr(DefinitionLocation),
  schedule: Text,
  trigger_mode: Text
})
export type WorkflowVersion = typeof WorkflowVersion.Type

/** One run as ListWorkflowRuns gives it. */
export const WorkflowRunSummary = Schema.Struct({
  workflow_arn: Schema.String,
  run_id: Schema.String,
  version: Text,
  run_type: Text,
  status: Text,
  created_at: Text,
  started_at: Text,
  ended_at: Text
})
export type WorkflowRunSummary = typeof WorkflowRunSummary.Type

/** GetWorkflowRun: the summary with the run's detail. */
export const WorkflowRun = Schema.Struct({
  ...WorkflowRunSummary.fields,
  modified_at: Text,
  duration_seconds: Count,
  error_message: Text,
  task_instance_ids: Schema.Array(Schema.String),
  override_parameters: Schema.NullOr(Schema.Record({ key: Schema.String, value: Schema.Unknown }))
})
export type WorkflowRun = typeof WorkflowRun.Type

/** One task instance as ListTaskInstances gives it. */
export const WorkflowTaskSummary = Schema.Struct({
  workflow_arn: Schema.String,
  run_id: Schema.String,
  task_instance_id: Schema.String,
  version: Text,
  status: Text,
  duration_seconds: Count,
  operator: Text
})
export type WorkflowTaskSummary = typeof WorkflowTaskSummary.Type

/** GetTaskInstance: the summary with its attempt, error, log stream and XCom (unmasked: the domain masks). */
export const WorkflowTask = Schema.Struct({
  ...WorkflowTaskSummary.fields,
  task_id: Text,
  attempt: Count,
  started_at: Text,
  ended_at: Text,
  modified_at: Text,
  error_message: Text,
  log_stream: Text,
  xcom: Schema.NullOr(Schema.Record({ key: Schema.String, value: Schema.String }))
})
export type WorkflowTask = typeof WorkflowTask.Type

/** One page of a listing, and the service's token for the next (null on the last page). */
export interface Listing<A> {
  readonly items: ReadonlyArray<A>
  readonly next_token: string | null
}

/** A page request: at most `max_results` (the service allows 1..100) after `next_token`. */
export interface PageRequest {
  readonly max_results: number
  readonly next_token?: string | undefined
}

/** What StartWorkflowRun answered. */
export interface StartedRun {
  readonly run_id: string
  readonly status: string | null
  readonly started_at: string | null
}

/** What StopWorkflowRun answered. */
export interface StoppedRun {
  readonly run_id: string
  readonly status: string | null
}

/** The head of a definition object: its text up to the bound asked for, and its whole size. */
export interface DefinitionText {
  readonly text: string
  readonly total_bytes: number | null
  /** True when the object is longer than the bytes read. */
  readonly truncated: boolean
}

/**
 * MWAA Serverless in one account and region: the calls the workflow tools make. Implemented on
 * AWS (the airflow-serverless service, awsJson1_0) and by the in-memory fake.
 */
export class Workflows extends Context.Tag("mwaa-mcp/Workflows")<
  Workflows,
  {
    readonly list: (page: PageRequest) => Effect.Effect<Listing<WorkflowSummary>, MwaaError | UnexpectedAnswer>
    /** GetWorkflow, at the latest version or the one given. */
    readonly get: (arn: string, version?: string) => Effect.Effect<Workflow, MwaaError | UnexpectedAnswer>
    readonly listVersions: (arn: string, page: PageRequest) => Effect.Effect<Listing<WorkflowVersion>, MwaaError | UnexpectedAnswer>
    /** Newest first, as the service lists them; of one version when given. */
    readonly listRuns: (
      arn: string,
      page: PageRequest & { readonly version?: string | undefined }
    ) => Effect.Effect<Listing<WorkflowRunSummary>, MwaaError | UnexpectedAnswer>
    readonly getRun: (arn: string, runId: string) => Effect.Effect<WorkflowRun, MwaaError | UnexpectedAnswer>
    readonly listTasks: (
      arn: string,
      runId: string,
      page: PageRequest
    ) => Effect.Effect<Listing<WorkflowTaskSummary>, MwaaError | UnexpectedAnswer>
    readonly getTask: (arn: string, runId: string, taskInstanceId: string) => Effect.Effect<WorkflowTask, MwaaError | UnexpectedAnswer>
    /** StartWorkflowRun with a client token: the same token and input again answers the same run. */
    readonly startRun: (
      arn: string,
      request: {
        readonly client_token: string
        readonly version?: string | undefined
        readonly override_parameters?: Readonly<Record<string, unknown>> | undefined
      }
    ) => Effect.Effect<StartedRun, MwaaError | UnexpectedAnswer>
    readonly stopRun: (arn: string, runId: string) => Effect.Effect<StoppedRun, MwaaError | UnexpectedAnswer>
    /** The first `maxBytes` of a definition object (S3 GetObject with a Range), as UTF-8 text. */
    readonly readDefinition: (location: DefinitionLocation, maxBytes: number) => Effect.Effect<DefinitionText, MwaaError>
    /** One page of a task's log stream in the workflow's log group, newest first (CloudWatch Logs). */
    readonly readLogBackward: (
      logGroup: string,
      logStream: string,
      cursor: string | null,
      pageEvents: number
    ) => Effect.Effect<{ readonly messages: ReadonlyArray<string>; readonly older: string | null }, MwaaError>
  }
>() {}
