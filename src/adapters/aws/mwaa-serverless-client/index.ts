/** An MWAA Serverless client on the current AWS SDK machinery (see MWAAServerlessClient.ts for why it is built here). */
export {
  AccessDeniedException,
  ConflictException,
  InternalServerException,
  MWAAServerlessServiceException,
  OperationTimeoutException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException
} from "./errors.js"
export {
  MWAAServerlessClient,
  type MWAAServerlessClientConfig,
  type MWAAServerlessClientResolvedConfig,
  type ServiceInputTypes,
  type ServiceOutputTypes
} from "./MWAAServerlessClient.js"
export * from "./run-commands.js"
export type * from "./types.js"
export * from "./workflow-commands.js"
