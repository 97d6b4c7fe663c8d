import type { MWAAClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from "@aws-sdk/client-mwaa"
import { requestBuilder } from "@smithy/core"
import { getEndpointPlugin } from "@smithy/middleware-endpoint"
import { getSerdePlugin } from "@smithy/middleware-serde"
import { Command as $Command, expectNonNull, expectObject } from "@smithy/smithy-client"
import type { HttpRequest, HttpResponse, MetadataBearer, SerdeContext } from "@smithy/types"
import { de_CommandError } from "./exceptions.js"
import { commonParams, deserializeMetadata, parseBody, setHost } from "./restjson.js"

/**
 * One MWAA operation as data, and the Command class client-mwaa's generated code would build for
 * it. The SDK's generator repeats the whole builder chain and a serializer and deserializer per
 * operation; by hand that is where copies drift, so each operation here says only what differs:
 * its name, where the request goes, what its body and answer carry, and what to keep out of logs.
 */

/** The request, from the operation's http trait and endpoint hostPrefix in the model. */
export interface MwaaRequest<I> {
  readonly method: "GET" | "PUT" | "PATCH" | "POST"
  /** Every operation we call binds Name, and only Name, into its URI. */
  readonly path: "/environments/{Name}" | "/restapi/{Name}"
  readonly hostPrefix: "api." | "env."
  /** The JSON body's members; an operation without one (GET) sends no body and no content-type. */
  readonly body?: ((input: I) => Record<string, unknown>) | undefined
}

export interface MwaaOperation<I, O extends MetadataBearer> {
  /** The model's operation name ("CreateEnvironment"): the Smithy context, and with "Command" the name in SDK logs. */
  readonly operation: string
  readonly request: MwaaRequest<I>
  /** The output members, read from a 2xx answer's JSON object ($metadata is added here). */
  readonly response: (data: Record<string, unknown>) => Omit<O, "$metadata">
  /** What the SDK logger sees: members the model marks sensitive are replaced. */
  readonly filterInput?: ((input: I) => unknown) | undefined
  readonly filterOutput?: ((output: O) => unknown) | undefined
}

const serializer =
  <I extends { readonly Name: string }>(request: MwaaRequest<I>) =>
  async (input: I, context: SerdeContext): Promise<HttpRequest> => {
    const b = requestBuilder(input, context)
    b.bp(request.path)
    b.p("Name", () => input.Name, "{Name}", false)
    const body = request.body === undefined ? undefined : JSON.stringify(request.body(input))
    await setHost(b, context, request.hostPrefix)
    b.m(request.method)
      .h(body === undefined ? {} : { "content-type": "application/json" })
      .b(body)
    return b.build()
  }

/**
 * The answer's body as restJson1 reads it: any status but 200 from 300 up is an error (de_CommandError
 * throws the modelled exception); otherwise the body must be a JSON object (empty counts as {}).
 */
const deserializer =
  <O extends MetadataBearer>(response: MwaaOperation<unknown, O>["response"]) =>
  async (output: HttpResponse, context: SerdeContext): Promise<O> => {
    if (output.statusCode !== 200 && output.statusCode >= 300) return de_CommandError(output, context)
    const data = expectNonNull(expectObject(await parseBody(output.body, context)), "body")
    // Omit<O, "$metadata"> plus $metadata is O, but TypeScript cannot see that for a type parameter.
    return { $metadata: deserializeMetadata(output), ...response(data) } as O
  }

/**
 * The Command class for an operation, to extend under the operation's public name:
 * `export class GetEnvironmentCommand extends mwaaCommand<In, Out>({ ... }) {}`. The chain is the
 * one the SDK's generated Commands use, so the client treats ours exactly like its own.
 */
export const mwaaCommand = <I extends ServiceInputTypes & { readonly Name: string }, O extends ServiceOutputTypes>(
  spec: MwaaOperation<I, O>
) =>
  $Command
    .classBuilder<I, O, MWAAClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes>()
    .ep({ ...commonParams })
    // biome-ignore lint/suspicious/noExplicitAny: the signature the SDK's own generated Commands use for this hook
    .m(function (this: any, Command: any, _cs: any, config: MWAAClientResolvedConfig, _o: any) {
      return [
        getSerdePlugin(config, this.serialize, this.deserialize),
        getEndpointPlugin(config, Command.getEndpointParameterInstructions())
      ]
    })
    .s("AmazonMWAA", spec.operation, {})
    .n("MWAAClient", `${spec.operation}Command`)
    .f(spec.filterInput, spec.filterOutput)
    .ser(serializer(spec.request))
    .de(deserializer(spec.response))
    .build()
