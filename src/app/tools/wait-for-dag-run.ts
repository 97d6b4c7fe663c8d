import { Effect, Schema } from "effect"
import { DagRun } from "../../domain/model.js"
import { MAX_POLL_INTERVAL_SECONDS, waitForDagRun } from "../../domain/usecases/wait-for-run.js"
import { dag_id, dag_run_id, environment_name, looseInt } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"
import { dagIdText, runIdText, wordText } from "../summary-text.js"
import { waitHint } from "../next-steps.js"

const DEFAULT_TIMEOUT_SECONDS = 300
const MAX_TIMEOUT_SECONDS = 900
const DEFAULT_POLL_INTERVAL_SECONDS = 5
/** Below this, polling one run would spend the environment's InvokeRestApi budget for little. */
const MIN_POLL_INTERVAL_SECONDS = 2
const MAX_POLL_INTERVAL_INPUT = 60

/** wait-for-dag-run: polls a run until it ends or the timeout passes; a read, though it may take minutes. */
export const waitForDagRunTool = readTool({
  name: "wait-for-dag-run",
  title: "Wait for a DAG run to finish",
  description:
    "Waits until a DAG run reaches a terminal state (success or failed) or timeout_seconds pass, polling with a growing " +
    `interval (×1.5 up to ${MAX_POLL_INTERVAL_SECONDS} s). Returns the run as get-dag-run does, with terminal, timed_out, ` +
    "polls and waited_seconds; a timeout is not an error: it returns the current state and a hint. Sends progress " +
    "notifications when the request has a progressToken; keep timeout_seconds under your client's request timeout " +
    "otherwise. Use it after trigger-dag-run or clear-task-instances. Next: list-task-instances for a failed run, or " +
    "call it again to keep waiting.",
  input: Schema.Struct({
    environment_name,
    dag_id,
    dag_run_id,
    timeout_seconds: Schema.optional(
      looseInt("timeout_seconds", 1, MAX_TIMEOUT_SECONDS).annotations({
        description: `How long to wait at most, in seconds (default ${DEFAULT_TIMEOUT_SECONDS}, at most ${MAX_TIMEOUT_SECONDS}).`
      })
    ),
    poll_interval_seconds: Schema.optional(
      looseInt("poll_interval_seconds", MIN_POLL_INTERVAL_SECONDS, MAX_POLL_INTERVAL_INPUT).annotations({
        description: `First wait between polls, in seconds (default ${DEFAULT_POLL_INTERVAL_SECONDS}); later waits grow 1.5× up to ${MAX_POLL_INTERVAL_SECONDS} s.`
      })
    )
  }),
  output: Schema.Struct({
    dag_run: DagRun,
    terminal: Schema.Boolean,
    timed_out: Schema.Boolean,
    polls: Schema.Number,
    waited_seconds: Schema.Number,
    hint: Schema.NullOr(Schema.String)
  }),
  run: (i) =>
    withEnvironment(i.environment_name, (env) =>
      waitForDagRun(env, i.dag_id, i.dag_run_id, {
        timeoutSeconds: i.timeout_seconds ?? DEFAULT_TIMEOUT_SECONDS,
        pollIntervalSeconds: i.poll_interval_seconds ?? DEFAULT_POLL_INTERVAL_SECONDS
      }).pipe(Effect.map(({ next, ...outcome }) => ({ ...outcome, hint: waitHint(next, outcome.dag_run, outcome.waited_seconds) })))
    ),
  summarize: (o) =>
    o.timed_out
      ? `${dagIdText(o.dag_run.dag_id)} run ${runIdText(o.dag_run.dag_run_id)} is still ${wordText(o.dag_run.state, "unknown")} after ${o.waited_seconds} s (timed out, ${o.polls} polls).`
      : `${dagIdText(o.dag_run.dag_id)} run ${runIdText(o.dag_run.dag_run_id)} ended ${wordText(o.dag_run.state, "unknown")} after ${o.waited_seconds} s of waiting (${o.polls} polls).`
})
