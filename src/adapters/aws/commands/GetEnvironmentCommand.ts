import type { MWAAClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from "@aws-sdk/client-mwaa"
import { requestBuilder } from "@smithy/core"
import { getEndpointPlugin } from "@smithy/middleware-endpoint"
import { getSerdePlugin } from "@smithy/middleware-serde"
import { Command as $Command, expectNonNull, expectObject, SENSITIVE_STRING, take } from "@smithy/smithy-client"
import type { HttpRequest, HttpResponse, MetadataBearer, SerdeContext } from "@smithy/types"
import { de_Environment } from "./environment-serde.js"
import type { Environment } from "./environment-types.js"
import { de_CommandError } from "./exceptions.js"
import { commonParams, deserializeMetadata, parseBody, setHost } from "./restjson.js"

/** GetEnvironment to the current model: keeps MinWebservers, MaxWebservers, LastUpdate.WorkerReplacementStrategy and newer. */

export interface GetEnvironmentCommandInput {
  readonly Name: string
}

export interface GetEnvironmentCommandOutput extends MetadataBearer {
  readonly Environment?: Environment | undefined
}

export const se_GetEnvironmentCommand = async (input: GetEnvironmentCommandInput, context: SerdeContext): Promise<HttpRequest> => {
  const b = requestBuilder(input, context)
  b.bp("/environments/{Name}")
  b.p("Name", () => input.Name, "{Name}", false)
  await setHost(b, context, "api.")
  b.m("GET").h({}).b(undefined)
  return b.build()
}

export const de_GetEnvironmentCommand = async (output: HttpResponse, context: SerdeContext): Promise<GetEnvironmentCommandOutput> => {
  if (output.statusCode !== 200 && output.statusCode >= 300) return de_CommandError(output, context)
  const data = expectNonNull(expectObject(await parseBody(output.body, context)), "body")
  return { $metadata: deserializeMetadata(output), ...take(data, { Environment: de_Environment }) }
}

// AirflowConfigurationOptions values are sensitive in the model: keep them out of SDK logs.
const filterOutput = (output: GetEnvironmentCommandOutput) => ({
  ...output,
  ...(output.Environment?.AirflowConfigurationOptions !== undefined && {
    Environment: { ...output.Environment, AirflowConfigurationOptions: SENSITIVE_STRING }
  })
})

export class GetEnvironmentCommand extends $Command
  .classBuilder<GetEnvironmentCommandInput, GetEnvironmentCommandOutput, MWAAClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes>()
  .ep({ ...commonParams })
  // biome-ignore lint/suspicious/noExplicitAny: the signature the SDK's own generated Commands use for this hook
  .m(function (this: any, Command: any, _cs: any, config: MWAAClientResolvedConfig, _o: any) {
    return [getSerdePlugin(config, this.serialize, this.deserialize), getEndpointPlugin(config, Command.getEndpointParameterInstructions())]
  })
  .s("AmazonMWAA", "GetEnvironment", {})
  .n("MWAAClient", "GetEnvironmentCommand")
  .f(undefined, filterOutput)
  .ser(se_GetEnvironmentCommand)
  .de(de_GetEnvironmentCommand)
  .build() {}
