/** The AWS adapter: the backend ports (Environments, AirflowApi, TaskLogs, DagFiles) on the AWS SDK, endpoint overrides, and our MWAA commands. */
export { AwsGateway, type AwsGatewayOptions } from "./AwsGateway.js"
export type { ClientOptions } from "./clients.js"
export * from "./commands/index.js"
export { type Endpoints, endpointsFromEnv, webserverEndpointFromEnv } from "./endpoints.js"
export { MAX_DAG_FILE_BYTES } from "./logs-and-s3.js"
export { toMwaaError } from "./to-mwaa-error.js"
export { type CredentialSource, credentialsFor, ROLE_SESSION_NAME } from "./target-credentials.js"
