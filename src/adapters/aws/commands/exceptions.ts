import {
  AccessDeniedException,
  InternalServerException,
  MWAAServiceException,
  ResourceNotFoundException,
  ValidationException
} from "@aws-sdk/client-mwaa"
import { decorateServiceException, expectInt32, expectString, withBaseException } from "@smithy/smithy-client"
import type { HttpResponse, ResponseMetadata, SerdeContext } from "@smithy/types"
import { deserializeMetadata, loadRestJsonErrorCode, parseErrorBody } from "./restjson.js"

/**
 * The MWAA model's errors that client-mwaa 3.523.0 lacks, and one decoder for every error our
 * commands can meet. RestApiClientException and RestApiServerException are both HTTP 400:
 * only the error type tells them apart, never the status.
 */

interface RestApiErrorOptions {
  readonly $metadata: ResponseMetadata
  readonly message?: string | undefined
  readonly RestApiStatusCode?: number | undefined
  readonly RestApiResponse?: unknown
}

/**
 * The two InvokeRestApi errors differ only in name: one class per name, so `instanceof` and the
 * literal `name` still tell them apart. Both are HTTP 400 and senderFault in the model, hence "client".
 */
const restApiException = <N extends "RestApiClientException" | "RestApiServerException">(name: N) =>
  class extends MWAAServiceException {
    override readonly name: N = name
    override readonly $fault = "client" as const
    RestApiStatusCode?: number | undefined
    RestApiResponse?: unknown
    constructor(opts: RestApiErrorOptions) {
      super({ name, $fault: "client", ...opts })
      // As the SDK's generated exceptions do; new.target is the named subclass below.
      Object.setPrototypeOf(this, new.target.prototype)
      this.RestApiStatusCode = opts.RestApiStatusCode
      this.RestApiResponse = opts.RestApiResponse
    }
  }

/** Airflow answered 4xx through InvokeRestApi. */
export class RestApiClientException extends restApiException("RestApiClientException") {}

/** Airflow answered 5xx through InvokeRestApi (the model still gives it HTTP 400 and senderFault). */
export class RestApiServerException extends restApiException("RestApiServerException") {}

/** HTTP 503 from Create/Update/DeleteEnvironment. */
export class ServiceUnavailableException extends MWAAServiceException {
  override readonly name = "ServiceUnavailableException" as const
  override readonly $fault = "server" as const
  constructor(opts: { readonly $metadata: ResponseMetadata; readonly message?: string | undefined }) {
    super({ name: "ServiceUnavailableException", $fault: "server", ...opts })
    Object.setPrototypeOf(this, ServiceUnavailableException.prototype)
  }
}

const throwDefaultError = withBaseException(MWAAServiceException)

/**
 * Throws the modelled exception for an error answer; anything else (ThrottlingException,
 * UnrecognizedClientException, a bare 429 ...) becomes an MWAAServiceException named by its
 * error type, as the SDK's own commands do.
 */
export const de_CommandError = async (output: HttpResponse, context: SerdeContext): Promise<never> => {
  const body = await parseErrorBody(output.body, context)
  const code = loadRestJsonErrorCode(output, body)
  const $metadata = deserializeMetadata(output)
  const message = expectString(body["message"]) ?? ""
  const restApi = () => ({
    $metadata,
    message,
    RestApiStatusCode: expectInt32(body["RestApiStatusCode"]),
    RestApiResponse: body["RestApiResponse"]
  })
  const decorate = (e: Error) => decorateServiceException(e as MWAAServiceException, body)
  switch (code) {
    case "RestApiClientException":
      throw decorate(new RestApiClientException(restApi()))
    case "RestApiServerException":
      throw decorate(new RestApiServerException(restApi()))
    case "AccessDeniedException":
      throw decorate(new AccessDeniedException({ $metadata, message, Message: expectString(body["Message"]) ?? message }))
    case "ResourceNotFoundException":
      throw decorate(new ResourceNotFoundException({ $metadata, message }))
    case "ValidationException":
      throw decorate(new ValidationException({ $metadata, message }))
    case "InternalServerException":
      throw decorate(new InternalServerException({ $metadata, message }))
    case "ServiceUnavailableException":
      throw decorate(new ServiceUnavailableException({ $metadata, message }))
    default:
      // throwDefaultError always throws; the return satisfies `never`.
      throwDefaultError({ output, parsedBody: body, errorCode: code })
      throw new MWAAServiceException({ name: code ?? "UnknownError", $fault: "client", $metadata })
  }
}
