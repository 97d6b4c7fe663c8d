import { Either } from "effect"
import { type AirflowFailure, connexionError, httpException, problem, unprocessable } from "./airflow-errors.js"
import type { Flavor } from "./state.js"
import { isNaiveIso, normalizeIso, parseIsoMicros } from "./time.js"

/**
 * Query parameter parsing. InvokeRestApi's QueryParameters is a JSON document, so values may
 * arrive as numbers, booleans, strings or arrays. Airflow 2 runs connexion with
 * strict_validation, so an unknown parameter is a 400; Airflow 3 (FastAPI) ignores it.
 */
export type QueryKind = "integer" | "number" | "boolean" | "string" | "stringList" | "datetime"
export type QuerySpec = Readonly<Record<string, QueryKind>>

const TRUE = new Set(["true", "1", "yes", "on", "t", "y"])
const FALSE = new Set(["false", "0", "no", "off", "f", "n"])

const scalarText = (value: unknown): string => (Array.isArray(value) ? String(value[0] ?? "") : String(value))

/** Airflow 2's format_datetime puts back a '+' that URL decoding turned into a space. */
const parseDatetime = (flavor: Flavor, raw: string): string | undefined => {
  const text = flavor === 2 && !raw.trim().endsWith("Z") ? raw.trim().replace(" ", "+") : raw.trim()
  if (parseIsoMicros(text) !== undefined) return normalizeIso(text)
  // pendulum reads a naive or date-only value as UTC
  if (isNaiveIso(text)) return normalizeIso(`${text.length === 10 ? `${text}T00:00:00` : text}+00:00`)
  return undefined
}

const badValue = (flavor: Flavor, name: string, kind: QueryKind, value: unknown): AirflowFailure => {
  if (kind === "datetime") {
    return flavor === 2
      ? problem(400, "Incorrect datetime argument", `Invalid isoformat string: '${scalarText(value)}'`)
      : httpException(400, `Invalid datetime: '${scalarText(value)}'`)
  }
  if (flavor === 2) return connexionError(400, `'${scalarText(value)}' is not of type '${kind}'`)
  const [type, msg] =
    kind === "integer"
      ? ["int_parsing", "Input should be a valid integer, unable to parse string as an integer"]
      : kind === "number"
        ? ["float_parsing", "Input should be a valid number, unable to parse string as a number"]
        : ["bool_parsing", "Input should be a valid boolean, unable to interpret input"]
  return unprocessable([{ type, loc: ["query", name], msg, input: scalarText(value) }])
}

const parseOne = (flavor: Flavor, kind: QueryKind, value: unknown): { value: unknown } | undefined => {
  switch (kind) {
    case "stringList":
      return { value: (Array.isArray(value) ? value : [value]).map(String) }
    case "string":
      return { value: scalarText(value) }
    case "integer": {
      const text = scalarText(value).trim()
      return /^-?\d+$/.test(text) ? { value: Number(text) } : undefined
    }
    case "number": {
      const text = scalarText(value).trim()
      return text !== "" && Number.isFinite(Number(text)) ? { value: Number(text) } : undefined
    }
    case "boolean": {
      if (typeof value === "boolean") return { value }
      const text = scalarText(value).toLowerCase()
      return TRUE.has(text) ? { value: true } : FALSE.has(text) ? { value: false } : undefined
    }
    case "datetime": {
      const parsed = parseDatetime(flavor, scalarText(value))
      return parsed === undefined ? undefined : { value: parsed }
    }
  }
}

/** Typed query values (absent or null parameters are left out), or Airflow's answer. */
export const parseQuery = (
  flavor: Flavor,
  spec: QuerySpec,
  query: Readonly<Record<string, unknown>> | undefined
): Either.Either<Record<string, unknown>, AirflowFailure> => {
  const entries = Object.entries(query ?? {}).filter(([, v]) => v !== undefined && v !== null)
  if (flavor === 2) {
    const extra = entries.map(([k]) => k).filter((k) => spec[k] === undefined)
    if (extra.length > 0) return Either.left(connexionError(400, `Extra query parameter(s) ${extra.join(", ")} not in spec`))
  }
  const out: Record<string, unknown> = {}
  for (const [name, value] of entries) {
    const kind = spec[name]
    if (kind === undefined) continue
    const parsed = parseOne(flavor, kind, value)
    if (parsed === undefined) return Either.left(badValue(flavor, name, kind, value))
    out[name] = parsed.value
  }
  return Either.right(out)
}

/** Common query parameter sets. */
export const PAGE: QuerySpec = { limit: "integer", offset: "integer" }
export const DATE_RANGES = (...names: ReadonlyArray<string>): QuerySpec =>
  Object.fromEntries(
    names.flatMap((n) => [
      [`${n}_gte`, "datetime"],
      [`${n}_lte`, "datetime"]
    ])
  )
