/** An MWAA client on the current AWS SDK machinery (see MWAAClient.ts for why it is built here). */
export {
  AccessDeniedException,
  InternalServerException,
  MWAAServiceException,
  ResourceNotFoundException,
  RestApiClientException,
  RestApiServerException,
  ServiceUnavailableException,
  ValidationException
} from "./errors.js"
export {
  MWAAClient,
  type MWAAClientConfig,
  type MWAAClientResolvedConfig,
  type ServiceInputTypes,
  type ServiceOutputTypes
} from "./MWAAClient.js"
