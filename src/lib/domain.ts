/**
 * `mwaa-mcp-server/domain`: the domain services (Effect.Service classes, built on the ports),
 * the layer that wires them, their errors, the ids and models, and the use cases the tools run,
 * one namespace per area. Needs effect only.
 */
export { AirflowClient } from "../domain/airflow-client.js"
export { UnsupportedAirflowVersion } from "../domain/airflow-version.js"
export { EnvironmentCatalog } from "../domain/environment-catalog.js"
export { EnvironmentResolver, EnvironmentUnresolved } from "../domain/environment-resolution.js"
export { type Suggested, Suggestions } from "../domain/usecases/suggestions.js"
export { WriteGate, WriteNotAllowed } from "../domain/write-gating.js"
export { UnusableLogToken } from "../domain/log-token.js"
export { RouteUnfit } from "../domain/routes.js"
export { type AirflowRoute, chooseRoute } from "../domain/route-choice.js"
export { DagId, DagRunId, EnvironmentName, TaskId } from "../domain/ids.js"
export { Connection, Dag, DagRun, ImportError, TaskInstance, Variable } from "../domain/model.js"
export { appLayer, DomainLive, toolServicesOn } from "../app/layers.js"
export type { ToolServices } from "../app/tool-spec.js"
export * as AirflowObjects from "../domain/usecases/airflow-objects.js"
export * as DagRuns from "../domain/usecases/dag-runs.js"
export * as Dags from "../domain/usecases/dags.js"
export * as Diagnosis from "../domain/usecases/diagnose-run.js"
export * as EnvironmentHealth from "../domain/usecases/environment-health.js"
export * as Environments from "../domain/usecases/environments.js"
export * as TaskInstances from "../domain/usecases/task-instances.js"
export * as TaskLogs from "../domain/usecases/task-logs.js"
export * as WaitForRun from "../domain/usecases/wait-for-run.js"
