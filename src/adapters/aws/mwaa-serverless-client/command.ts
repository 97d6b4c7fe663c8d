import { makeBuilder } from "@smithy/core/client"
import { getEndpointPlugin } from "@smithy/core/endpoints"
import type { $SchemaRef } from "@smithy/types"
import { commonParams } from "./endpoint.js"
import type { MWAAServerlessClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from "./MWAAServerlessClient.js"
import { operationSchema, SERVICE_TARGET, structure } from "./schema.js"

type Members = Readonly<Record<string, $SchemaRef>>

/**
 * The one command builder, as a generated client's commandBuilder.js makes it: every command gets the
 * endpoint plugin and the client's name; the SDK's awsJson1_0 protocol does the rest from the
 * operation's schema (and keeps its sensitive members out of the SDK's logs).
 */
const command = makeBuilder<MWAAServerlessClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes>(
  commonParams,
  SERVICE_TARGET,
  "MWAAServerlessClient",
  getEndpointPlugin
)

/**
 * The Command class for an operation, from the members of its <Operation>Request and
 * <Operation>Response (the model's names), to extend under the operation's public name:
 * `export class GetWorkflowCommand extends serverlessCommand<In, Out>("GetWorkflow", { ... }, { ... }) {}`.
 */
export const serverlessCommand = <I extends ServiceInputTypes, O extends ServiceOutputTypes>(
  operation: string,
  input: Members,
  output: Members
) =>
  command<I, O>(
    {},
    () => [],
    operation,
    operationSchema(operation, structure(`${operation}Request`, input), structure(`${operation}Response`, output))
  )
