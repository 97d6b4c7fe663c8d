/**
 * `mwaa-mcp-server/ports`: what the server needs from the outside world, and the errors it can
 * get back. Implement MwaaGateway and AirflowApi to put the server on another backend. Needs effect only.
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
  type LogEvent,
  type LogEventsPage,
  type LogStream,
  MwaaGateway
} from "../ports/MwaaGateway.js"
export {
  AirflowApi,
  type AirflowRoute,
  type RestMethod,
  type RestRequest,
  type RestResponse,
  type WebserverRequest
} from "../ports/AirflowApi.js"
export { Progress, type ProgressShape, type ProgressUpdate } from "../ports/Progress.js"
export type * from "../ports/ToolHost.js"
