import { Command, schemaLogFilter } from "@smithy/core/client"
import { getEndpointPlugin } from "@smithy/core/endpoints"
import type { MetadataBearer, Pluggable, StaticStructureSchema } from "@smithy/types"
import { commonParams } from "../mwaa-client/endpoint.js"
import type { MWAAClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from "../mwaa-client/MWAAClient.js"
import { type HttpBinding, operationSchema } from "../mwaa-client/schema.js"

/**
 * One MWAA operation as data, and the Command class a generated client would build for it
 * (commandBuilder.js: the endpoint plugin, the operation's static schema, the client's name). The
 * SDK's restJson1 protocol serializes the input and reads the answer from the schemas; each
 * operation says only what differs: its name, http trait and host prefix, and its two shapes.
 */
export interface MwaaOperation<O> {
  /** The model's operation name ("CreateEnvironment"): the Smithy context, and with "Command" the name in SDK logs. */
  readonly operation: string
  readonly http: HttpBinding
  readonly input: StaticStructureSchema
  readonly output: StaticStructureSchema
  /** What SDK logs show of the output where the output schema cannot say it (default: the schema's sensitive members hidden). */
  readonly filterOutput?: ((output: O) => unknown) | undefined
  /** The answer as the adapter reads it, made from what the protocol read (GetEnvironment's lenient Environment). */
  readonly finish?: ((output: O) => O) | undefined
}

/** Runs `finish` on each deserialized answer: placed right around the SDK's deserializer. */
const finishing = <O extends MetadataBearer>(finish: (output: O) => O): Pluggable<ServiceInputTypes, ServiceOutputTypes> => ({
  applyToStack: (stack) =>
    stack.add(
      (next) => async (args) => {
        const result = await next(args)
        return { ...result, output: finish(result.output as O) }
      },
      { step: "deserialize", priority: "high", name: "mwaaFinishOutput" }
    )
})

/**
 * The Command class for an operation, to extend under the operation's public name:
 * `export class GetEnvironmentCommand extends mwaaCommand<In, Out>({ ... }) {}`.
 */
export const mwaaCommand = <I extends ServiceInputTypes, O extends ServiceOutputTypes & MetadataBearer>(spec: MwaaOperation<O>) => {
  const { finish } = spec
  return Command.classBuilder<I, O, MWAAClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes>()
    .ep(commonParams)
    .m((Command, _stack, config) => {
      const plugins = [getEndpointPlugin(config, Command.getEndpointParameterInstructions())]
      return finish === undefined ? plugins : [...plugins, finishing(finish)]
    })
    .s("AmazonMWAA", spec.operation, {})
    .n("MWAAClient", `${spec.operation}Command`)
    .f((input: I) => schemaLogFilter(spec.input, input), spec.filterOutput ?? ((output: O) => schemaLogFilter(spec.output, output)))
    .sc(operationSchema(spec.operation, spec.http, spec.input, spec.output))
    .build()
}
