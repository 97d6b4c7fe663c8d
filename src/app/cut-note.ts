import type { Schema } from "effect"
import type { Cut } from "../domain/bound-size.js"
import { jsonSchemaOf } from "./json-schema.js"

/**
 * The note an answer carries when it was cut to fit. It sits in the summary line, the server's
 * own voice, so it names a cut member only when the tool's output schema declares that name:
 * a conf key or a variable's JSON key is the environment's text and is called "a value".
 */

const declaredNames = (schema: unknown, into: Set<string>): Set<string> => {
  if (Array.isArray(schema)) {
    for (const item of schema) declaredNames(item, into)
  } else if (typeof schema === "object" && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      if (key === "properties" && typeof value === "object" && value !== null) for (const name of Object.keys(value)) into.add(name)
      declaredNames(value, into)
    }
  }
  return into
}

/** Every property name an output schema declares, at any depth. */
export const declaredMembers = (output: Schema.Schema.Any): ReadonlySet<string> => declaredNames(jsonSchemaOf(output), new Set())

const describe = (cut: Cut, declared: ReadonlySet<string>): string => {
  if (cut.member === undefined) return `a key: ${cut.kept} of ${cut.of} characters kept`
  const name = declared.has(cut.member) ? cut.member : "a value"
  return `${name}: ${cut.kept} of ${cut.of}${cut.unit === "characters" ? " characters" : ""} kept`
}

export const cutNote = (cuts: ReadonlyArray<Cut>, declared: ReadonlySet<string>, maxBytes: number): string =>
  `Answer cut to fit ${maxBytes} bytes (${cuts.map((c) => describe(c, declared)).join("; ")}): ` +
  "ask for a smaller page (limit), the next page (offset = next_offset) or a narrower filter."
