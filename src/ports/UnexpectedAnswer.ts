import { Effect, ParseResult, Schema } from "effect"

/**
 * AWS or Airflow answered in a shape the Schema for that answer rejects: a field missing, or of
 * another type. It names the operation and the first field that did not fit, so a version or
 * model drift is reported as exactly that, never as a crash or as silently empty data.
 */
export class UnexpectedAnswer extends Schema.TaggedError<UnexpectedAnswer>("mwaa-mcp/UnexpectedAnswer")("UnexpectedAnswer", {
  /** The AWS or Airflow operation, e.g. "GetEnvironment" or "InvokeRestApi GET /dags". */
  operation: Schema.String,
  /** Where in the answer, as a dotted path ("" for the answer itself). */
  field: Schema.String,
  /** What the Schema expected there, in Effect's words. */
  expected: Schema.String
}) {
  override get message(): string {
    return `${this.operation} answered in an unexpected shape at ${this.field === "" ? "the top level" : this.field}: ${this.expected}`
  }
}

/** The path to the first issue, walked without quoting any value (what overflows on a deep one). */
const pathOf = (issue: ParseResult.ParseIssue): ReadonlyArray<PropertyKey> => {
  const path: Array<PropertyKey> = []
  let current: ParseResult.ParseIssue | undefined = issue
  while (current !== undefined) {
    switch (current._tag) {
      case "Pointer":
        path.push(...(Array.isArray(current.path) ? current.path : [current.path]))
        current = current.issue
        break
      case "Composite":
        current = Array.isArray(current.issues) ? current.issues[0] : (current.issues as ParseResult.ParseIssue)
        break
      case "Refinement":
      case "Transformation":
        current = current.issue
        break
      default:
        current = undefined
    }
  }
  return path
}

/** The first issue of a ParseError; its field alone when the value is too deep for the formatter to quote. */
const firstIssue = (error: ParseResult.ParseError): { readonly field: string; readonly expected: string } => {
  try {
    const [issue] = ParseResult.ArrayFormatter.formatErrorSync(error)
    return issue === undefined ? { field: "", expected: "an answer" } : { field: issue.path.join("."), expected: issue.message }
  } catch {
    // Effect's formatter recurses into the value it quotes: an absurdly deep answer overflows it.
    return { field: pathOf(error.issue).map(String).join("."), expected: "a value that can be read (this one is nested too deeply)" }
  }
}

/**
 * Decodes one answer at the adapter's edge (as @effect/sql's SqlSchema does): what reaches the
 * domain is the Schema's Type, and a shape it rejects fails as UnexpectedAnswer naming the field.
 */
export const decodeAnswer =
  <A, I, R>(schema: Schema.Schema<A, I, R>, operation: string) =>
  (answer: unknown): Effect.Effect<A, UnexpectedAnswer, R> =>
    Schema.decodeUnknown(schema, { onExcessProperty: "ignore" })(answer).pipe(
      Effect.mapError((error) => new UnexpectedAnswer({ operation, ...firstIssue(error) }))
    )
