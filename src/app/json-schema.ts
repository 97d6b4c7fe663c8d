import { JSONSchema, type Schema } from "effect"

/**
 * Effect marks Unknown and Any with "$id" ("/schemas/unknown"); two of them in one schema, or one
 * in each of two tools, make a validating client (ajv) refuse the schema as ambiguous.
 */
const withoutIds = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(withoutIds)
    : typeof value === "object" && value !== null
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([k]) => k !== "$id")
            .map(([k, v]) => [k, withoutIds(v)])
        )
      : value

/** The advertised JSON Schema of a tool's input or output: self-contained, without "$schema" or "$id". */
export const jsonSchemaOf = (schema: Schema.Schema.Any): Record<string, unknown> => {
  const { $schema: _ignored, ...rest } = JSONSchema.make(schema) as unknown as Record<string, unknown>
  return withoutIds(rest) as Record<string, unknown>
}
