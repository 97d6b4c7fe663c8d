import { Clock, Effect, Schema } from "effect"
import { AssetEventsPage, type Consumer } from "../../domain/asset-event-model.js"
import { DagId } from "../../domain/ids.js"
import { Page } from "../../domain/model.js"
import { listEventsOfConsumer } from "../../domain/usecases/asset-consumer.js"
import { listEventsOfAsset } from "../../domain/usecases/asset-events.js"
import { environment_name, limit, offset } from "../fields.js"
import type { WordedStep } from "../next-steps.js"
import { dagIdText, runIdText, timestampText, wordText } from "../summary-text.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"

/** Airflow's asset (dataset) uri column holds up to 3000 characters. */
const MAX_URI = 3000
const MAX_HOURS = 24 * 366

const ISO_ZONED = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/
const HOURS_TEXT = /^\d+(\.\d+)?$/
const hoursOk = (h: number) => h > 0 && h <= MAX_HOURS

/** A number of hours back, as a number or its text (clients send loose types), or an ISO time with a zone (a date alone is UTC midnight). */
const since = Schema.Union(
  Schema.Number.pipe(Schema.filter(hoursOk)),
  Schema.String.pipe(Schema.filter((s) => (HOURS_TEXT.test(s) ? hoursOk(Number(s)) : ISO_ZONED.test(s) && !Number.isNaN(Date.parse(s)))))
).annotations({
  message: () => ({
    message: `since must be an ISO 8601 date-time with a zone (2026-11-24T00:00:00Z) or a number of hours back (more than 0, at most ${MAX_HOURS})`,
    override: true
  }),
  description: "Only events from this time on: an ISO 8601 date-time with a zone, or a number of hours back from now (e.g. 24)."
})

const Input = Schema.Struct({
  environment_name,
  asset: Schema.optional(
    Schema.String.pipe(
      Schema.minLength(1, { message: () => "asset must not be empty" }),
      Schema.maxLength(MAX_URI, { message: () => `asset must be at most ${MAX_URI} characters (Airflow's uri column)` })
    ).annotations({ description: "The asset's uri (Airflow 2: the dataset's uri), or on Airflow 3 its name. Give asset or dag_id." })
  ),
  dag_id: Schema.optional(
    DagId.annotations({ description: "A DAG scheduled on assets (datasets): its inputs, each one's latest event, and what it waits on." })
  ),
  since: Schema.optional(since),
  limit: limit(25, 100),
  offset
}).pipe(
  // The arguments' formatter prints the path given here, so the message names the field.
  Schema.filter(({ asset, dag_id }) => {
    if (asset !== undefined && dag_id !== undefined) {
      return {
        path: ["dag_id"],
        message: "cannot be given with asset: give asset (one asset's events) or dag_id (a DAG's inputs), not both"
      }
    }
    if (asset === undefined && dag_id === undefined) {
      return { path: ["asset"], message: "is missing: give asset (a uri or name) or dag_id (a DAG scheduled on assets)" }
    }
    return true
  })
)

const NextStep = Schema.Struct({
  tool: Schema.String,
  arguments: Schema.Record({ key: Schema.String, value: Schema.Unknown }),
  why: Schema.String
})

/** Hours back from now, or the ISO time as given. */
const sinceIso = (value: number | string | undefined) =>
  value === undefined
    ? Effect.succeed(undefined)
    : typeof value === "number" || HOURS_TEXT.test(value)
      ? Effect.map(Clock.currentTimeMillis, (now) => new Date(now - Number(value) * 3_600_000).toISOString())
      : Effect.succeed(new Date(Date.parse(value)).toISOString())

