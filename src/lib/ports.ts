/**
 * `mwaa-mcp-server/ports`: what the server needs from the outside world, and the errors it can
 * get back. Implement MwaaGateway, TaskLogs and DagFiles to put the server on another backend. Needs effect only.
 */
export { AIRFLOW_ROUTE_MODES, type AirflowRouteMode, AppConfig, type AppConfigShape } from "../ports/AppConfig.js"
export { Clock } from "../ports/Clock.js"
export { isRetryable, MwaaError, MwaaErrorReason } from "../ports/MwaaError.js"
export {
  type Environment,
  type EnvironmentInput,
  MwaaGateway,
  type RestMethod,
  type RestRequest,
  type RestResponse,
  type WebserverRequest
} from "../ports/MwaaGateway.js"
export { DagFiles } from "../ports/DagFiles.js"
export { TaskLogMissing, TaskLogs, type TaskLogPage, type TaskLogWhere, TaskTry } from "../ports/TaskLogs.js"
export { Progress, type ProgressShape, type ProgressUpdate } from "../ports/Progress.js"
export type * from "../ports/ToolHost.js"
