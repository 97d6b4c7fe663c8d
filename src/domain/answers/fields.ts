import { Either, ParseResult, Schema, SchemaAST } from "effect"

/**
 * Field shapes shared by the Airflow answer Schemas. Airflow 2 (REST v1) and 3 (REST v2) each
 * leave out fields the other sends, and send null for what they do not know: such a field decodes
 * to null, whether absent or null. A field of another type is not quietly dropped: the answer
 * fails to decode (UnexpectedAnswer names it).
 */

/** Absent or null: null. */
export const orNull = <S extends Schema.Schema.All>(schema: S) => Schema.optionalWith(Schema.NullOr(schema), { default: () => null })

/** A list, null when absent or null: the reader takes null for none. */
export const listOrNull = <S extends Schema.Schema.Any>(item: S) =>
  Schema.optionalWith(Schema.NullOr(Schema.Array(item)), { default: () => null })

/**
 * A collection's total_entries: Airflow 3.3's run and task instance lists send null when paged by
 * cursor (they may page either way), which reads as absent, like a count older answers leave out.
 */
export const TotalEntries = Schema.optionalWith(Schema.Number, { nullable: true })

/** A collection's count: Airflow's total_entries, else the items it sent. */
export const totalOf = (answer: { readonly total_entries?: number | undefined }, items: ReadonlyArray<unknown>): number =>
  answer.total_entries ?? items.length

/**
 * The run id, named dag_run_id by both REST APIs' run and task instance answers and run_id by a
 * few others: whichever is sent, and an answer with neither fails naming dag_run_id.
 */
export const RunIdFields = {
  dag_run_id: Schema.optional(Schema.String),
  run_id: Schema.optional(Schema.String)
}

/** The run id, or the issue that names dag_run_id as missing (in the answer `actual`). */
export const runIdOf = (
  fields: { readonly dag_run_id?: string | undefined; readonly run_id?: string | undefined },
  actual: unknown
): Either.Either<string, ParseResult.ParseIssue> => {
  const id = fields.dag_run_id ?? fields.run_id
  return id === undefined
    ? Either.left(new ParseResult.Pointer("dag_run_id", actual, new ParseResult.Missing(new SchemaAST.Type(SchemaAST.stringKeyword))))
    : Either.right(id)
}
