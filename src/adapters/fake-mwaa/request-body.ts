import { Either } from "effect"
import { type AirflowFailure, type ValidationIssue, marshmallowMessages, problem, unprocessable } from "./airflow-errors.js"
import type { Flavor } from "./state.js"
import { isNaiveIso, normalizeIso, parseIsoMicros } from "./time.js"

/**
 * Request body validation. Both versions refuse keys they do not know: Airflow 2's
 * marshmallow schemas load with unknown=RAISE (400 "Unknown field."), Airflow 3's pydantic
 * bodies are extra="forbid" (422 extra_forbidden). Values are coerced leniently, as both do.
 */
export type FieldKind = "boolean" | "string" | "integer" | "number" | "datetime" | "stringList" | "object"

export interface FieldSpec {
  readonly kind: FieldKind
  readonly required?: boolean
  /** For stringList: items may be null (Airflow 3 state lists). */
  readonly nullableItems?: boolean
  /** A boolean or integer that takes null (`bool | None` without a default); the other kinds always do. */
  readonly nullable?: boolean
}

export type BodySpec = Readonly<Record<string, FieldSpec>>

interface Problem {
  readonly field: string
  readonly v2: string
  readonly v3: ValidationIssue
}

const TRUE = new Set(["true", "t", "yes", "y", "on", "1"])
const FALSE = new Set(["false", "f", "no", "n", "off", "0"])

const issue = (loc: ReadonlyArray<string | number>, type: string, msg: string, input: unknown): ValidationIssue => ({
  type,
  loc: ["body", ...loc],
  msg,
  input
})

/** The coerced value, or the problem with it. */
const coerce = (field: string, spec: FieldSpec, value: unknown): { value: unknown } | Problem => {
  const fail = (v2: string, type: string, msg: string, loc: ReadonlyArray<string | number> = [field], input = value) => ({
    field,
    v2,
    v3: issue(loc, type, msg, input)
  })
  switch (spec.kind) {
    case "boolean": {
      if (typeof value === "boolean") return { value }
      const text = typeof value === "string" || typeof value === "number" ? String(value).toLowerCase() : ""
      if (TRUE.has(text)) return { value: true }
      if (FALSE.has(text)) return { value: false }
      return fail("Not a valid boolean.", "bool_parsing", "Input should be a valid boolean, unable to interpret input")
    }
    case "string":
      return typeof value === "string" ? { value } : fail("Not a valid string.", "string_type", "Input should be a valid string")
    case "integer":
    case "number": {
      const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN
      if (Number.isFinite(n) && (spec.kind === "number" || Number.isInteger(n))) return { value: n }
      return fail("Not a valid integer.", "int_parsing", "Input should be a valid integer, unable to parse string as an integer")
    }
    case "datetime": {
      if (typeof value !== "string" || (parseIsoMicros(value) === undefined && !isNaiveIso(value)))
        return fail(
          "Not a valid datetime.",
          "datetime_from_date_parsing",
          "Input should be a valid datetime or date, invalid character in year"
        )
      if (isNaiveIso(value)) return fail("Naive datetime is disallowed", "timezone_aware", "Input should have timezone info")
      return { value: normalizeIso(value) }
    }
    case "object":
      return typeof value === "object" && !Array.isArray(value)
        ? { value }
        : fail("Not a valid mapping type.", "dict_type", "Input should be a valid dictionary")
    case "stringList": {
      if (!Array.isArray(value)) return fail("Not a valid list.", "list_type", "Input should be a valid list")
      const bad = value.findIndex((item) => !(typeof item === "string" || (item === null && spec.nullableItems === true)))
      if (bad >= 0) return fail("Not a valid string.", "string_type", "Input should be a valid string", [field, bad], value[bad])
      return { value }
    }
  }
}

/** The body with coerced values (absent keys stay absent), or Airflow's answer to a bad body. */
export const validateBody = (
  flavor: Flavor,
  spec: BodySpec,
  body: unknown,
  options: { readonly title2?: string } = {}
): Either.Either<Record<string, unknown>, AirflowFailure> => {
  if (body === undefined || body === null) {
    if (flavor === 3) return Either.left(unprocessable([{ type: "missing", loc: ["body"], msg: "Field required", input: null }]))
    body = {}
  }
  if (typeof body !== "object" || Array.isArray(body)) {
    return Either.left(
      flavor === 2
        ? problem(400, options.title2, marshmallowMessages([["_schema", "Invalid input type."]]))
        : unprocessable([
            {
              type: "model_attributes_type",
              loc: ["body"],
              msg: "Input should be a valid dictionary or object to extract fields from",
              input: body
            }
          ])
    )
  }
  const record = body as Record<string, unknown>
  const problems: Array<Problem> = []
  const out: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(record)) {
    const fieldSpec = spec[field]
    if (fieldSpec === undefined) {
      problems.push({ field, v2: "Unknown field.", v3: issue([field], "extra_forbidden", "Extra inputs are not permitted", value) })
    } else if (value === null) {
      // Booleans and integers have defaults instead of null in both versions; the rest are nullable.
      if ((fieldSpec.kind === "boolean" || fieldSpec.kind === "integer") && fieldSpec.nullable !== true) {
        const [type, msg] = fieldSpec.kind === "boolean" ? ["bool_type", "boolean"] : ["int_type", "integer"]
        problems.push({ field, v2: "Field may not be null.", v3: issue([field], type, `Input should be a valid ${msg}`, null) })
      } else out[field] = null
    } else {
      const result = coerce(field, fieldSpec, value)
      if ("value" in result) out[field] = result.value
      else problems.push(result)
    }
  }
  for (const [field, fieldSpec] of Object.entries(spec)) {
    if (fieldSpec.required === true && !(field in record)) {
      problems.push({ field, v2: "Missing data for required field.", v3: issue([field], "missing", "Field required", record) })
    }
  }
  if (problems.length === 0) return Either.right(out)
  return Either.left(
    flavor === 2
      ? problem(400, options.title2, marshmallowMessages(problems.map((p) => [p.field, p.v2] as const)))
      : unprocessable(problems.map((p) => p.v3))
  )
}
