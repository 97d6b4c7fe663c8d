import { Clock, Effect, Schema } from "effect"
import { DagRunId } from "../../domain/ids.js"
import { DagRun } from "../../domain/model.js"
import { triggerDagRun } from "../../domain/usecases/dag-runs.js"
import { dag_id, dateTime, environment_name } from "../fields.js"
import { writeTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"
import { dagIdText, runIdText, wordText } from "../summary-text.js"

/** A run's conf is stored in Airflow's metadata database and shown in its UI: keep it a parameter set, not a payload. */
const MAX_CONF_CHARS = 64 * 1024

/** trigger-dag-run: POST /dags/{id}/dagRuns (write). */
export const triggerDagRunTool = writeTool({
  name: "trigger-dag-run",
  title: "Trigger a DAG run",
  description:
    "Starts a new run of a DAG with an optional conf object. A dag_run_id is generated (manual__<time>) when none is " +
    "given, so the run can be found again. A paused DAG's run stays queued until it is unpaused. Requires --allow-write. " +
    "Next: wait-for-dag-run to follow the run to its end.",
  destructive: false,
  input: Schema.Struct({
    environment_name,
    dag_id,
    dag_run_id: Schema.optional(DagRunId.annotations({ description: "Run id to create; generated when omitted." })),
    logical_date: dateTime("logical_date"),
    conf: Schema.optional(
      Schema.Record({ key: Schema.String, value: Schema.Unknown }).pipe(
        Schema.filter((c) => (JSON.stringify(c)?.length ?? 0) <= MAX_CONF_CHARS, {
          message: () => `conf must be a JSON object of at most ${MAX_CONF_CHARS} characters when serialized`
        }),
        Schema.annotations({ description: `JSON object passed to the run as dag_run.conf (at most ${MAX_CONF_CHARS} characters).` })
      )
    ),
    note: Schema.optional(Schema.String.pipe(Schema.maxLength(1000)).annotations({ description: "Note shown on the run." }))
  }),
  output: DagRun,
  run: (i) =>
    withEnvironment(i.environment_name, (env) =>
      Effect.gen(function* () {
        const now = yield* Clock.currentTimeMillis
        return yield* triggerDagRun(env, i.dag_id, {
          // Always sent, so a retried trigger meets 409 instead of creating a second run.
          dag_run_id: i.dag_run_id ?? `manual__${new Date(now).toISOString().replace("Z", "+00:00")}`,
          logical_date: i.logical_date,
          conf: i.conf,
          note: i.note
        })
      })
    ),
  summarize: (r) => `Triggered ${dagIdText(r.dag_id)} run ${runIdText(r.dag_run_id)} (${wordText(r.state, "queued")}).`
})
