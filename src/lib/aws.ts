/**
 * `mwaa-mcp-server/adapters/aws`: the backend's ports (Environments, AirflowApi, TaskLogs, DagFiles) on the AWS SDK (AwsGateway.layer: the credential
 * chain, endpoint overrides, the user agent). Needs the optional peers @aws-sdk/client-mwaa,
 * client-cloudwatch-logs, client-s3 and the @smithy packages package.json lists.
 */
export * from "../adapters/aws/index.js"
