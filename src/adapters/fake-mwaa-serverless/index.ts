/** The in-memory MWAA Serverless fake: seed, state and the operations' pure handlers. */
export * from "./seed-types.js"
export { type ServerlessState, type RunRecord, type WorkflowRecord, makeServerlessState, workflowArnOf, roleArnOf } from "./state.js"
export { type Answer, type ServerlessError, type ServerlessErrorType, HTTP_STATUS_OF, throttlingError } from "./errors.js"
export type { Input } from "./input-checks.js"
export {
  type ServerlessOperation,
  SERVERLESS_OPERATIONS,
  SERVERLESS_TARGET_PREFIX,
  SERVERLESS_HANDLERS,
  answerServerless,
  isServerlessOperation
} from "./operations.js"
export { DEFAULT_MAX_RESULTS } from "./pagination.js"
export * from "./demo/seed.js"
export * from "./demo/runs.js"
export { type StoredLogStream, type StoredLogEvent, objectKeyOf } from "./stored-objects.js"