/** For each input the DAG waits on: the producing DAG's runs (the latest event names it), and the input's own events. */
const consumerSteps = (c: Consumer): ReadonlyArray<WordedStep> =>
  c.inputs
    .filter((i) => !i.since_last_run)
    .flatMap((i): ReadonlyArray<WordedStep> => {
      const producer = i.latest_event?.source_dag_id ?? null
      return [
        ...(producer === null
          ? []
          : [
              {
                tool: "list-dag-runs",
                arguments: { dag_id: producer, limit: 5 },
                why: `${producer} produced ${i.uri} last: did its recent runs fail?`
              }
            ]),
        { tool: "list-asset-events", arguments: { asset: i.uri, limit: 10 }, why: `The recent events of ${i.uri}.` }
      ]
    })

/** list-asset-events: recent events of an asset, or "why did this data-aware DAG not run?". */
export const listAssetEventsTool = readTool({
  name: "list-asset-events",
  title: "List asset (dataset) events",
  description:
    "Recent events of data-aware scheduling: Airflow 3's assets, Airflow 2's datasets. With asset (its uri, or on Airflow 3 its name): " +
    "its events, newest first, each with its source DAG, task, run and map index, its extra (values under sensitive names masked) and " +
    'how many runs it triggered. With dag_id (a DAG scheduled on assets): answers "why did it not run?" — its schedule condition, ' +
    "its last run, each input's latest event and whether it came since that run, waiting_on (the inputs with none since) and the " +
    "events Airflow has queued for its next run. since narrows to recent events (ISO time or hours back). " +
    "Paged (events for asset, inputs for dag_id): pass next_offset as offset.",
  input: Input,
  output: Schema.Struct({ ...AssetEventsPage, ...Page, next_steps: Schema.Array(NextStep) }),
  run: (i) =>
    withEnvironment(i.environment_name, (env) =>
      Effect.gen(function* () {
        const from = yield* sinceIso(i.since)
        const page = { limit: i.limit ?? 25, offset: i.offset ?? 0, since: from }
        if (i.dag_id !== undefined) {
          const answer = yield* listEventsOfConsumer(env, { ...page, dagId: i.dag_id })
          return { ...answer, next_steps: consumerSteps(answer.consumer) }
        }
        const answer = yield* listEventsOfAsset(env, { ...page, asset: i.asset ?? "" })
        const source = answer.events[0]?.source_dag_id ?? null
        const next_steps: ReadonlyArray<WordedStep> =
          source === null
            ? []
            : [
                {
                  tool: "list-dag-runs",
                  arguments: { dag_id: source, limit: 5 },
                  why: `The recent runs of ${source}, which produced the latest event.`
                }
              ]
        return { ...answer, next_steps }
      })
    ),
  // The summary is the server's voice (summary-text.ts): counts, checked ids, states and times only.
  // Uris, names and the schedule condition are the environment's text: they stay in the data below.
  summarize: (o) => {
    const term = o.term
    const more = o.next_offset !== null ? `; more with offset=${o.next_offset}` : ""
    const masked = o.events.some((e) => e.extra_masked) ? " Sensitive values in extras were masked." : ""
    const since = o.since === null ? "" : ` since ${timestampText(o.since, "")}`
    if (o.consumer === null) return `${o.events.length} of ${o.total_entries} event(s) of the ${term} asked for${since}${more}.${masked}`
    const c = o.consumer
    const dag = `DAG ${dagIdText(c.dag_id)}`
    if (o.total_entries === 0) return `${dag} is not scheduled on any ${term}.`
    const last =
      c.last_run === null
        ? "it has never run"
        : `its last run ${runIdText(c.last_run.dag_run_id)} (${wordText(c.last_run.state, "no state")}) started ${timestampText(c.last_run.at, "at an unknown time")}`
    const waiting =
      c.waiting_on.length === 0
        ? `each of the ${c.inputs.length} shown has an event since`
        : `waiting on ${c.waiting_on.length} of the ${c.inputs.length} shown, with no event since (consumer.waiting_on)`
    const queued = c.queued_events === null ? "" : `; ${c.queued_events.length} queued for its next run`
    return `${dag} is scheduled on ${o.total_entries} ${term}(s); ${last}; ${waiting}${queued}${more}.${masked}`
  }
})
