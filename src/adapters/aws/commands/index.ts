/** Our MWAA commands, on the MWAA client of ../mwaa-client, written to the current model. */
export {
  CreateEnvironmentCommand,
  type CreateEnvironmentCommandInput,
  type CreateEnvironmentCommandOutput
} from "./CreateEnvironmentCommand.js"
export {
  CreateWebLoginTokenCommand,
  type CreateWebLoginTokenCommandInput,
  type CreateWebLoginTokenCommandOutput
} from "./CreateWebLoginTokenCommand.js"
export {
  DeleteEnvironmentCommand,
  type DeleteEnvironmentCommandInput,
  type DeleteEnvironmentCommandOutput
} from "./DeleteEnvironmentCommand.js"
export type { CreateEnvironmentInput, Environment, LastUpdate, UpdateEnvironmentInput } from "./environment-types.js"
export { GetEnvironmentCommand, type GetEnvironmentCommandInput, type GetEnvironmentCommandOutput } from "./GetEnvironmentCommand.js"
export { InvokeRestApiCommand, type InvokeRestApiCommandInput, type InvokeRestApiCommandOutput } from "./InvokeRestApiCommand.js"
export {
  ListEnvironmentsCommand,
  type ListEnvironmentsCommandInput,
  type ListEnvironmentsCommandOutput
} from "./ListEnvironmentsCommand.js"
export {
  UpdateEnvironmentCommand,
  type UpdateEnvironmentCommandInput,
  type UpdateEnvironmentCommandOutput
} from "./UpdateEnvironmentCommand.js"
export * from "../mwaa-client/index.js"
