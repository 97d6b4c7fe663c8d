/** Our MWAA commands on client-mwaa's machinery, written to the current model. */
export {
  CreateEnvironmentCommand,
  type CreateEnvironmentCommandInput,
  type CreateEnvironmentCommandOutput
} from "./CreateEnvironmentCommand.js"
export type { CreateEnvironmentInput, Environment, LastUpdate, UpdateEnvironmentInput } from "./environment-types.js"
export { RestApiClientException, RestApiServerException, ServiceUnavailableException } from "./exceptions.js"
export { GetEnvironmentCommand, type GetEnvironmentCommandInput, type GetEnvironmentCommandOutput } from "./GetEnvironmentCommand.js"
export { InvokeRestApiCommand, type InvokeRestApiCommandInput, type InvokeRestApiCommandOutput } from "./InvokeRestApiCommand.js"
export {
  UpdateEnvironmentCommand,
  type UpdateEnvironmentCommandInput,
  type UpdateEnvironmentCommandOutput
} from "./UpdateEnvironmentCommand.js"
