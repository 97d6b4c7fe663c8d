/**
 * The model's error shapes: `__type` names the shape, the members are capitalized as the model
 * spells them (Message, ResourceId, ...), and the HTTP status is the shape's httpError trait.
 */
export type ServerlessErrorType =
  | "AccessDeniedException"
  | "ConflictException"
  | "InternalServerException"
  | "OperationTimeoutException"
  | "ResourceNotFoundException"
  | "ServiceQuotaExceededException"
  | "ThrottlingException"
  | "ValidationException"

export const HTTP_STATUS_OF: Readonly<Record<ServerlessErrorType, number>> = {
  AccessDeniedException: 403,
  ConflictException: 409,
  InternalServerException: 500,
  OperationTimeoutException: 504,
  ResourceNotFoundException: 404,
  ServiceQuotaExceededException: 402,
  ThrottlingException: 429,
  ValidationException: 400
}

export interface ServerlessError {
  readonly type: ServerlessErrorType
  readonly status: number
  /** The error's members, without `__type`. */
  readonly members: Readonly<Record<string, unknown>>
}

/** A handler's answer: the operation's output members, or one of its errors. */
export type Answer =
  | { readonly ok: true; readonly output: Record<string, unknown> }
  | { readonly ok: false; readonly error: ServerlessError }

export const ok = (output: Record<string, unknown>): Answer => ({ ok: true, output })

const fail = (type: ServerlessErrorType, members: Record<string, unknown>): Answer => ({
  ok: false,
  error: { type, status: HTTP_STATUS_OF[type], members }
})

export type ResourceType = "Workflow" | "WorkflowVersion" | "WorkflowRun" | "TaskInstance"

export const notFound = (resourceType: ResourceType, resourceId: string): Answer =>
  fail("ResourceNotFoundException", {
    Message: `${resourceType} ${resourceId} not found`,
    ResourceId: resourceId,
    ResourceType: resourceType
  })

export const conflict = (resourceType: ResourceType, resourceId: string, message: string): Answer =>
  fail("ConflictException", { Message: message, ResourceId: resourceId, ResourceType: resourceType })

export interface FieldProblem {
  /** The member's name as the model spells it. */
  readonly name: string
  readonly message: string
}

/** ValidationException: Reason from the model's ValidationExceptionReason enum, one FieldList entry per problem. */
export const invalid = (
  problems: ReadonlyArray<FieldProblem>,
  reason: "fieldValidationFailed" | "cannotParse" | "other" = "fieldValidationFailed"
): Answer =>
  fail("ValidationException", {
    Message: `${problems.length} validation error${problems.length === 1 ? "" : "s"} detected: ${problems.map((p) => p.message).join("; ")}`,
    Reason: reason,
    FieldList: problems.map((p) => ({ Name: p.name, Message: p.message }))
  })

/** The error every operation can meet when the caller is throttled (the HTTP fake's injected faults). */
export const throttlingError = (): ServerlessError => ({
  type: "ThrottlingException",
  status: HTTP_STATUS_OF.ThrottlingException,
  members: { Message: "Rate exceeded", ServiceCode: "airflow-serverless", QuotaCode: "L-API-RATE" }
})
