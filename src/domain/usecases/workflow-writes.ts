import { Clock, Effect } from "effect"
import { AppConfig } from "../../ports/AppConfig.js"
import { MwaaError } from "../../ports/MwaaError.js"
import { Workflows, type WorkflowRun } from "../../ports/Workflows.js"
import { retryThrottled } from "../retry-policy.js"
import { canonicalJson, derivedClientToken } from "../workflow-client-token.js"
import { runStateOf, TERMINAL_RUN_STATUSES } from "../workflow-model.js"
import type { ResolvedWorkflow } from "../workflow-resolution.js"
import { ClientTokenConflict, WorkflowRunEnded } from "../workflow-write-errors.js"

/**
 * Starting and stopping MWAA Serverless workflow runs. A start always carries a client token (the
 * caller's, or one derived from the call: workflow-client-token.ts), so a retried start, ours or
 * the caller's, answers the run the first one started. A stop reads the run first and refuses one
 * that already ended, before anything is sent.
 */

export interface StartRunRequest {
  readonly version?: string | undefined
  readonly override_parameters?: Readonly<Record<string, unknown>> | undefined
  readonly client_token?: string | undefined
}

/** A started run: what the service answered, and the token that names the start. */
export interface StartedWorkflowRun {
  readonly workflow: string
  readonly workflow_arn: string
  readonly run_id: string
  readonly state: string | null
  readonly status: string | null
  readonly started_at: string | null
  /** The version asked for; null: the workflow's latest. */
  readonly workflow_version: string | null
  readonly client_token: string
  /** True when the caller gave no token and this one was derived from the call. */
  readonly client_token_derived: boolean
}

/** A stop asked for: the run as it was, and the status the service answered. */
export interface StoppedWorkflowRun {
  readonly workflow: string
  readonly workflow_arn: string
  readonly run_id: string
  readonly state: string | null
  readonly status: string | null
  readonly previous_state: string | null
  readonly previous_status: string | null
  readonly started_at: string | null
}

/**
 * The service's ConflictException, as either adapter names it in the message (`ConflictException: ...`):
 * the port has no reason of its own for it, and on StartWorkflowRun it means the token is taken.
 */
const isConflict = (error: unknown): error is MwaaError =>
  error instanceof MwaaError && error.operation === "StartWorkflowRun" && /^ConflictException\b/.test(error.message)

/**
 * Starts a run of the workflow. Parameters are sent with their keys sorted, so the same call with
 * its keys in another order is the same request to the service too. Throttling is retried: with
 * the token, a retry cannot start a second run.
 */
export const startWorkflowRun = Effect.fnUntraced(function* (workflow: ResolvedWorkflow, request: StartRunRequest) {
  const workflows = yield* Workflows
  const retry = retryThrottled({ maxAttempts: (yield* AppConfig).maxAttempts })
  const parameters =
    request.override_parameters === undefined
      ? undefined
      : (JSON.parse(canonicalJson(request.override_parameters)) as Record<string, unknown>)
  const derived = request.client_token === undefined
  const client_token =
    request.client_token ??
    (yield* derivedClientToken(workflow.arn, { version: request.version, override_parameters: parameters }, yield* Clock.currentTimeMillis))
  const started = yield* retry(
    workflows.startRun(workflow.arn, { client_token, version: request.version, override_parameters: parameters })
  ).pipe(
    Effect.catchIf(isConflict, (e) =>
      Effect.fail(new ClientTokenConflict({ client_token, derived, service_message: e.message.replace(/^ConflictException:\s*/, "") }))
    )
  )
  return {
    workflow: workflow.name,
    workflow_arn: workflow.arn,
    run_id: started.run_id,
    state: runStateOf(started.status),
    status: started.status,
    started_at: started.started_at,
    workflow_version: request.version ?? null,
    client_token,
    client_token_derived: derived
  } satisfies StartedWorkflowRun
})

/** The run a stop would act on, read fresh; one that already ended fails WorkflowRunEnded. */
export const runToStop = Effect.fnUntraced(function* (workflow: ResolvedWorkflow, runId: string) {
  const workflows = yield* Workflows
  // Retried when throttled, as every read is (workflow-calls.ts).
  const run: WorkflowRun = yield* workflows.getRun(workflow.arn, runId)
  if (run.status !== null && TERMINAL_RUN_STATUSES.has(run.status)) {
    return yield* new WorkflowRunEnded({ run_id: run.run_id, status: run.status, state: runStateOf(run.status), ended_at: run.ended_at })
  }
  return run
})

/**
 * Asks a run to stop. `confirmed` runs between the read and the stop (the caller's or the user's
 * yes): a run that already ended is refused first, whatever was confirmed.
 */
export const stopWorkflowRun = <E, R>(workflow: ResolvedWorkflow, runId: string, confirmed: Effect.Effect<void, E, R>) =>
  Effect.gen(function* () {
    const run = yield* runToStop(workflow, runId)
    yield* confirmed
    const workflows = yield* Workflows
    // StopWorkflowRun is idempotent (a stopping run answers its state again): a throttled one is retried.
    const retry = retryThrottled({ maxAttempts: (yield* AppConfig).maxAttempts })
    const stopped = yield* retry(workflows.stopRun(workflow.arn, run.run_id))
    return {
      workflow: workflow.name,
      workflow_arn: workflow.arn,
      run_id: stopped.run_id,
      state: runStateOf(stopped.status),
      status: stopped.status,
      previous_state: runStateOf(run.status),
      previous_status: run.status,
      started_at: run.started_at
    } satisfies StoppedWorkflowRun
  })
