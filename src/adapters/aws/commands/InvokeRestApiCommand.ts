import type { MWAAClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from "@aws-sdk/client-mwaa"
import { requestBuilder } from "@smithy/core"
import { getEndpointPlugin } from "@smithy/middleware-endpoint"
import { getSerdePlugin } from "@smithy/middleware-serde"
import { Command as $Command, expectInt32, expectNonNull, expectObject, SENSITIVE_STRING, take } from "@smithy/smithy-client"
import type { HttpRequest, HttpResponse, MetadataBearer, SerdeContext } from "@smithy/types"
import { de_CommandError } from "./exceptions.js"
import { commonParams, deserializeMetadata, parseBody, setHost } from "./restjson.js"

/**
 * mwaa:InvokeRestApi, which client-mwaa 3.523.0 predates: POST /restapi/{Name} on the `env.`
 * host, restJson1 body {Path, Method, QueryParameters, Body}, signed for `airflow` by the
 * client's own SigV4 middleware.
 */

export interface InvokeRestApiCommandInput {
  readonly Name: string
  /** 1..64 characters (MWAA answers ValidationException beyond). */
  readonly Path: string
  readonly Method: "GET" | "PUT" | "POST" | "PATCH" | "DELETE"
  readonly QueryParameters?: unknown
  readonly Body?: unknown
}

export interface InvokeRestApiCommandOutput extends MetadataBearer {
  readonly RestApiStatusCode?: number | undefined
  readonly RestApiResponse?: unknown
}

// Documents (QueryParameters, Body, RestApiResponse) pass through untouched: _json would drop
// their null members, and Airflow bodies use null on purpose (e.g. {"note": null}).
const document = (value: unknown) => value

export const se_InvokeRestApiCommand = async (input: InvokeRestApiCommandInput, context: SerdeContext): Promise<HttpRequest> => {
  const b = requestBuilder(input, context)
  b.bp("/restapi/{Name}")
  b.p("Name", () => input.Name, "{Name}", false)
  const body = JSON.stringify(take(input, { Body: document, Method: [], Path: [], QueryParameters: document }))
  await setHost(b, context, "env.")
  b.m("POST").h({ "content-type": "application/json" }).b(body)
  return b.build()
}

export const de_InvokeRestApiCommand = async (output: HttpResponse, context: SerdeContext): Promise<InvokeRestApiCommandOutput> => {
  if (output.statusCode !== 200 && output.statusCode >= 300) return de_CommandError(output, context)
  const data = expectNonNull(expectObject(await parseBody(output.body, context)), "body")
  return {
    $metadata: deserializeMetadata(output),
    ...take(data, { RestApiResponse: document, RestApiStatusCode: expectInt32 })
  }
}

const filterInput = (input: InvokeRestApiCommandInput) => ({ ...input, ...(input.Body !== undefined && { Body: SENSITIVE_STRING }) })
const filterOutput = (output: InvokeRestApiCommandOutput) => ({
  ...output,
  ...(output.RestApiResponse !== undefined && { RestApiResponse: SENSITIVE_STRING })
})

export class InvokeRestApiCommand extends $Command
  .classBuilder<InvokeRestApiCommandInput, InvokeRestApiCommandOutput, MWAAClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes>()
  .ep({ ...commonParams })
  // biome-ignore lint/suspicious/noExplicitAny: the signature the SDK's own generated Commands use for this hook
  .m(function (this: any, Command: any, _cs: any, config: MWAAClientResolvedConfig, _o: any) {
    return [getSerdePlugin(config, this.serialize, this.deserialize), getEndpointPlugin(config, Command.getEndpointParameterInstructions())]
  })
  .s("AmazonMWAA", "InvokeRestApi", {})
  .n("MWAAClient", "InvokeRestApiCommand")
  .f(filterInput, filterOutput)
  .ser(se_InvokeRestApiCommand)
  .de(de_InvokeRestApiCommand)
  .build() {}
