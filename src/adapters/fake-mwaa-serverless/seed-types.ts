/**
 * What a test or the demo seeds MWAA Serverless with (service AmazonMWAAServerless, API 2024-07-26).
 * Seeds name no account or region: the state builds ARNs from its location, so one seed serves
 * every (account, region) world. Timestamps are ISO-8601, as the model's `date-time` members travel.
 */

/** WorkflowRunStatus in the model. */
export const WORKFLOW_RUN_STATUSES = ["STARTING", "QUEUED", "RUNNING", "SUCCESS", "FAILED", "TIMEOUT", "STOPPING", "STOPPED"] as const
export type WorkflowRunStatus = (typeof WORKFLOW_RUN_STATUSES)[number]

/** The run states no stop can change. */
export const TERMINAL_RUN_STATUSES: ReadonlySet<WorkflowRunStatus> = new Set(["SUCCESS", "FAILED", "TIMEOUT", "STOPPED"])

/** TaskInstanceStatus in the model. */
export type TaskInstanceStatus =
  | "QUEUED"
  | "FAILED"
  | "SCHEDULED"
  | "RUNNING"
  | "SUCCESS"
  | "UP_FOR_RESCHEDULE"
  | "UP_FOR_RETRY"
  | "UPSTREAM_FAILED"
  | "REMOVED"
  | "RESTARTING"
  | "DEFERRED"
  | "NONE"
  | "CANCELLED"
  | "TIMEOUT"

/** RunType in the model. */
export type RunType = "ON_DEMAND" | "SCHEDULED"

/** WorkflowStatus in the model. */
export type WorkflowStatus = "READY" | "DELETING"

export interface SeedS3Location {
  readonly bucket: string
  readonly objectKey: string
  readonly versionId?: string | undefined
}

export interface SeedTaskInstance {
  /** IdString: letters, digits, `.`, `-`, `_`. */
  readonly taskInstanceId: string
  readonly taskId: string
  readonly operatorName: string
  readonly status: TaskInstanceStatus
  readonly attemptNumber: number
  readonly startedAt?: string | undefined
  readonly endedAt?: string | undefined
  readonly errorMessage?: string | undefined
  /** The CloudWatch log stream in the workflow's log group (the model's IdString: no slashes). */
  readonly logStream?: string | undefined
  /** GenericMap: string keys to string values. */
  readonly xcom?: Readonly<Record<string, string>> | undefined
  /**
   * The lines of `logStream` in the workflow's log group (CloudWatch Logs), oldest first. Absent,
   * a stream is generated from the task's status and error message (log-streams.ts).
   */
  readonly log?: ReadonlyArray<string> | undefined
}

export interface SeedWorkflowRun {
  readonly runId: string
  /** The workflow version it ran; the latest when absent. */
  readonly workflowVersion?: string | undefined
  readonly runType: RunType
  readonly status: WorkflowRunStatus
  readonly createdAt: string
  readonly startedAt?: string | undefined
  readonly endedAt?: string | undefined
  /** The run's own error message (WorkflowRunDetail.ErrorMessage). */
  readonly errorMessage?: string | undefined
  readonly overrideParameters?: Readonly<Record<string, unknown>> | undefined
  readonly tasks: ReadonlyArray<SeedTaskInstance>
}

export interface SeedWorkflowVersion {
  /** 32 lowercase letters and digits. */
  readonly version: string
  readonly createdAt: string
  readonly definition: SeedS3Location
  readonly cronExpression?: string | undefined
  readonly triggerMode?: string | undefined
  /** The YAML at `definition` (S3); absent, a minimal one naming the workflow is generated. */
  readonly definitionYaml?: string | undefined
}

export interface SeedWorkflow {
  readonly name: string
  /** The 10 characters AWS appends to the name in the ARN (`workflow/<name>-<suffix>`). */
  readonly arnSuffix: string
  readonly description?: string | undefined
  /** The execution role's name; its ARN names the world's account. */
  readonly roleName: string
  readonly logGroupName: string
  readonly status: WorkflowStatus
  readonly createdAt: string
  /** Oldest first: the last one is the latest version. */
  readonly versions: ReadonlyArray<SeedWorkflowVersion>
  /** In any order: listings sort them newest first. */
  readonly runs: ReadonlyArray<SeedWorkflowRun>
}

export interface ServerlessSeed {
  readonly workflows: ReadonlyArray<SeedWorkflow>
  /** The fake's "now" for runs it starts (ISO-8601); the wall clock when absent. */
  readonly now?: string | undefined
}

/** Where the state lives: ARNs name this account and region. */
export interface ServerlessLocation {
  readonly account: string
  readonly region: string
}
