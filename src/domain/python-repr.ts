/**
 * Airflow 2.10's REST log endpoint answers `content` as the Python str() of a list of
 * (host, text) tuples — "[('worker-1', '*** Found logs…\\n…')]" — not as plain text. This
 * reads that one shape back; anything else is returned unchanged.
 */

const ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', "0": "\0" }

/** Reads one Python string literal starting at `start` (at its quote); returns the value and the index after it. */
const readLiteral = (s: string, start: number): { value: string; end: number } | undefined => {
  const quote = s[start]
  if (quote !== "'" && quote !== '"') return undefined
  let out = ""
  for (let i = start + 1; i < s.length; i++) {
    const c = s[i]!
    if (c === quote) return { value: out, end: i + 1 }
    if (c !== "\\") {
      out += c
      continue
    }
    const next = s[i + 1] ?? ""
    if (next === "x" || next === "u" || next === "U") {
      const width = next === "x" ? 2 : next === "u" ? 4 : 8
      const code = Number.parseInt(s.slice(i + 2, i + 2 + width), 16)
      if (Number.isNaN(code)) return undefined
      out += String.fromCodePoint(code)
      i += 1 + width
    } else {
      out += ESCAPES[next] ?? `\\${next}`
      i += 1
    }
  }
  return undefined
}

/** The texts of "[('host', 'text'), …]", or undefined when the content is not that shape. */
export const hostLogTuples = (content: string): ReadonlyArray<string> | undefined => {
  const s = content.trim()
  if (!s.startsWith("[(") || !s.endsWith(")]")) return undefined
  const texts: Array<string> = []
  let i = 1
  while (i < s.length - 1) {
    if (s[i] !== "(") return undefined
    const host = readLiteral(s, i + 1)
    if (host === undefined || s.slice(host.end, host.end + 2) !== ", ") return undefined
    const text = readLiteral(s, host.end + 2)
    if (text === undefined || s[text.end] !== ")") return undefined
    texts.push(text.value)
    i = text.end + 1
    if (s.slice(i, i + 2) === ", ") i += 2
  }
  return texts
}
