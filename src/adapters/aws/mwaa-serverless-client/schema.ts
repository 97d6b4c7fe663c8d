import type {
  $SchemaRef,
  SchemaTraits,
  StaticErrorSchema,
  StaticListSchema,
  StaticMapSchema,
  StaticOperationSchema,
  StaticStructureSchema
} from "@smithy/types"

/**
 * The static schemas the SDK's generator writes for each shape (schemas_0.js in any current client),
 * written here for the MWAA Serverless shapes our commands use: tuples read by @smithy/core's
 * NormalizedSchema, so the SDK's awsJson1_0 protocol serializes, deserializes and filters logs from them.
 */

/** The model's namespace: error types on the wire (`__type`) are named in it. */
export const NAMESPACE = "com.amazonaws.mwaaserverless"
/** The service shape's name: the X-Amz-Target prefix of every operation. */
export const SERVICE_TARGET = "AmazonMWAAServerless"

/** Simple schema ids (@smithy/core/schema's SCHEMA sentinels). */
export const STRING = 0
export const NUMERIC = 1
export const BOOLEAN = 2
export const DOCUMENT = 15
/** The model's TimestampValue has @timestampFormat("date-time"): ISO 8601 strings, not awsJson's default epoch seconds. */
export const DATE_TIME = 5
export const STRING_LIST = 64
export const STRING_MAP = 128

/** Member trait bits (@smithy/types TraitBitVector). */
export const IDEMPOTENCY_TOKEN = 4
export const SENSITIVE = 8

export const structure = (name: string, members: Readonly<Record<string, $SchemaRef>>): StaticStructureSchema => [
  3,
  NAMESPACE,
  name,
  0,
  Object.keys(members),
  Object.values(members)
]

/** A list of structures; its member is a thunk, as the generator writes it, so shapes can be declared in any order. */
export const listOf = (name: string, item: () => StaticStructureSchema): StaticListSchema => [1, NAMESPACE, name, 0, item]

export const mapOf = (name: string, traits: SchemaTraits, value: $SchemaRef): StaticMapSchema => [2, NAMESPACE, name, traits, STRING, value]

/** A modelled error: its fault (the model's `smithy.api#error`) and HTTP status, and its members. */
export const errorShape = (
  name: string,
  fault: "client" | "server",
  httpStatus: number,
  members: Readonly<Record<string, $SchemaRef>>
): StaticErrorSchema => [-3, NAMESPACE, name, { error: fault, httpError: httpStatus }, Object.keys(members), Object.values(members)]

/**
 * An operation. awsJson1_0 ignores the model's http traits (every call is POST / with X-Amz-Target),
 * so none are given, as the generator gives none for awsJson services.
 */
export const operationSchema = (name: string, input: StaticStructureSchema, output: StaticStructureSchema): StaticOperationSchema => [
  9,
  NAMESPACE,
  name,
  0,
  () => input,
  () => output
]
