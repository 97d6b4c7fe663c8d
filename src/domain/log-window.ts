import { type LogLevel, levelOf, levelRank } from "./log-excerpt.js"
import { maskSecretsInText, REDACTED } from "./redaction.js"

/**
 * Chooses the lines get-task-logs shows while a log is read backwards, a page at a time, so a
 * log of any size costs one page of memory. Pages are processed as chunks of contiguous lines,
 * newest chunk first; the answer fills from the newest line back until the line count or the
 * byte budget is reached, and remembers where to resume. Each step gives a new window: the
 * read (log-scan.ts) folds the log's pages into it.
 */

/** One line read, with where it came from: enough to resume the read at its event. */
export interface ScanLine {
  readonly text: string
  /** The token the line's page was fetched with (null: the newest page). */
  readonly page: string | null
  /** Its event's position in the page, counted from the page's newest event (0). */
  readonly event: number
  /** Its position from the end of the log (1: the last line). */
  readonly fromEnd: number
  /** fromEnd of the newest line of its event: a resumed read starts there. */
  readonly eventTop: number
}

export interface LineFilter {
  /** Case-insensitive substring. */
  readonly contains?: string | undefined
  /** Lines at this level or above; continuation lines (tracebacks) take their record's level. */
  readonly level?: LogLevel | undefined
  /** Lines shown before and after each match. */
  readonly context: number
}

export interface WindowLimits {
  readonly maxLines: number
  /** Budget for the shown lines, counted as their JSON-encoded size. */
  readonly maxBytes: number
}

export interface WindowState {
  /** Lines shown so far, newest first, already masked. */
  readonly shown: ReadonlyArray<ScanLine>
  readonly bytes: number
  /** The line the next read starts at, once the window is full. */
  readonly resume: ScanLine | undefined
  readonly masked: boolean
  /** True while reading backwards inside a private-key block (an END line was met, its BEGIN not yet). */
  readonly insideKey: boolean
}

export const emptyWindow: WindowState = { shown: [], bytes: 0, resume: undefined, masked: false, insideKey: false }

const MAX_LINE_CHARS = 2000
export const clipLine = (line: string): string =>
  line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}… (${line.length - MAX_LINE_CHARS} chars cut)` : line

/** What a line costs in the answer: its JSON string plus the separating comma. */
export const costOf = (line: string): number => JSON.stringify(line).length + 1

const BEGIN_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/
const END_KEY = /-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----/

/**
 * Blanks the body lines of private-key blocks. Read backwards, an END line opens a block and
 * its BEGIN closes it, so a block cut by a page boundary is still known; a BEGIN without an
 * END (a log cut inside a key) blanks the rest of the chunk.
 */
export const blankKeyBodies = (
  chunk: ReadonlyArray<{ readonly text: string }>,
  insideKey: boolean
): { readonly texts: ReadonlyArray<string>; readonly insideKey: boolean } => {
  const texts = chunk.map((l) => l.text)
  let inside = insideKey
  for (let i = texts.length - 1; i >= 0; i--) {
    const text = texts[i] ?? ""
    if (END_KEY.test(text) && !BEGIN_KEY.test(text)) inside = true
    else if (BEGIN_KEY.test(text)) inside = false
    else if (inside) texts[i] = REDACTED
  }
  let open = false
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] ?? ""
    if (BEGIN_KEY.test(text) && !END_KEY.test(text)) open = true
    else if (END_KEY.test(text)) open = false
    else if (open) texts[i] = REDACTED
  }
  return { texts, insideKey: inside }
}

export const isFiltering = (f: LineFilter) => (f.contains !== undefined && f.contains.length > 0) || f.level !== undefined

/** Which lines of a chunk (oldest first) match, before context is added. */
const matchesOf = (texts: ReadonlyArray<string>, f: LineFilter): ReadonlyArray<boolean> => {
  const needle = f.contains?.toLowerCase()
  let recordLevel: LogLevel | undefined
  return texts.map((text) => {
    recordLevel = levelOf(text) ?? recordLevel
    if (f.level !== undefined && (recordLevel === undefined || levelRank(recordLevel) < levelRank(f.level))) return false
    // Matched against the masked line too: a filter must not confirm a guess at a secret.
    if (needle !== undefined && needle.length > 0) {
      if (!text.toLowerCase().includes(needle)) return false
      if (!maskSecretsInText(text).text.toLowerCase().includes(needle)) return false
    }
    return true
  })
}

/** Adds context lines around each match. */
const withContext = (matches: ReadonlyArray<boolean>, context: number): ReadonlyArray<boolean> => {
  if (context === 0) return matches
  const selected = matches.map(() => false)
  matches.forEach((m, i) => {
    if (!m) return
    for (let j = Math.max(0, i - context); j <= Math.min(matches.length - 1, i + context); j++) selected[j] = true
  })
  return selected
}

/**
 * Adds one chunk (contiguous lines, oldest first, older than everything shown so far) to the
 * window. Says when the window is full (its resume then names the first line not taken), and
 * gives the chunk's texts with private-key bodies blanked, for the error-excerpt search.
 */
export const addChunk = (
  state: WindowState,
  chunk: ReadonlyArray<ScanLine>,
  filter: LineFilter,
  limits: WindowLimits
): { readonly window: WindowState; readonly full: boolean; readonly texts: ReadonlyArray<string> } => {
  const { texts, insideKey } = blankKeyBodies(chunk, state.insideKey)
  const selected = isFiltering(filter) ? withContext(matchesOf(texts, filter), filter.context) : undefined
  const shown = [...state.shown]
  let { bytes, masked } = state
  for (let i = chunk.length - 1; i >= 0; i--) {
    if (selected !== undefined && selected[i] !== true) continue
    const line = chunk[i] as ScanLine
    const original = texts[i] ?? ""
    // Masked whole, then cut: a line cut first could end in part of a secret no rule knows then.
    const maskedLine = maskSecretsInText(original)
    const text = clipLine(maskedLine.text)
    const cost = costOf(text)
    if (shown.length >= limits.maxLines || bytes + cost > limits.maxBytes) {
      return { window: { shown, bytes, masked, insideKey, resume: line }, full: true, texts }
    }
    // A line of a multi-line event was masked with its event (log-lines): its "***" says so.
    if (maskedLine.masked || original !== line.text || text.includes(REDACTED)) masked = true
    shown.push({ ...line, text })
    bytes += cost
  }
  return { window: { shown, bytes, masked, insideKey, resume: state.resume }, full: false, texts }
}

/** Drops the oldest shown lines until the window costs at most maxBytes; the read resumes at the newest one dropped. */
export const shrinkTo = (state: WindowState, maxBytes: number): WindowState => {
  const shown = [...state.shown]
  let { bytes, resume } = state
  while (bytes > maxBytes && shown.length > 0) {
    const dropped = shown.pop() as ScanLine
    bytes -= costOf(dropped.text)
    resume = dropped
  }
  return { ...state, shown, bytes, resume }
}

/** The shown lines oldest first; with a filter, "--" marks where lines were skipped (as grep does). */
export const shownLines = (state: WindowState, filtering: boolean): ReadonlyArray<string> => {
  const out: Array<string> = []
  for (let i = state.shown.length - 1; i >= 0; i--) {
    const line = state.shown[i] as ScanLine
    const newer = state.shown[i - 1]
    out.push(line.text)
    if (filtering && newer !== undefined && newer.fromEnd !== line.fromEnd - 1) out.push("--")
  }
  return out
}
