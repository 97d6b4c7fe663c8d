/**
 * Keeps one tool answer under a byte budget, so a single call can never flood the assistant's
 * context. The largest array is halved (a page's next_offset then points at the first entry
 * left out, so paging continues where the answer stopped), then the largest string is cut
 * with a marker, until the answer fits. Pure: the answer keeps its shape.
 */

/**
 * One cut, as data: the app words it. `member` is the name the cut value sat under, which may be
 * the environment's own (a run's conf, a variable's JSON value), so the app decides whether to show it.
 */
export interface Cut {
  /** The member whose value was cut; undefined when an object key itself was cut. */
  readonly member: string | undefined
  readonly unit: "characters" | "items"
  readonly kept: number
  readonly of: number
}

export interface Bounded<A> {
  readonly value: A
  /** What was cut, for the hint shown with the answer; empty when nothing was. */
  readonly cuts: ReadonlyArray<Cut>
}

type Json = Record<string, unknown>

/**
 * The UTF-8 length of a string, counted without encoding it: every answer is measured on every
 * call, and encoding one allocates a copy of it. A lone surrogate counts 3, as U+FFFD when encoded.
 */
export const utf8Length = (text: string): number => {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

const size = (v: unknown) => utf8Length(JSON.stringify(v) ?? "")

/** Largest array (with more than one item), string or object key (over 200 characters) in the tree, by serialized size. */
const largest = (root: Json) => {
  let best: { parent: Json | Array<unknown>; key: string | number; bytes: number; kind: "array" | "string" | "key" } | undefined
  const visit = (parent: Json | Array<unknown>, key: string | number, v: unknown) => {
    if (Array.isArray(v)) {
      if (v.length > 1) {
        const bytes = size(v)
        if (best === undefined || bytes > best.bytes) best = { parent, key, bytes, kind: "array" }
      }
      for (let i = 0; i < v.length; i++) visit(v, i, v[i])
    } else if (typeof v === "object" && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        // Keys are the environment's data too (a conf's keys): counted and cut like values.
        if (k.length > 200) {
          const bytes = size(k)
          if (best === undefined || bytes > best.bytes) best = { parent: v as Json, key: k, bytes, kind: "key" }
        }
        visit(v as Json, k, x)
      }
    } else if (typeof v === "string" && v.length > 200) {
      const bytes = size(v)
      if (best === undefined || bytes > best.bytes) best = { parent, key, bytes, kind: "string" }
    }
  }
  visit(root as Json, "root", (root as Json)["root"])
  return best
}

/**
 * One pass that cuts every string (and object key) far longer than the budget could ever hold,
 * before the halving below serializes a 50 MB answer again and again. It runs on a masked answer
 * only (tool-host's present): cutting first could leave part of a secret no rule recognises.
 * Keeps the shape; says what it cut.
 */
export const precut = <A>(value: A, maxChars: number): Bounded<A> => {
  const cuts: Array<Cut> = []
  // Copies only what holds a cut string: most answers have none, and come back as they were.
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === "string") {
      if (v.length <= maxChars) return v
      cuts.push({ member: key, unit: "characters", kept: maxChars, of: v.length })
      // Logs keep their end, where the error is; other text its beginning.
      return key === "lines"
        ? `[truncated: ${v.length - maxChars} earlier characters] …${v.slice(-maxChars)}`
        : `${v.slice(0, maxChars)}… [truncated: ${v.length - maxChars} more characters]`
    }
    if (Array.isArray(v)) {
      let copy: Array<unknown> | undefined
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i]
        const y = walk(x, key)
        if (y === x) continue
        copy ??= [...v]
        copy[i] = y
      }
      return copy ?? v
    }
    if (typeof v === "object" && v !== null) {
      const entries = Object.entries(v)
      if (entries.some(([k]) => k.length > maxChars)) {
        for (const [k] of entries) {
          if (k.length > maxChars) cuts.push({ member: undefined, unit: "characters", kept: maxChars, of: k.length })
        }
        return Object.fromEntries(entries.map(([k, x]) => [k.length > maxChars ? cutText(k, maxChars) : k, walk(x, k)]))
      }
      let copy: Record<string, unknown> | undefined
      for (const [k, x] of entries) {
        const y = walk(x, k)
        if (y === x) continue
        copy ??= { ...(v as Record<string, unknown>) }
        copy[k] = y
      }
      return copy ?? v
    }
    return v
  }
  return { value: walk(value, "root") as A, cuts }
}

const cutText = (text: string, keep: number) => `${text.slice(0, keep)}… [truncated: ${text.length - keep} more characters]`

/** The object with one key renamed in place (order kept); a name already taken gets a number. */
const renameKey = (o: Json, from: string, to: string): void => {
  let name = to
  for (let n = 2; name in o; n++) name = `${to} #${n}`
  const entries = Object.entries(o)
  for (const [k] of entries) delete o[k]
  for (const [k, x] of entries) o[k === from ? name : k] = x
}

export const boundSize = <A>(value: A, maxBytes: number): Bounded<A> => {
  if (size(value) <= maxBytes) return { value, cuts: [] }
  const copy = structuredClone(value) as unknown
  const holder = { root: copy } as Json
  const cuts: Array<Cut> = []
  for (let step = 0; step < 200 && size(holder["root"]) > maxBytes; step++) {
    const target = largest(holder)
    if (target === undefined) break
    const container = target.parent as Json
    const current = container[target.key as string]
    const root = holder["root"] as Json
    if (target.kind === "array" && Array.isArray(current)) {
      const keep = Math.max(1, Math.floor(current.length / 2))
      // Logs keep their end (where the error is); lists keep their beginning (the page order).
      const isLines = target.key === "lines"
      container[target.key as string] = isLines ? current.slice(current.length - keep) : current.slice(0, keep)
      if (container === root && typeof root["offset"] === "number" && "next_offset" in root) {
        root["next_offset"] = (root["offset"] as number) + keep
      }
      if (isLines && container === root && "truncated" in root) root["truncated"] = true
      cuts.push({ member: String(target.key), unit: "items", kept: keep, of: current.length })
    } else if (target.kind === "key") {
      const name = target.key as string
      const keep = Math.max(100, Math.floor(name.length / 2))
      renameKey(container, name, cutText(name, keep))
      cuts.push({ member: undefined, unit: "characters", kept: keep, of: name.length })
    } else if (typeof current === "string") {
      const keep = Math.max(100, Math.floor(current.length / 2))
      container[target.key as string] = cutText(current, keep)
      cuts.push({ member: String(target.key), unit: "characters", kept: keep, of: current.length })
    }
  }
  return { value: holder["root"] as A, cuts }
}
