/**
 * name=value pairs whose name says the value is a secret, read by a small scanner rather than a
 * regular expression: a value can be quoted at any escaping depth (JSON inside a JSON string), a
 * list or an object, or cut off by the end of the text, and a backtracking pattern that tried those
 * shapes failed slowly on long inputs. The scanner finds each name with one linear search, looks at
 * a bounded stretch after it, consumes the value once and resumes after it: linear in the text.
 */

/** What a masked value is replaced with (Airflow's own mask). Also in redaction.ts, which re-exports it. */
export const MASK = "***"

// Long names count anywhere in a word (db_password, x-api-key); the short ones only as a whole word
// at the end of a name (db_pass, x-auth), since as fragments they are in bypass, oauth and compass.
const LONG = "password|passwd|passphrase|credentials?|secret|token|dsn|fernet[_-]?key|api[_-]?key|private[_-]?key|access[_-]?key"
const SHORT = "pwd|pass|auth"
// An Authorization header's value runs to the end of its line or string, whatever its scheme.
const NAME_HIT = new RegExp(`(authorization)(?![A-Za-z0-9])|(${LONG})|(?<![A-Za-z0-9])(?:${SHORT})(?![A-Za-z0-9])`, "gi")

/** True when an option or name (e.g. "db-pass", "api_key") names a secret, by the rules above. */
export const namesSecret = (name: string): boolean => {
  NAME_HIT.lastIndex = 0
  for (let m = NAME_HIT.exec(name); m !== null; m = NAME_HIT.exec(name)) {
    // A short name must end the name: "pass" in "db-pass", not in "pass-through".
    if (m[1] !== undefined || m[2] !== undefined || NAME_HIT.lastIndex === name.length) return true
  }
  return false
}

const MAX_NAME_TAIL = 40
const MAX_GAP = 8
const isNameChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11
const BACKSLASH = 92
const isQuote = (c: number) => c === 34 || c === 39
const isNewline = (c: number) => c === 10 || c === 13
// Where an unquoted value ends: as the pair rule has always read it (a query string's "&", a JSON "}").
const BARE_END = new Set([..."\t\n\v\f\r ,;&'\"}])"].map((ch) => ch.charCodeAt(0)))

/**
 * True when the pair rule reads the end of `name` as a secret's name, so that a value after
 * "name:" or "name=" is a pair's (maskPairs masks it, to a pair's end). The URI rule leaves such a
 * password to it: two rules masking one value to different ends made a second masking mask more.
 */
export const endsInSecretName = (name: string): boolean => {
  NAME_HIT.lastIndex = 0
  for (let m = NAME_HIT.exec(name); m !== null; m = NAME_HIT.exec(name)) {
    let i = NAME_HIT.lastIndex
    if (m[2] !== undefined) {
      const stop = Math.min(name.length, i + MAX_NAME_TAIL)
      while (i < stop && isNameChar(name.charCodeAt(i))) i++
    }
    if (i === name.length) return true
  }
  return false
}

/**
 * A quote closes a string at escaping level `level` (the backslashes before a key's quote: 0 in
 * plain JSON, 1 in JSON inside a JSON string, whose quotes read \", then 3, 7) when the backslashes
 * before it number level + 2·(level + 1)·j: each escaping doubles the backslashes a quote had, then
 * adds its own, so an escaped quote inside the value has more, by an odd multiple of level + 1.
 */
const closes = (run: number, level: number): boolean => run >= level && (run - level) % (2 * (level + 1)) === 0

/** Backslashes directly before position i (bounded: a run longer than 64 is not an escape). */
const backslashesBefore = (text: string, i: number): number => {
  let n = 0
  while (n < 64 && i - n - 1 >= 0 && text.charCodeAt(i - n - 1) === BACKSLASH) n++
  return n
}

/** The end of a quoted value opened at `open` (its quote), or of its line, or of the text: fail closed. */
const quotedEnd = (text: string, open: number, level: number): { readonly end: number; readonly closed: boolean } => {
  const quote = text.charCodeAt(open)
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (isNewline(c)) return { end: i, closed: false }
    if (c === quote && closes(backslashesBefore(text, i), level)) return { end: i - level, closed: true }
  }
  return { end: text.length, closed: false }
}

/** The end of a list or object opened at `open`, strings inside it skipped; unclosed, the end of the text. */
const bracketEnd = (text: string, open: number, level: number): number => {
  let depth = 0
  let inString = 0
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString !== 0) {
      if (c === inString && closes(backslashesBefore(text, i), level)) inString = 0
    } else if (isQuote(c) && closes(backslashesBefore(text, i), level)) inString = c
    else if (c === 91 || c === 123) depth++
    else if (c === 93 || c === 125) {
      depth--
      if (depth === 0) return i + 1
    }
  }
  return text.length
}

