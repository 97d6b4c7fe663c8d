import { Effect, Schema } from "effect"
import { Page } from "../../domain/model.js"
import { getXcom } from "../../domain/usecases/xcom.js"
import { limit, looseBoolean, offset, taskInstanceFields } from "../fields.js"
import type { WordedStep } from "../next-steps.js"
import { taskIdText } from "../summary-text.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"

/** get-xcom: what one task instance handed over (XCom), keys always, values on request, secrets masked. */

const key = Schema.optional(
  Schema.String.pipe(
    Schema.minLength(1, { message: () => "key must not be empty: omit it for every key" }),
    Schema.maxLength(512, { message: () => "key must be at most 512 characters (Airflow's XCom key length)" }),
    Schema.annotations({ description: "Only this XCom key (e.g. return_value). Omit for every key." })
  )
)

const INCLUDE_VALUES = "Also read each entry's value (one call per entry; default false: keys only). Secrets in values are masked."
const include_values = Schema.optional(
  // The JSON Schema is looseBoolean's own, which a description alone would not reach.
  looseBoolean("include_values").annotations({ description: INCLUDE_VALUES, jsonSchema: { type: "boolean", description: INCLUDE_VALUES } })
)

const XcomEntry = Schema.Struct({
  key: Schema.String,
  map_index: Schema.Number,
  timestamp: Schema.NullOr(Schema.String),
  value: Schema.optional(Schema.Unknown),
  masked: Schema.optional(Schema.Boolean)
})

const NextStep = Schema.Struct({
  tool: Schema.String,
  arguments: Schema.Record({ key: Schema.String, value: Schema.Unknown }),
  why: Schema.String
})

interface Answer {
  readonly dag_id: string
  readonly dag_run_id: string
  readonly task_id: string
  readonly map_index: number
  readonly key: string | null
  readonly values_included: boolean
  readonly xcom_entries: ReadonlyArray<{ readonly masked?: boolean }>
  readonly next_offset: number | null
}

/** Where to look next: the values, the next page, or (nothing pushed) the task's log. */
const nextSteps = (o: Answer): ReadonlyArray<WordedStep> => {
  const ids = {
    dag_id: o.dag_id,
    dag_run_id: o.dag_run_id,
    task_id: o.task_id,
    ...(o.map_index >= 0 ? { map_index: o.map_index } : {}),
    ...(o.key === null ? {} : { key: o.key })
  }
  const steps: Array<WordedStep> = []
  if (o.xcom_entries.length === 0) {
    steps.push({ tool: "get-task-logs", arguments: ids, why: "The task pushed nothing here: its log says what it did." })
  } else if (!o.values_included) {
    steps.push({ tool: "get-xcom", arguments: { ...ids, include_values: true }, why: "The values of these entries (secrets masked)." })
  }
  if (o.next_offset !== null) {
    steps.push({
      tool: "get-xcom",
      arguments: { ...ids, ...(o.values_included ? { include_values: true } : {}), offset: o.next_offset },
      why: "The next page of entries."
    })
  }
  return steps
}

export const getXcomTool = readTool({
  name: "get-xcom",
  title: "Get a task instance's XCom",
  description:
    "Lists the XCom entries one task instance pushed (what it handed to later tasks: return_value and other keys), " +
    "with their map index and time; with include_values, each value too (JSON parsed), masked as variables are: a value " +
    "under a key naming a secret is replaced whole, and secrets under sensitive names or shaped like credentials are " +
    "replaced at any depth (masked: true). For a mapped task pass map_index. Paged: pass next_offset as offset. " +
    "Next: get-task-logs, get-task-instance.",
  input: Schema.Struct({
    ...taskInstanceFields,
    key,
    include_values,
    limit: limit(25, 100),
    offset
  }),
  output: Schema.Struct({
    dag_id: Schema.String,
    dag_run_id: Schema.String,
    task_id: Schema.String,
    map_index: Schema.Number,
    key: Schema.NullOr(Schema.String),
    values_included: Schema.Boolean,
    xcom_entries: Schema.Array(XcomEntry),
    ...Page,
    next_steps: Schema.Array(NextStep)
  }),
  run: (i) =>
    withEnvironment(i.environment_name, (env) =>
      getXcom(env, {
        dagId: i.dag_id,
        runId: i.dag_run_id,
        taskId: i.task_id,
        mapIndex: i.map_index ?? -1,
        key: i.key,
        includeValues: i.include_values ?? false,
        limit: i.limit ?? 25,
        offset: i.offset ?? 0
      }).pipe(Effect.map((o) => ({ ...o, next_steps: nextSteps(o) })))
    ),
  summarize: (o) => {
    const task = `${taskIdText(o.task_id)}${o.map_index >= 0 ? `[${o.map_index}]` : ""}`
    if (o.total_entries === 0) return `${task} pushed no XCom${o.key === null ? "" : " under that key"}.`
    const masked = o.xcom_entries.filter((e) => e.masked === true).length
    const values = o.values_included ? ` with values${masked > 0 ? `, ${masked} masked in part or whole` : ""}` : " (keys only)"
    return `${o.xcom_entries.length} of ${o.total_entries} XCom entr${o.total_entries === 1 ? "y" : "ies"} of ${task}${values}.`
  }
})
