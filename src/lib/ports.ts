/**
 * `mwaa-mcp-server/ports`: what the server needs from the outside world, and the errors it can
 * get back. Implement the backend's ports (Environments, AirflowApi, TaskLogs, DagFiles: BackendPorts) to put the
 * server on another backend. Needs effect only.
 */
export { AIRFLOW_ROUTE_MODES, type AirflowRouteMode, AppConfig, type AppConfigShape } from "../ports/AppConfig.js"
export { Clock } from "../ports/Clock.js"
export { isRetryable, MwaaError, MwaaErrorReason } from "../ports/MwaaError.js"
export {
  type Environment,
  type EnvironmentChangeStarted,
  type EnvironmentLogging,
  Environments,
  type EnvironmentSettings,
  type LastUpdate,
  type ModuleLogging,
  type NewEnvironmentSettings
} from "../ports/Environments.js"
export {
  AirflowApi,
  type AirflowRoute,
  type RestMethod,
  type RestRequest,
  type RestResponse,
  type WebserverRequest
} from "../ports/AirflowApi.js"
export type { BackendPorts } from "../ports/BackendPorts.js"
export { DagFiles } from "../ports/DagFiles.js"
export { TaskLogMissing, TaskLogs, type TaskLogPage, type TaskLogWhere, TaskTry } from "../ports/TaskLogs.js"
export { Progress, type ProgressShape, type ProgressUpdate } from "../ports/Progress.js"
export { RetryAttempt, Telemetry, type TelemetryShape } from "../ports/Telemetry.js"
export type * from "../ports/ToolHost.js"
