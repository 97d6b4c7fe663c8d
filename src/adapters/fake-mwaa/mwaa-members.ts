import { DEFAULT_LOCATION, type FakeLocation, environmentArn, isDefaultLocation, logGroupArn, sourceBucketArn } from "./locations.js"
import { stableUuid } from "./tokens.js"

/**
 * The environment's id (the first label of its webserver host): one per account, region and
 * name, so two fakes' webservers never share a host; the default location keeps its old ids.
 */
const environmentId = (name: string, where: FakeLocation): string =>
  stableUuid(isDefaultLocation(where) ? `environment/${name}` : `environment/${where.account}/${where.region}/${name}`)

/** Members every fake environment has, following the botocore model's Environment shape. */
export const defaultMembers = (
  name: string,
  airflowVersion: string,
  status: string,
  createdAt: string,
  where: FakeLocation = DEFAULT_LOCATION
): Record<string, unknown> => {
  const { account, region } = where
  const id = environmentId(name, where)
  const module = (kind: string, level: string, enabled = true) => ({
    Enabled: enabled,
    LogLevel: level,
    CloudWatchLogGroupArn: logGroupArn(name, kind, where)
  })
  return {
    Name: name,
    Status: status,
    Arn: environmentArn(name, where),
    CreatedAt: createdAt,
    // MWAA answers a bare host name here, although the model's pattern says https://.
    WebserverUrl: `${id}.c2.${region}.airflow.amazonaws.com`,
    ExecutionRoleArn: `arn:aws:iam::${account}:role/service-role/AmazonMWAA-${name}-exec`,
    ServiceRoleArn: `arn:aws:iam::${account}:role/aws-service-role/airflow.amazonaws.com/AWSServiceRoleForAmazonMWAA`,
    AirflowVersion: airflowVersion,
    SourceBucketArn: sourceBucketArn(name),
    DagS3Path: "dags",
    RequirementsS3Path: "requirements.txt",
    RequirementsS3ObjectVersion: "3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY.MTRCxf3vjVBH40Nr8X8gdRQBpUMLUo",
    AirflowConfigurationOptions: { "core.load_examples": "False", "webserver.default_ui_timezone": "UTC" },
    EnvironmentClass: "mw1.small",
    MaxWorkers: 10,
    MinWorkers: 1,
    Schedulers: 2,
    MinWebservers: 2,
    MaxWebservers: 2,
    NetworkConfiguration: {
      SubnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
      SecurityGroupIds: ["sg-0123456789abcdef0"]
    },
    LoggingConfiguration: {
      DagProcessingLogs: module("DAGProcessing", "WARNING"),
      SchedulerLogs: module("Scheduler", "WARNING"),
      WebserverLogs: module("WebServer", "WARNING"),
      WorkerLogs: module("Worker", "WARNING"),
      TaskLogs: module("Task", "INFO")
    },
    LastUpdate: { Status: "SUCCESS", CreatedAt: createdAt, Source: "Customer" },
    WeeklyMaintenanceWindowStart: "SUN:03:30",
    Tags: { team: "data-platform", environment: name },
    WebserverAccessMode: "PUBLIC_ONLY",
    DatabaseVpcEndpointService: `com.amazonaws.vpce.${region}.vpce-svc-${id.replace(/-/g, "").slice(0, 17)}`,
    CeleryExecutorQueue: `arn:aws:sqs:${region}:${account}:airflow-celery-${id}`,
    EndpointManagement: "SERVICE"
  }
}
