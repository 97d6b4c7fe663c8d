import { maskSecretsInText, REDACTED, sensitiveNameTest } from "./redaction.js"

/**
 * Everything a tool returns passes through here. Text from Airflow (logs, DAG source, docs,
 * conf, notes, error bodies) is untrusted: it may carry credentials, or instructions hidden in
 * characters a person cannot see. So every string is stripped of invisible characters and
 * has credential-looking values masked, wherever it sits in the answer.
 */

/**
 * Unicode tag characters (U+E0000–E007F, invisible ASCII look-alikes), bidi controls
 * (U+202A–202E, U+2066–2069, LRM/RLM/ALM), zero-width characters (U+200B–200D, U+2060, U+FEFF)
 * and other characters that render as nothing (soft hyphen U+00AD, combining grapheme joiner
 * U+034F, Mongolian vowel separator U+180E, invisible operators U+2061–2064): they can hide or
 * reorder text the assistant reads, or split a name ("pass\u00ADword") so no rule knows it.
 */
const INVISIBLE = /[\u{E0000}-\u{E007F}\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060-\u2064\uFEFF\u00AD\u180E]|\u034F/gu

export const stripInvisible = (text: string): string => text.replace(INVISIBLE, "")

export interface Sanitized<A> {
  readonly value: A
  /** True when some value looked like a credential and was replaced. */
  readonly masked: boolean
}

/** The default name list, one array, so callers without extra names share one classifier. */
const NO_EXTRA_NAMES: ReadonlyArray<string> = []

/** No top-level field exempt from masking by name. */
const NO_SERVER_FIELDS: ReadonlyArray<string> = []

/**
 * Strips and masks every string in a JSON-like value (object keys included), and masks whole
 * values held under a sensitive name (a DAG run's conf {"api_token": …}). Booleans and nulls
 * under such names stay: they say whether something is set (has_password), not what it is.
 *
 * `serverFields` are top-level fields the server itself issues (get-task-logs' continuation_token):
 * masking by name is for the environment's data, and masking those made a cut log impossible to
 * continue. Their text still passes the text rules, which leave a base64url token as it is.
 */
export const sanitizeDeep = <A>(
  value: A,
  extraSensitiveNames: ReadonlyArray<string> = NO_EXTRA_NAMES,
  serverFields: ReadonlyArray<string> = NO_SERVER_FIELDS
): Sanitized<A> => {
  let masked = false
  const classify = keyClassifierFor(extraSensitiveNames)
  const text = (s: string) => {
    const m = maskSecretsInText(stripInvisible(s))
    masked ||= m.masked
    return m.text
  }
  // Copy-on-write: most answers hold nothing to clean and come back as they were, unallocated.
  const walk = (v: unknown, top = false): unknown => {
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
        const key = classify(k)
        masked ||= key.masked
        let y: unknown
        const byName = key.sensitive && !(top && serverFields.includes(k))
        if (byName && x !== null && typeof x !== "boolean" && x !== REDACTED) {
          masked = true
          y = REDACTED
        } else y = walk(x)
        // The first change copies the entries seen so far; every later one is then collected.
        if (entries === undefined && (key.cleaned !== k || y !== x)) entries = names.slice(0, i).map((n) => [n, o[n]] as const)
        entries?.push([key.cleaned, y])
      }
      return entries === undefined ? o : Object.fromEntries(entries)
    }
    return v
  }
  return { value: walk(value, true) as A, masked }
}

/** An object key as an answer shows it, and whether it names a secret. */
interface KeyClass {
  readonly cleaned: string
  /** The key itself held something credential-looking, now masked in `cleaned`. */
  readonly masked: boolean
  readonly sensitive: boolean
}

/**
 * Answers repeat the same few hundred keys (the tools' field names) call after call, and
 * classifying one (normalize, match every fragment, clean it) was the largest part of masking
 * a small answer: each key is classified once per name list. Keys from the environment (conf,
 * extras) are unbounded in number and length, so the cache starts afresh when it grows past
 * KEY_CACHE_LIMIT, and keeps no key longer than CACHED_KEY_MAX_CHARS.
 */
const KEY_CACHE_LIMIT = 5000
const CACHED_KEY_MAX_CHARS = 200

// The configuration's list is the same array on every call: its classifier (and cache) is made once.
const classifiers = new WeakMap<ReadonlyArray<string>, (key: string) => KeyClass>()

const keyClassifierFor = (extra: ReadonlyArray<string>): ((key: string) => KeyClass) => {
  let classifier = classifiers.get(extra)
  if (classifier === undefined) {
    const isSensitive = sensitiveNameTest(extra)
    const known = new Map<string, KeyClass>()
    classifier = (key) => {
      let found = known.get(key)
      if (found === undefined) {
        // The name is judged as shown, invisible characters gone: "pass\u200Bword" is a password.
        const visible = stripInvisible(key)
        const m = maskSecretsInText(visible)
        found = { cleaned: m.text, masked: m.masked, sensitive: isSensitive(visible) }
        // A long key is someone's data, not a field name: classified, never kept after its answer.
        if (key.length > CACHED_KEY_MAX_CHARS) return found
        if (known.size >= KEY_CACHE_LIMIT) known.clear()
        known.set(key, found)
      }
      return found
    }
    classifiers.set(extra, classifier)
  }
  return classifier
}
