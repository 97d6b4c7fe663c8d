import { Schema } from "effect"
import { DagId, DagRunId, EnvironmentAddress, TaskId } from "../domain/ids.js"

/**
 * Tool parameter schemas shared by the catalogue. Names are Airflow's own (dag_id, dag_run_id,
 * try_number, …) so an assistant that knows Airflow guesses right. Clients send loose types
 * (Cursor sends `limit: "20"`), so numbers and booleans also accept their string forms, while
 * the JSON Schema still advertises the strict type.
 */

export const looseInt = (field: string, min: number, max: number) =>
  Schema.Union(Schema.Number, Schema.NumberFromString).pipe(
    Schema.int(),
    Schema.between(min, max),
    Schema.annotations({
      // override: the union's inner failures ("Expected number…") would otherwise win.
      message: () => ({ message: `${field} must be an integer from ${min} to ${max}`, override: true }),
      jsonSchema: { type: "integer", minimum: min, maximum: max }
    })
  )

export const looseBoolean = (field: string) =>
  Schema.Union(Schema.Boolean, Schema.transformLiterals(["true", true], ["false", false])).annotations({
    message: () => ({ message: `${field} must be true or false`, override: true }),
    jsonSchema: { type: "boolean" }
  })

/** A tool without arguments: an empty Struct would accept (and drop) any key, so any key is refused. */
export const noArguments = (tool: string) =>
  Schema.Record({ key: Schema.String, value: Schema.Never }).annotations({
    message: () => ({ message: `${tool} takes no arguments`, override: true }),
    jsonSchema: { type: "object", properties: {}, additionalProperties: false }
  })

const described = <A, I>(schema: Schema.Schema<A, I, never>, description: string): Schema.Schema<A, I, never> =>
  schema.annotations({ description })

export const environment_name = Schema.optional(
  described(
    EnvironmentAddress,
    "MWAA environment: its name (or the alias the server's configuration gives it), region/name, or its ARN. " +
      "Omit to use MWAA_ENVIRONMENT, or the only environment this server reaches."
  )
)
export const dag_id = described(DagId, "Airflow DAG id.")
export const dag_run_id = described(DagRunId, "DAG run id, e.g. scheduled__2026-11-24T00:00:00+00:00 (from list-dag-runs).")
export const task_id = described(TaskId, "Task id within the DAG.")
export const map_index = Schema.optional(
  described(looseInt("map_index", -1, 100_000), "Index of a mapped task instance; -1 (default) for an unmapped task.")
)

/** The fields that name one task instance: the tools about one task instance start with them. */
export const taskInstanceFields = { environment_name, dag_id, dag_run_id, task_id, map_index }

export const limit = (defaultValue: number, max: number) =>
  Schema.optional(described(looseInt("limit", 1, max), `Page size (default ${defaultValue}, at most ${max}).`))
export const offset = Schema.optional(
  described(looseInt("offset", 0, 1_000_000), "Entries to skip; pass the previous answer's next_offset to get the next page.")
)

/** An ISO 8601 date-time, checked here so a typo is named instead of becoming Airflow's 400. */
export const dateTime = (field: string) =>
  Schema.optional(
    Schema.String.pipe(
      Schema.filter((s) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), {
        message: () => `${field} must be an ISO 8601 date-time such as 2026-11-24T00:00:00Z`
      }),
      Schema.annotations({ description: `ISO 8601 date-time filter (${field}).`, format: "date-time" })
    )
  )

export const DAG_RUN_STATES = ["queued", "running", "success", "failed"] as const
export const TASK_STATES = [
  "success",
  "running",
  "failed",
  "upstream_failed",
  "skipped",
  "up_for_retry",
  "up_for_reschedule",
  "queued",
  "scheduled",
  "deferred",
  "removed",
  "restarting",
  "none"
] as const

/** One state or several: assistants send both "failed" and ["failed"]. */
export const states = <const L extends ReadonlyArray<string>>(field: string, allowed: L) => {
  const literal = Schema.Literal(...(allowed as unknown as [string, ...Array<string>]))
  return Schema.optional(
    Schema.Union(
      Schema.Array(literal),
      Schema.transform(literal, Schema.Array(literal), { decode: (s) => [s], encode: (a) => a[0] ?? "" })
    ).annotations({
      message: () => ({ message: `${field} must be one of ${allowed.join(", ")}, or a list of them`, override: true }),
      jsonSchema: { type: "array", items: { type: "string", enum: [...allowed] } },
      description: `Only entries in these states (${allowed.join(", ")}).`
    })
  )
}
