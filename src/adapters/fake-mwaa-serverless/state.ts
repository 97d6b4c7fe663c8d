import type {
  SeedTaskInstance,
  SeedWorkflow,
  SeedWorkflowRun,
  ServerlessLocation,
  ServerlessSeed,
  WorkflowRunStatus
} from "./seed-types.js"
import { definitionsOf, logGroupsOf, type StoredLogStream } from "./stored-objects.js"

/** One run as the fake holds it: its status and times change when a stop arrives. */
export interface RunRecord {
  readonly seed: SeedWorkflowRun
  /** The version it ran (the seed's, else the workflow's latest when it was seeded or started). */
  readonly workflowVersion: string
  status: WorkflowRunStatus
  modifiedAt: string
  readonly tasks: ReadonlyArray<SeedTaskInstance>
}

export interface WorkflowRecord {
  readonly arn: string
  readonly seed: SeedWorkflow
  readonly runs: Map<string, RunRecord>
}

/** What a StartWorkflowRun with a ClientToken asked for, so a retry answers the same run. */
export interface IdempotentStart {
  readonly fingerprint: string
  readonly workflowArn: string
  readonly runId: string
}

/** One (account, region)'s MWAA Serverless: workflows by ARN, and the ClientTokens seen. */
export interface ServerlessState {
  readonly location: ServerlessLocation
  readonly workflows: Map<string, WorkflowRecord>
  readonly clientTokens: Map<string, IdempotentStart>
  readonly now: () => Date
  /** The workflows' CloudWatch log groups (group name → streams) and S3 definition objects (objectKeyOf → YAML). */
  readonly logGroups: ReadonlyMap<string, ReadonlyMap<string, StoredLogStream>>
  readonly definitions: ReadonlyMap<string, string>
  /** Counts the runs this fake started, so their ids never repeat. */
  startedRuns: number
}

export const workflowArnOf = (location: ServerlessLocation, workflow: Pick<SeedWorkflow, "name" | "arnSuffix">) =>
  `arn:aws:airflow-serverless:${location.region}:${location.account}:workflow/${workflow.name}-${workflow.arnSuffix}`

export const roleArnOf = (location: ServerlessLocation, roleName: string) => `arn:aws:iam::${location.account}:role/${roleName}`

export const latestVersionOf = (workflow: SeedWorkflow): string => workflow.versions.at(-1)?.version ?? ""

const recordOf = (workflow: SeedWorkflow, run: SeedWorkflowRun): RunRecord => ({
  seed: run,
  workflowVersion: run.workflowVersion ?? latestVersionOf(workflow),
  status: run.status,
  modifiedAt: run.endedAt ?? run.startedAt ?? run.createdAt,
  tasks: run.tasks
})

/**
 * A fresh state from a seed. `now` defaults to the seed's fixed "now" (so tests read stable
 * times), else the wall clock.
 */
export const makeServerlessState = (seed: ServerlessSeed, location: ServerlessLocation, now?: () => Date): ServerlessState => {
  const fixed = seed.now
  const workflows = new Map<string, WorkflowRecord>()
  for (const workflow of seed.workflows) {
    const arn = workflowArnOf(location, workflow)
    if (workflows.has(arn)) throw new Error(`fake-mwaa-serverless: two workflows named ${workflow.name}-${workflow.arnSuffix}`)
    workflows.set(arn, { arn, seed: workflow, runs: new Map(workflow.runs.map((run) => [run.runId, recordOf(workflow, run)])) })
  }
  return {
    location,
    workflows,
    clientTokens: new Map(),
    now: now ?? (fixed === undefined ? () => new Date() : () => new Date(fixed)),
    logGroups: logGroupsOf(seed.workflows),
    definitions: definitionsOf(seed.workflows),
    startedRuns: 0
  }
}

/** Runs newest first (by creation, then id), as a console lists them. */
export const runsNewestFirst = (workflow: WorkflowRecord): ReadonlyArray<RunRecord> =>
  [...workflow.runs.values()].sort((a, b) => b.seed.createdAt.localeCompare(a.seed.createdAt) || b.seed.runId.localeCompare(a.seed.runId))
