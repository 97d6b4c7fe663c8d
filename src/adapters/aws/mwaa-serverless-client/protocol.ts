import { AwsJson1_0Protocol } from "@aws-sdk/core/protocols"
import { withBaseException } from "@smithy/core/client"
import { collectBody, loadJsonRpcErrorCode } from "@smithy/core/protocols"
import type { HandlerExecutionContext, HttpResponse, MetadataBearer, OperationSchema, SerdeFunctions } from "@smithy/types"
import { errorBody } from "../mwaa-client/protocol.js"
import { MWAAServerlessServiceException } from "./errors.js"

/** An answer with no error type is named by its HTTP status, as generated clients name it. */
const throwUnnamedError = withBaseException(MWAAServerlessServiceException)

/**
 * The SDK's awsJson1_0 protocol, with the one difference MWAA's client makes for error answers: their
 * body is read leniently (errorBody) and an answer with no error type is named by its status, so a
 * proxy's 502 page is "HTTP 502" with its text, not a SyntaxError. Typed error answers go to the SDK's
 * own error handling. The client constructs it with its protocolSettings (runtime-config.ts).
 */
export class ServerlessJsonProtocol extends AwsJson1_0Protocol {
  override async deserializeResponse<Output extends MetadataBearer>(
    operationSchema: OperationSchema,
    context: HandlerExecutionContext & SerdeFunctions,
    response: HttpResponse
  ): Promise<Output> {
    if (response.statusCode < 300) return super.deserializeResponse(operationSchema, context, response)
    const body = errorBody(context.utf8Encoder(await collectBody(response.body, context)))
    if (loadJsonRpcErrorCode(response, body) === undefined) throwUnnamedError({ output: response, parsedBody: body })
    return this.handleError(operationSchema, context, response, body, this.deserializeMetadata(response))
  }
}
