import type { MWAAClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from "@aws-sdk/client-mwaa"
import { requestBuilder } from "@smithy/core"
import { getEndpointPlugin } from "@smithy/middleware-endpoint"
import { getSerdePlugin } from "@smithy/middleware-serde"
import { Command as $Command, expectNonNull, expectObject, expectString, SENSITIVE_STRING, take } from "@smithy/smithy-client"
import type { HttpRequest, HttpResponse, MetadataBearer, SerdeContext } from "@smithy/types"
import { se_CreateEnvironmentBody } from "./environment-serde.js"
import type { CreateEnvironmentInput } from "./environment-types.js"
import { de_CommandError } from "./exceptions.js"
import { commonParams, deserializeMetadata, parseBody, setHost } from "./restjson.js"

/** CreateEnvironment to the current model: sends MinWebservers, MaxWebservers and every other member. */

export type CreateEnvironmentCommandInput = CreateEnvironmentInput

export interface CreateEnvironmentCommandOutput extends MetadataBearer {
  readonly Arn?: string | undefined
}

export const se_CreateEnvironmentCommand = async (input: CreateEnvironmentCommandInput, context: SerdeContext): Promise<HttpRequest> => {
  const b = requestBuilder(input, context)
  b.bp("/environments/{Name}")
  b.p("Name", () => input.Name, "{Name}", false)
  const body = JSON.stringify(se_CreateEnvironmentBody(input))
  await setHost(b, context, "api.")
  b.m("PUT").h({ "content-type": "application/json" }).b(body)
  return b.build()
}

export const de_CreateEnvironmentCommand = async (output: HttpResponse, context: SerdeContext): Promise<CreateEnvironmentCommandOutput> => {
  if (output.statusCode !== 200 && output.statusCode >= 300) return de_CommandError(output, context)
  const data = expectNonNull(expectObject(await parseBody(output.body, context)), "body")
  return { $metadata: deserializeMetadata(output), ...take(data, { Arn: expectString }) }
}

const filterInput = (input: CreateEnvironmentCommandInput) => ({
  ...input,
  ...(input.AirflowConfigurationOptions !== undefined && { AirflowConfigurationOptions: SENSITIVE_STRING })
})

export class CreateEnvironmentCommand extends $Command
  .classBuilder<
    CreateEnvironmentCommandInput,
    CreateEnvironmentCommandOutput,
    MWAAClientResolvedConfig,
    ServiceInputTypes,
    ServiceOutputTypes
  >()
  .ep({ ...commonParams })
  // biome-ignore lint/suspicious/noExplicitAny: the signature the SDK's own generated Commands use for this hook
  .m(function (this: any, Command: any, _cs: any, config: MWAAClientResolvedConfig, _o: any) {
    return [getSerdePlugin(config, this.serialize, this.deserialize), getEndpointPlugin(config, Command.getEndpointParameterInstructions())]
  })
  .s("AmazonMWAA", "CreateEnvironment", {})
  .n("MWAAClient", "CreateEnvironmentCommand")
  .f(filterInput, undefined)
  .ser(se_CreateEnvironmentCommand)
  .de(de_CreateEnvironmentCommand)
  .build() {}