/** Skips up to MAX_GAP whitespace characters. */
const skipSpace = (text: string, i: number): number => {
  const stop = Math.min(text.length, i + MAX_GAP)
  while (i < stop && isSpace(text.charCodeAt(i))) i++
  return i
}

/** A quote at i after up to 8 backslashes: its position and depth, or undefined. */
const quoteAt = (text: string, i: number): { readonly at: number; readonly level: number } | undefined => {
  let j = i
  while (j < text.length && j - i < MAX_GAP && text.charCodeAt(j) === BACKSLASH) j++
  return j < text.length && isQuote(text.charCodeAt(j)) ? { at: j, level: j - i } : undefined
}

/** One masked value: text[from, to) becomes `replacement`. */
interface Masking {
  readonly to: number
  readonly replacement: string
}

/** The value after a pair's separator at i, masked; undefined when there is none (an empty value). */
const valueAt = (text: string, i: number, keyQuote: string): Masking | undefined => {
  const c = text.charCodeAt(i)
  if (c === 91 || c === 123) {
    // A list or object becomes a string in the key's quotes, so JSON stays JSON. Under a bare key
    // the mask is bare too, so what runs on after the bracket up to a bare value's end is masked
    // with it: left, a second masking would read "***" and it as one bare value and mask it then.
    let to = bracketEnd(text, i, Math.max(0, keyQuote.length - 1))
    if (keyQuote === "") while (to < text.length && !BARE_END.has(text.charCodeAt(to))) to++
    return { to, replacement: `${keyQuote}${MASK}${keyQuote}` }
  }
  const q = quoteAt(text, i)
  if (q !== undefined) {
    const token = text.slice(i, q.at + 1)
    const { end, closed } = quotedEnd(text, q.at, q.level)
    if (closed && end <= q.at + 1) return undefined // an empty string hides nothing
    return closed ? { to: end + token.length, replacement: `${token}${MASK}${token}` } : { to: end, replacement: `${token}${MASK}` }
  }
  let j = i
  while (j < text.length && !BARE_END.has(text.charCodeAt(j))) j++
  return j > i ? { to: j, replacement: MASK } : undefined
}

const SCHEME = /^[A-Za-z][A-Za-z0-9-]{0,30}[ \t]/

/**
 * An Authorization header's value, of any scheme (Basic, Bearer, Token, Digest, AWS4-HMAC-SHA256,
 * ApiKey): a quoted one to its closing quote, else to the end of its line, the scheme's name kept.
 */
const headerAt = (text: string, i: number): Masking | undefined => {
  const q = quoteAt(text, i)
  const from = q === undefined ? i : q.at + 1
  let to: number
  let closing = ""
  if (q === undefined) {
    to = from
    while (to < text.length && !isNewline(text.charCodeAt(to))) to++
  } else {
    const found = quotedEnd(text, q.at, q.level)
    to = found.end
    if (found.closed) closing = text.slice(i, q.at + 1)
  }
  if (to <= from) return undefined
  const scheme = SCHEME.exec(text.slice(from, Math.min(to, from + 33)))
  const shown = scheme === null ? MASK : `${scheme[0]}${MASK}`
  return { to: to + closing.length, replacement: `${text.slice(i, from)}${shown}${closing}` }
}

/**
 * Masks the values of name=value, name: value, "name": "value" (at any escaping depth), "name":
 * [list] and "name": {object} pairs whose name says they are secret. A value the text ends in
 * (or, quoted, its line ends in) is masked to that end: fail closed.
 */
export const maskPairs = (text: string): string => {
  let out = ""
  let copied = 0
  NAME_HIT.lastIndex = 0
  for (let m = NAME_HIT.exec(text); m !== null; m = NAME_HIT.exec(text)) {
    let i = NAME_HIT.lastIndex
    if (m[2] !== undefined) {
      const stop = Math.min(text.length, i + MAX_NAME_TAIL)
      while (i < stop && isNameChar(text.charCodeAt(i))) i++
    }
    const keyQuote = quoteAt(text, i)
    const keyToken = keyQuote === undefined ? "" : text.slice(i, keyQuote.at + 1)
    if (keyQuote !== undefined) i = keyQuote.at + 1
    i = skipSpace(text, i)
    const sep = text.charCodeAt(i)
    if (sep !== 58 && sep !== 61) continue // ":" or "="
    const start = skipSpace(text, i + 1)
    const value = m[1] !== undefined ? headerAt(text, start) : valueAt(text, start, keyToken)
    if (value === undefined) continue
    out += text.slice(copied, start) + value.replacement
    copied = value.to
    NAME_HIT.lastIndex = Math.max(value.to, start + 1)
  }
  return copied === 0 ? text : out + text.slice(copied)
}
