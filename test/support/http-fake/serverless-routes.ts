import { randomUUID } from "node:crypto"
import {
  type Answer,
  answerServerless,
  isServerlessOperation,
  type ServerlessError,
  type ServerlessState,
  SERVERLESS_TARGET_PREFIX,
  throttlingError
} from "../../../src/adapters/fake-mwaa-serverless/index.js"
import type { Dialect } from "./dialects.js"
import type { SigningFailure } from "./sigv4.js"
import type { Operation } from "./types.js"
import type { Reply } from "./wire.js"

/**
 * MWAA Serverless over awsJson1_0: `POST /` with `X-Amz-Target: AmazonMWAAServerless.<Operation>`,
 * signed for `airflow-serverless`, answered by the world's in-memory serverless state. Errors
 * carry `__type` and the model's members in the body, and the status of the shape's httpError trait.
 */
export const SERVERLESS_CONTENT_TYPE = "application/x-amz-json-1.0"

/** The request log's operation: the full X-Amz-Target, when the fake knows the operation. */
export const serverlessOperationOf = (target: string): Operation => {
  const name = target.slice(SERVERLESS_TARGET_PREFIX.length)
  return isServerlessOperation(name) ? `${SERVERLESS_TARGET_PREFIX}${name}` : "Unknown"
}

export const awsJson10 = (status: number, body: unknown, errorType?: string): Reply => ({
  status,
  headers: { "content-type": SERVERLESS_CONTENT_TYPE, "x-amzn-requestid": randomUUID() },
  body: JSON.stringify(body),
  errorType
})

const errorReply = (error: ServerlessError): Reply => awsJson10(error.status, { __type: error.type, ...error.members }, error.type)

/** awsJson1_0 sends every member in the body; an empty body reads as {} as the SDK sends no body for an empty input. */
const inputOf = (body: Buffer): Record<string, unknown> | undefined => {
  const text = body.toString("utf8").trim()
  if (text === "") return {}
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

const replyOf = (answer: Answer): Reply => (answer.ok ? awsJson10(200, answer.output) : errorReply(answer.error))

export const answerServerlessRequest = (state: ServerlessState, operation: Operation, body: Buffer): Reply => {
  const name = operation.slice(SERVERLESS_TARGET_PREFIX.length)
  if (!isServerlessOperation(name)) return serverlessDialect.unknownOperation(operation)
  const input = inputOf(body)
  if (input === undefined) {
    const message = "Request body is not a JSON object"
    return errorReply({ type: "ValidationException", status: 400, members: { Message: message, Reason: "cannotParse" } })
  }
  return replyOf(answerServerless(state, name, input))
}

const signingType = (failure: SigningFailure) =>
  failure.kind === "missing"
    ? "MissingAuthenticationTokenException"
    : failure.kind === "incomplete"
      ? "IncompleteSignatureException"
      : "InvalidSignatureException"

const commonError = (status: number, type: string, message: string): Reply => awsJson10(status, { __type: type, message }, type)

/**
 * The errors outside the model that every call can meet (signing, tokens, unknown targets), as
 * AWS's front door words them, and the model's own ThrottlingException (429) and
 * InternalServerException (500) / OperationTimeoutException (504) for injected faults.
 */
export const serverlessDialect: Dialect = {
  unsigned: (failure) => commonError(403, signingType(failure), failure.message),
  invalidToken: () => commonError(403, "UnrecognizedClientException", "The security token included in the request is invalid."),
  expiredToken: () => commonError(403, "ExpiredTokenException", "The security token included in the request is expired"),
  throttled: () => errorReply(throttlingError()),
  failed: (status) =>
    status === 504
      ? errorReply({ type: "OperationTimeoutException", status, members: { Message: "The operation timed out" } })
      : errorReply({ type: "InternalServerException", status, members: { Message: "Internal server error" } }),
  unknownOperation: (what) => commonError(400, "UnknownOperationException", `Unknown operation ${what}`)
}
