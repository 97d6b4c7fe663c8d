import { readFileSync } from "node:fs"

/**
 * The MWAA model fixture (botocore service-2.json, see test/fixtures/mwaa/PROVENANCE.md) and
 * sample values built from it: every member of every structure, so a test can check that
 * nothing is dropped on the way through a command.
 */

interface Member {
  readonly shape: string
  readonly location?: string
}
interface Shape {
  readonly type: string
  readonly members?: Readonly<Record<string, Member>>
  readonly member?: Member
  readonly value?: Member
  readonly document?: boolean
  readonly error?: { readonly httpStatusCode: number }
}
interface Operation {
  readonly http: { readonly method: string; readonly requestUri: string }
  readonly input: { readonly shape: string }
  readonly output: { readonly shape: string }
  readonly errors: ReadonlyArray<{ readonly shape: string }>
  readonly endpoint?: { readonly hostPrefix: string }
}

const model = JSON.parse(readFileSync(new URL("../../../fixtures/mwaa/botocore-service-2.json", import.meta.url), "utf8")) as {
  readonly metadata: Readonly<Record<string, unknown>>
  readonly operations: Readonly<Record<string, Operation>>
  readonly shapes: Readonly<Record<string, Shape>>
}

export const metadata = model.metadata
export const operation = (name: string): Operation => model.operations[name]!
export const shape = (name: string): Shape => model.shapes[name]!
export const membersOf = (name: string): Readonly<Record<string, Member>> => shape(name).members ?? {}
/** Members sent in the JSON body (not bound to the URI, query string or headers). */
export const bodyMembersOf = (name: string): Array<string> =>
  Object.entries(membersOf(name))
    .filter(([, m]) => m.location === undefined)
    .map(([k]) => k)

/** 2026-01-01T00:00:00Z: restJson1 sends timestamps as epoch seconds. */
export const EPOCH_SECONDS = 1_767_225_600

/**
 * A value for a shape, labelled by where it sits so each scalar is distinct. `wire` is the JSON
 * the service sends; `sdk` is what a command hands back (timestamps as Dates).
 */
export const sample = (shapeName: string, label: string, form: "wire" | "sdk"): unknown => {
  const s = shape(shapeName)
  switch (s.type) {
    case "structure":
      if (s.document === true) return { document: label, nested: { list: [1, null] } }
      return Object.fromEntries(Object.entries(s.members ?? {}).map(([k, m]) => [k, sample(m.shape, `${label}.${k}`, form)]))
    case "list":
      return [sample(s.member!.shape, `${label}[0]`, form)]
    case "map":
      return { [`${label}-key`]: sample(s.value!.shape, `${label}{}`, form) }
    case "integer":
    case "long":
      return [...label].reduce((n, c) => (n * 31 + c.charCodeAt(0)) % 1000, 7)
    case "boolean":
      return true
    case "timestamp":
      return form === "wire" ? EPOCH_SECONDS : new Date(EPOCH_SECONDS * 1000)
    case "string":
      return label
    default:
      throw new Error(`sample: no value for shape type ${s.type} (${shapeName})`)
  }
}
