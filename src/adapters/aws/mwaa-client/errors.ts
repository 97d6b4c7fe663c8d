import { type ExceptionOptionType, ServiceException, type ServiceExceptionOptions } from "@smithy/core/client"
import { TypeRegistry } from "@smithy/core/schema"
import type { StaticErrorSchema } from "@smithy/types"
import { DOCUMENT, errorShape, MWAA_NAMESPACE, member, NUMERIC, SENSITIVE, STRING } from "./schema.js"

/**
 * MWAA's errors as the current model has them, in the shape a generated client gives them: a base
 * class every MWAA error extends, one class per modelled error, each with its static schema, and the
 * registries the SDK's restJson1 protocol looks an error type up in. An error type the model does
 * not have (ThrottlingException, UnrecognizedClientException ...) becomes an MWAAServiceException
 * under that name, as in any generated client.
 */

export class MWAAServiceException extends ServiceException {
  static override shapeId = "smithy.ts.sdk.synthetic.com.amazonaws.mwaa#MWAAServiceException"
  constructor(options: ServiceExceptionOptions) {
    super(options)
    Object.setPrototypeOf(this, MWAAServiceException.prototype)
  }
}

type Fault = "client" | "server"

/** The class of one modelled error: named, with its fault; the protocol assigns its members. */
const modelledError = <N extends string, F extends Fault>(name: N, fault: F) =>
  class extends MWAAServiceException {
    override readonly name: N = name
    override readonly $fault: F = fault
    constructor(opts: ExceptionOptionType<MWAAServiceException, MWAAServiceException>) {
      super({ name, $fault: fault, ...opts })
      // As the generated errors do; new.target is the named subclass below.
      Object.setPrototypeOf(this, new.target.prototype)
    }
  }

/** HTTP 403. The model names its member `Message`; the protocol reads either into `message`. */
export class AccessDeniedException extends modelledError("AccessDeniedException", "client") {
  Message?: string | undefined
}
export class InternalServerException extends modelledError("InternalServerException", "server") {}
export class ResourceNotFoundException extends modelledError("ResourceNotFoundException", "client") {}
/** HTTP 503 from Create/Update/DeleteEnvironment. */
export class ServiceUnavailableException extends modelledError("ServiceUnavailableException", "server") {}
export class ValidationException extends modelledError("ValidationException", "client") {}
/**
 * Airflow answered 4xx (client) or 5xx (server) through InvokeRestApi. Both are HTTP 400 and
 * senderFault in the model: only the error type tells them apart, never the status.
 */
export class RestApiClientException extends modelledError("RestApiClientException", "client") {
  RestApiStatusCode?: number | undefined
  RestApiResponse?: unknown
}
export class RestApiServerException extends modelledError("RestApiServerException", "client") {
  RestApiStatusCode?: number | undefined
  RestApiResponse?: unknown
}

const message = { message: STRING }
const restApi = { RestApiStatusCode: NUMERIC, RestApiResponse: member(DOCUMENT, SENSITIVE) }
const modelled: ReadonlyArray<readonly [StaticErrorSchema, new (opts: never) => MWAAServiceException]> = [
  [errorShape("AccessDeniedException", "client", 403, { Message: STRING }), AccessDeniedException],
  [errorShape("InternalServerException", "server", 500, message), InternalServerException],
  [errorShape("ResourceNotFoundException", "client", 404, message), ResourceNotFoundException],
  [errorShape("RestApiClientException", "client", 400, restApi), RestApiClientException],
  [errorShape("RestApiServerException", "client", 400, restApi), RestApiServerException],
  [errorShape("ServiceUnavailableException", "server", 503, message), ServiceUnavailableException],
  [errorShape("ValidationException", "client", 400, message), ValidationException]
]

const SYNTHETIC_NAMESPACE = `smithy.ts.sdk.synthetic.${MWAA_NAMESPACE}`
const synthetic = new TypeRegistry(SYNTHETIC_NAMESPACE)
synthetic.registerError([-3, SYNTHETIC_NAMESPACE, "MWAAServiceException", 0, [], []], MWAAServiceException)
const modelledRegistry = new TypeRegistry(MWAA_NAMESPACE)
for (const [schema, ctor] of modelled) modelledRegistry.registerError(schema, ctor)

/** What the protocol resolves error types against: the base exception, then the modelled errors. */
export const errorTypeRegistries = [synthetic, modelledRegistry]
