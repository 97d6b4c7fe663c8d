import type {
  $MemberSchema,
  $SchemaRef,
  SchemaTraits,
  StaticErrorSchema,
  StaticOperationSchema,
  StaticStructureSchema
} from "@smithy/types"

/**
 * The static schemas the SDK's generator writes for each shape (schemas_0.js in any current client),
 * written here for the MWAA shapes our commands use: tuples read by @smithy/core's NormalizedSchema,
 * so the SDK's restJson1 protocol serializes, deserializes and filters logs from them.
 */

/** The model's namespace: error types on the wire (`__type`) are named in it. */
export const MWAA_NAMESPACE = "com.amazonaws.mwaa"

/** Simple schema ids (@smithy/core/schema's SCHEMA sentinels). */
export const STRING = 0
export const NUMERIC = 1
export const BOOLEAN = 2
export const DOCUMENT = 15
export const STRING_LIST = 64
export const STRING_MAP = 128

/** Member trait bits (@smithy/types TraitBitVector). */
export const HTTP_LABEL = 1
export const SENSITIVE = 8

/** A member with traits: `[target, traits]`, as the generator writes it. */
export const member = (target: $SchemaRef, traits: SchemaTraits): $MemberSchema => [target, traits]

/** A structure from its members in model order; traits only where a member has some. */
export const structure = (name: string, members: Readonly<Record<string, $SchemaRef>>): StaticStructureSchema => [
  3,
  MWAA_NAMESPACE,
  name,
  0,
  Object.keys(members),
  Object.values(members)
]

/** A modelled error: its fault (the model's senderFault) and HTTP status, and its members. */
export const errorShape = (
  name: string,
  fault: "client" | "server",
  httpStatus: number,
  members: Readonly<Record<string, $SchemaRef>>
): StaticErrorSchema => [-3, MWAA_NAMESPACE, name, { error: fault, httpError: httpStatus }, Object.keys(members), Object.values(members)]

/** The operation's http trait and endpoint hostPrefix, as the model gives them. */
export interface HttpBinding {
  readonly method: "GET" | "PUT" | "PATCH" | "POST" | "DELETE"
  readonly path: string
  readonly hostPrefix: "api." | "env."
}

export const operationSchema = (
  name: string,
  http: HttpBinding,
  input: StaticStructureSchema,
  output: StaticStructureSchema
): StaticOperationSchema => [
  9,
  MWAA_NAMESPACE,
  name,
  { endpoint: [http.hostPrefix], http: [http.method, http.path, 200] },
  () => input,
  () => output
]

/** The environment's name, bound into the URI ({Name}) by every operation but ListEnvironments. */
export const NAME_IN_URI = member(STRING, HTTP_LABEL)
