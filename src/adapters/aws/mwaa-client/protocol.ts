import { AwsRestJsonProtocol } from "@aws-sdk/core/protocols"
import { withBaseException } from "@smithy/core/client"
import { collectBody, loadRestJsonErrorCode } from "@smithy/core/protocols"
import type { HandlerExecutionContext, HttpResponse, MetadataBearer, OperationSchema, SerdeFunctions } from "@smithy/types"
import { MWAAServiceException } from "./errors.js"

/**
 * An error body that is not a JSON object (a proxy's HTML page, a truncated answer) still becomes an
 * error with the HTTP status and the page's text, not a SyntaxError.
 */
export const errorBody = (text: string): Record<string, unknown> => {
  let value: unknown = {}
  try {
    value = text.length > 0 ? JSON.parse(text) : {}
  } catch {
    // A proxy's page: its text, without markup, is the most useful message there is. Kept whole: the
    // app masks it before it cuts it. The tag pattern is bounded, so a page of "<" cannot make it quadratic.
    value = {
      message: text
        .replace(/<[^<>]{0,2000}>/g, " ")
        .replace(/\s+/g, " ")
        .trim()
    }
  }
  return typeof value === "object" && value !== null && !Array.isArray(value) ? { ...value } : {}
}

/** An answer with no error type is named by its HTTP status, as generated clients name it. */
const throwUnnamedError = withBaseException(MWAAServiceException)

/**
 * The SDK's restJson1 protocol for MWAA, with one difference for error answers: their body is read
 * leniently (errorBody) and an answer with no error type is named by its status, so a proxy's 502
 * page is "HTTP 502" with its text. Typed error answers go to the SDK's own error handling. The client
 * constructs it with its protocolSettings (runtime-config.ts): MWAA's namespace, errors and JSON codec.
 */
export class MwaaRestJsonProtocol extends AwsRestJsonProtocol {
  override async deserializeResponse<Output extends MetadataBearer>(
    operationSchema: OperationSchema,
    context: HandlerExecutionContext & SerdeFunctions,
    response: HttpResponse
  ): Promise<Output> {
    if (response.statusCode < 300) return super.deserializeResponse(operationSchema, context, response)
    const body = errorBody(context.utf8Encoder(await collectBody(response.body, context)))
    if (loadRestJsonErrorCode(response, body) === undefined) throwUnnamedError({ output: response, parsedBody: body })
    return this.handleError(operationSchema, context, response, body, this.deserializeMetadata(response))
  }
}
