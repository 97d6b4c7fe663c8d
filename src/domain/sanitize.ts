import { maskSecretsInText, REDACTED, sensitiveNameTest } from "./redaction.js"

/**
 * Everything a tool returns passes through here. Text from Airflow (logs, DAG source, docs,
 * conf, notes, error bodies) is untrusted: it may carry credentials, or instructions hidden in
 * characters a person cannot see. So every string is stripped of invisible characters and
 * has credential-looking values masked, wherever it sits in the answer.
 */

/**
 * Unicode tag characters (U+E0000–E007F, invisible ASCII look-alikes), bidi controls
 * (U+202A–202E, U+2066–2069, LRM/RLM/ALM) and zero-width characters (U+200B–200D, U+2060,
 * U+FEFF): they can hide or reorder text the assistant reads.
 */
const INVISIBLE = /[\u{E0000}-\u{E007F}\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF]/gu

export const stripInvisible = (text: string): string => text.replace(INVISIBLE, "")

export interface Sanitized<A> {
  readonly value: A
  /** True when some value looked like a credential and was replaced. */
  readonly masked: boolean
}

/**
 * Strips and masks every string in a JSON-like value (object keys included), and masks whole
 * values held under a sensitive name (a DAG run's conf {"api_token": …}). Booleans and nulls
 * under such names stay: they say whether something is set (has_password), not what it is.
 */
export const sanitizeDeep = <A>(value: A, extraSensitiveNames: ReadonlyArray<string> = []): Sanitized<A> => {
  let masked = false
  const isSensitive = nameTestFor(extraSensitiveNames)
  const text = (s: string) => {
    const m = maskSecretsInText(stripInvisible(s))
    masked ||= m.masked
    return m.text
  }
  // A list repeats the same keys in every item: each key is cleaned and classified once.
  const keys = new Map<string, readonly [cleaned: string, sensitive: boolean]>()
  const keyOf = (k: string) => {
    let known = keys.get(k)
    if (known === undefined) {
      known = [text(k), isSensitive(k)]
      keys.set(k, known)
    }
    return known
  }
  // Copy-on-write: most answers hold nothing to clean and come back as they were, unallocated.
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return text(v)
    if (Array.isArray(v)) {
      let copy: Array<unknown> | undefined
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i]
        const y = walk(x)
        if (y === x) continue
        copy ??= v.slice()
        copy[i] = y
      }
      return copy ?? v
    }
    if (typeof v === "object" && v !== null) {
      const o = v as Record<string, unknown>
      const names = Object.keys(o)
      let entries: Array<readonly [string, unknown]> | undefined
      for (let i = 0; i < names.length; i++) {
        const k = names[i]!
        const x = o[k]
        const [cleaned, sensitive] = keyOf(k)
        let y: unknown
        if (sensitive && x !== null && typeof x !== "boolean" && x !== REDACTED) {
          masked = true
          y = REDACTED
        } else y = walk(x)
        // The first change copies the entries seen so far; every later one is then collected.
        if (entries === undefined && (cleaned !== k || y !== x)) entries = names.slice(0, i).map((n) => [n, o[n]] as const)
        entries?.push([cleaned, y])
      }
      return entries === undefined ? o : Object.fromEntries(entries)
    }
    return v
  }
  return { value: walk(value) as A, masked }
}

// The configuration's list is the same array on every call: its name test is built once.
const nameTests = new WeakMap<ReadonlyArray<string>, (key: string) => boolean>()
const nameTestFor = (extra: ReadonlyArray<string>) => {
  let test = nameTests.get(extra)
  if (test === undefined) {
    test = sensitiveNameTest(extra)
    nameTests.set(extra, test)
  }
  return test
}
