import { Schema } from "effect"
import { looseBoolean } from "./fields.js"

/**
 * List tools answer compact records by default: the fields an assistant needs to pick the next
 * call, not every column Airflow has. `full: true` gives whole records. One schema serves
 * both: the compact fields are required, the others optional.
 */

export const full = Schema.optional(
  looseBoolean("full").annotations({ description: "true: whole records; default: the fields needed to triage (smaller answers)." })
)

/** The record schema with every field outside `keep` optional. */
export const compactable = <F extends Schema.Struct.Fields>(
  struct: Schema.Struct<F>,
  keep: ReadonlyArray<keyof F & string>
): Schema.Schema<Partial<Schema.Struct.Type<F>>, Partial<Schema.Struct.Encoded<F>>> =>
  Schema.Struct(
    Object.fromEntries(
      Object.entries(struct.fields).map(([name, field]) => [
        name,
        keep.includes(name) ? field : Schema.optional(field as Schema.Schema.Any)
      ])
    ) as Schema.Struct.Fields
  ) as unknown as Schema.Schema<Partial<Schema.Struct.Type<F>>, Partial<Schema.Struct.Encoded<F>>>

/** The record with only the `keep` fields, unless full records were asked for. */
export const compactRecord = <A extends Record<string, unknown>>(
  record: A,
  keep: ReadonlyArray<keyof A & string>,
  wantFull: boolean | undefined
): Partial<A> => (wantFull === true ? record : (Object.fromEntries(keep.map((k) => [k, record[k]])) as Partial<A>))
