import type { MWAAClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from "@aws-sdk/client-mwaa"
import { requestBuilder } from "@smithy/core"
import { getEndpointPlugin } from "@smithy/middleware-endpoint"
import { getSerdePlugin } from "@smithy/middleware-serde"
import { Command as $Command, expectNonNull, expectObject, expectString, SENSITIVE_STRING, take } from "@smithy/smithy-client"
import type { HttpRequest, HttpResponse, MetadataBearer, SerdeContext } from "@smithy/types"
import { se_UpdateEnvironmentBody } from "./environment-serde.js"
import type { UpdateEnvironmentInput } from "./environment-types.js"
import { de_CommandError } from "./exceptions.js"
import { commonParams, deserializeMetadata, parseBody, setHost } from "./restjson.js"

/** UpdateEnvironment to the current model: sends MinWebservers, MaxWebservers, WorkerReplacementStrategy and every other member. */

export type UpdateEnvironmentCommandInput = UpdateEnvironmentInput

export interface UpdateEnvironmentCommandOutput extends MetadataBearer {
  readonly Arn?: string | undefined
}

export const se_UpdateEnvironmentCommand = async (input: UpdateEnvironmentCommandInput, context: SerdeContext): Promise<HttpRequest> => {
  const b = requestBuilder(input, context)
  b.bp("/environments/{Name}")
  b.p("Name", () => input.Name, "{Name}", false)
  const body = JSON.stringify(se_UpdateEnvironmentBody(input))
  await setHost(b, context, "api.")
  b.m("PATCH").h({ "content-type": "application/json" }).b(body)
  return b.build()
}

export const de_UpdateEnvironmentCommand = async (output: HttpResponse, context: SerdeContext): Promise<UpdateEnvironmentCommandOutput> => {
  if (output.statusCode !== 200 && output.statusCode >= 300) return de_CommandError(output, context)
  const data = expectNonNull(expectObject(await parseBody(output.body, context)), "body")
  return { $metadata: deserializeMetadata(output), ...take(data, { Arn: expectString }) }
}

const filterInput = (input: UpdateEnvironmentCommandInput) => ({
  ...input,
  ...(input.AirflowConfigurationOptions !== undefined && { AirflowConfigurationOptions: SENSITIVE_STRING })
})

export class UpdateEnvironmentCommand extends $Command
  .classBuilder<
    UpdateEnvironmentCommandInput,
    UpdateEnvironmentCommandOutput,
    MWAAClientResolvedConfig,
    ServiceInputTypes,
    ServiceOutputTypes
  >()
  .ep({ ...commonParams })
  // biome-ignore lint/suspicious/noExplicitAny: the signature the SDK's own generated Commands use for this hook
  .m(function (this: any, Command: any, _cs: any, config: MWAAClientResolvedConfig, _o: any) {
    return [getSerdePlugin(config, this.serialize, this.deserialize), getEndpointPlugin(config, Command.getEndpointParameterInstructions())]
  })
  .s("AmazonMWAA", "UpdateEnvironment", {})
  .n("MWAAClient", "UpdateEnvironmentCommand")
  .f(filterInput, undefined)
  .ser(se_UpdateEnvironmentCommand)
  .de(de_UpdateEnvironmentCommand)
  .build() {}
