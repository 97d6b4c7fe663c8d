/**
 * `mwaa-mcp-server/adapters/aws`: the backend's ports (Environments, AirflowApi, TaskLogs, DagFiles) on the AWS SDK (AwsGateway.layer: the credential
 * chain, endpoint overrides, the user agent), and the MWAA client and commands it sends. Needs the
 * optional peers @aws-sdk/client-cloudwatch-logs, client-s3, @aws-sdk/core,
 * @aws-sdk/credential-provider-node, @smithy/core and @smithy/node-http-handler (package.json lists them).
 */
export * from "../adapters/aws/index.js"
