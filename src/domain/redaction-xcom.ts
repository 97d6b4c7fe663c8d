import { isSensitiveName, REDACTED } from "./redaction.js"
import { sanitizeDeep } from "./sanitize.js"

/**
 * An XCom value as an answer may show it. Tasks push whatever they return: connection details,
 * API answers with tokens in them, JSON kept as text. So the value is masked as list-variables
 * masks a variable (whole, when its key's name says secret), and otherwise deeply: values under
 * sensitive names at any depth, credential-shaped text anywhere, invisible characters removed.
 * It is masked whole here, before any answer is cut to size.
 */

export interface MaskedXcomValue {
  readonly value: unknown
  /** True when anything in it was replaced. */
  readonly masked: boolean
}

/**
 * JSON text (Airflow 2 before 2.10 sends every value as text; a task may push JSON text itself) as
 * the value it holds, so the masking reads its keys; any other text stays text.
 */
export const parsedValue = (value: unknown): unknown => {
  if (typeof value !== "string") return value
  const t = value.trim()
  if (!(t.startsWith("{") && t.endsWith("}")) && !(t.startsWith("[") && t.endsWith("]"))) return value
  try {
    return JSON.parse(t) as unknown
  } catch {
    return value
  }
}

export const maskXcomValue = (key: string, value: unknown, extraSensitiveNames: ReadonlyArray<string> = []): MaskedXcomValue => {
  if (isSensitiveName(key, extraSensitiveNames)) return { value: REDACTED, masked: true }
  const cleaned = sanitizeDeep(parsedValue(value), extraSensitiveNames)
  return { value: cleaned.value, masked: cleaned.masked }
}
