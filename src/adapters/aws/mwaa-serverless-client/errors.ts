import { type ExceptionOptionType, ServiceException, type ServiceExceptionOptions } from "@smithy/core/client"
import { TypeRegistry } from "@smithy/core/schema"
import type { StaticErrorSchema } from "@smithy/types"
import { errorShape, NAMESPACE, NUMERIC, STRING } from "./schema.js"

/**
 * MWAA Serverless's errors as the model has them, in the shape a generated client gives them: a base
 * class every error extends, one class per modelled error with its static schema, and the registries
 * the SDK's awsJson1_0 protocol looks an error type (`__type` or `x-amzn-errortype`) up in. A type the
 * model does not have (UnrecognizedClientException ...) becomes an MWAAServerlessServiceException
 * under that name, as in any generated client.
 */

export class MWAAServerlessServiceException extends ServiceException {
  static override shapeId = `smithy.ts.sdk.synthetic.${NAMESPACE}#MWAAServerlessServiceException`
  constructor(options: ServiceExceptionOptions) {
    super(options)
    Object.setPrototypeOf(this, MWAAServerlessServiceException.prototype)
  }
}

type Fault = "client" | "server"

/** The class of one modelled error: named, with its fault; the protocol assigns its members. */
const modelledError = <N extends string, F extends Fault>(name: N, fault: F) =>
  class extends MWAAServerlessServiceException {
    override readonly name: N = name
    override readonly $fault: F = fault
    /** Every error's text, under the model's member name; the protocol copies it to `message` too. */
    Message?: string | undefined
    constructor(opts: ExceptionOptionType<MWAAServerlessServiceException, MWAAServerlessServiceException>) {
      super({ name, $fault: fault, ...opts })
      // As the generated errors do; new.target is the named subclass below.
      Object.setPrototypeOf(this, new.target.prototype)
    }
  }

interface OnResource {
  ResourceId?: string | undefined
  ResourceType?: string | undefined
}
interface OnQuota {
  ServiceCode?: string | undefined
  QuotaCode?: string | undefined
}

export class AccessDeniedException extends modelledError("AccessDeniedException", "client") {}
export class ConflictException extends modelledError("ConflictException", "client") implements OnResource {
  ResourceId?: string | undefined
  ResourceType?: string | undefined
}
export class InternalServerException extends modelledError("InternalServerException", "server") {
  RetryAfterSeconds?: number | undefined
}
/** HTTP 504: the service gave up on the operation; the model's only other server fault. */
export class OperationTimeoutException extends modelledError("OperationTimeoutException", "server") {}
export class ResourceNotFoundException extends modelledError("ResourceNotFoundException", "client") implements OnResource {
  ResourceId?: string | undefined
  ResourceType?: string | undefined
}
/** HTTP 402 in the model, from StartWorkflowRun: too many runs for the account's quota. */
export class ServiceQuotaExceededException extends modelledError("ServiceQuotaExceededException", "client") implements OnResource, OnQuota {
  ResourceId?: string | undefined
  ResourceType?: string | undefined
  ServiceCode?: string | undefined
  QuotaCode?: string | undefined
}
/** HTTP 429, retryable (throttling) in the model: the SDK's retry strategy backs off on it. */
export class ThrottlingException extends modelledError("ThrottlingException", "client") implements OnQuota {
  ServiceCode?: string | undefined
  QuotaCode?: string | undefined
  RetryAfterSeconds?: number | undefined
}
export class ValidationException extends modelledError("ValidationException", "client") {
  Reason?: string | undefined
  FieldList?: Array<{ readonly Name?: string | undefined; readonly Message?: string | undefined }> | undefined
}

const message = { Message: STRING }
const onResource = { ...message, ResourceId: STRING, ResourceType: STRING }
const quota = { ServiceCode: STRING, QuotaCode: STRING }
const field: StaticErrorSchema[5][number] = [3, NAMESPACE, "ValidationExceptionField", 0, ["Name", "Message"], [STRING, STRING]]
const modelled: ReadonlyArray<readonly [StaticErrorSchema, new (opts: never) => MWAAServerlessServiceException]> = [
  [errorShape("AccessDeniedException", "client", 403, message), AccessDeniedException],
  [errorShape("ConflictException", "client", 409, onResource), ConflictException],
  [errorShape("InternalServerException", "server", 500, { ...message, RetryAfterSeconds: NUMERIC }), InternalServerException],
  [errorShape("OperationTimeoutException", "server", 504, message), OperationTimeoutException],
  [errorShape("ResourceNotFoundException", "client", 404, onResource), ResourceNotFoundException],
  [errorShape("ServiceQuotaExceededException", "client", 402, { ...onResource, ...quota }), ServiceQuotaExceededException],
  [errorShape("ThrottlingException", "client", 429, { ...message, ...quota, RetryAfterSeconds: NUMERIC }), ThrottlingException],
  [
    errorShape("ValidationException", "client", 400, {
      ...message,
      Reason: STRING,
      FieldList: [1, NAMESPACE, "ValidationExceptionFields", 0, () => field]
    }),
    ValidationException
  ]
]

const SYNTHETIC_NAMESPACE = `smithy.ts.sdk.synthetic.${NAMESPACE}`
const synthetic = new TypeRegistry(SYNTHETIC_NAMESPACE)
synthetic.registerError([-3, SYNTHETIC_NAMESPACE, "MWAAServerlessServiceException", 0, [], []], MWAAServerlessServiceException)
const modelledRegistry = new TypeRegistry(NAMESPACE)
for (const [schema, ctor] of modelled) modelledRegistry.registerError(schema, ctor)

/** What the protocol resolves error types against: the base exception, then the modelled errors. */
export const errorTypeRegistries = [synthetic, modelledRegistry]
