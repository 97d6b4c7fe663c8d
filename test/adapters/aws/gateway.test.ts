import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { MAX_DAG_FILE_BYTES } from "../../../src/adapters/aws/index.js"
import { gatewayWith, hermeticAwsEnv } from "./gateway-harness.js"
import { sample } from "./model.js"
import { bodyOf, json, type StubAnswer } from "./stub-handler.js"

/** Each port method of the AWS gateway on the wire, against a stub request handler. */

const TASK_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:airflow-my-env-Task:*"
const BUCKET = "arn:aws:s3:::airflow-my-env"
const amzJson = (body: unknown): StubAnswer => ({ status: 200, headers: { "content-type": "application/x-amz-json-1.1" }, body })

hermeticAwsEnv()

describe("MWAA control plane", () => {
  it.effect("Environments.list follows NextToken across pages", () =>
    Effect.gen(function* () {
      const { requests, environments } = gatewayWith((req) =>
        json(req.query["NextToken"] === undefined ? { Environments: ["a", "b"], NextToken: "t1" } : { Environments: ["c"] })
      )
      expect(yield* environments((e) => e.list())).toEqual(["a", "b", "c"])
      expect(requests.map((r) => [r.method, r.hostname, r.path, r.query])).toEqual([
        ["GET", "api.airflow.us-east-1.amazonaws.com", "/environments", { MaxResults: "25" }],
        ["GET", "api.airflow.us-east-1.amazonaws.com", "/environments", { MaxResults: "25", NextToken: "t1" }]
      ])
      // Not retried by the domain: the SDK's standard retries stay on here.
      expect(requests[0]?.headers["amz-sdk-request"]).toBe("attempt=1; max=3")
    })
  )

  it.effect("Environments.get decodes every modelled member into the port's Environment, in one SDK attempt", () =>
    Effect.gen(function* () {
      const wire = sample("GetEnvironmentOutput", "g", "wire") as { Environment: Record<string, unknown> }
      const environment: Record<string, unknown> = { ...wire.Environment, Name: "my-env", AirflowVersion: "3.0.6", Status: "AVAILABLE" }
      const { requests, environments } = gatewayWith(() => json({ Environment: environment }))
      const env = yield* environments((e) => e.get("my-env"))
      const created = new Date((wire.Environment["CreatedAt"] as number) * 1000).toISOString()
      expect(env).toMatchObject({
        name: "my-env",
        airflow_version: "3.0.6",
        status: "AVAILABLE",
        source_bucket_arn: "g.Environment.SourceBucketArn",
        min_webservers: environment["MinWebservers"],
        created_at: created,
        last_update: { created_at: created, error_code: "g.Environment.LastUpdate.Error.ErrorCode" },
        airflow_configuration_options: { "g.Environment.AirflowConfigurationOptions-key": "g.Environment.AirflowConfigurationOptions{}" }
      })
      expect(env.logging.task).toEqual({
        enabled: true,
        log_level: "g.Environment.LoggingConfiguration.TaskLogs.LogLevel",
        log_group_arn: "g.Environment.LoggingConfiguration.TaskLogs.CloudWatchLogGroupArn"
      })
      expect(requests[0]?.headers["amz-sdk-request"]).toBe("attempt=1; max=1")
    })
  )

  it.effect("Environments.create and update encode the settings into the model's members, newer ones included", () =>
    Effect.gen(function* () {
      const arn = "arn:aws:airflow:us-east-1:123456789012:environment/my-env"
      const { requests, environments } = gatewayWith(() => json({ Arn: arn }))
      const created = yield* environments((e) =>
        e.create({
          name: "my-env",
          execution_role_arn: "arn:aws:iam::123456789012:role/exec",
          source_bucket_arn: BUCKET,
          dag_s3_path: "dags",
          network_configuration: { subnet_ids: ["subnet-1", "subnet-2"], security_group_ids: ["sg-1"] },
          min_webservers: 2,
          max_webservers: 4
        })
      )
      const updated = yield* environments((e) => e.update({ name: "my-env", max_webservers: 5, worker_replacement_strategy: "GRACEFUL" }))
      expect(created).toEqual({ arn })
      expect(updated).toEqual({ arn })
      expect([requests[0]?.method, requests[0]?.path, requests[1]?.method, requests[1]?.path]).toEqual([
        "PUT",
        "/environments/my-env",
        "PATCH",
        "/environments/my-env"
      ])
      expect(bodyOf(requests[0])).toEqual({
        ExecutionRoleArn: "arn:aws:iam::123456789012:role/exec",
        SourceBucketArn: BUCKET,
        DagS3Path: "dags",
        NetworkConfiguration: { SubnetIds: ["subnet-1", "subnet-2"], SecurityGroupIds: ["sg-1"] },
        MinWebservers: 2,
        MaxWebservers: 4
      })
      expect(bodyOf(requests[1])).toEqual({ MaxWebservers: 5, WorkerReplacementStrategy: "GRACEFUL" })
    })
  )

  it.effect("Environments.delete sends DELETE /environments/{Name}", () =>
    Effect.gen(function* () {
      const { requests, environments } = gatewayWith(() => json({}))
      yield* environments((e) => e.delete("my-env"))
      expect([requests[0]?.method, requests[0]?.hostname, requests[0]?.path]).toEqual([
        "DELETE",
        "api.airflow.us-east-1.amazonaws.com",
        "/environments/my-env"
      ])
    })
  )

  it.effect("an answer without Environment is an Internal error, not a crash", () =>
    Effect.gen(function* () {
      const { environments } = gatewayWith(() => json({}))
      expect(yield* Effect.flip(environments((e) => e.get("my-env")))).toMatchObject({
        reason: "Internal",
        operation: "GetEnvironment"
      })
    })
  )
})

describe("CloudWatch Logs", () => {
  it.effect("findLogStreams: DescribeLogStreams by the group's name (from its ARN) and prefix, over pages", () =>
    Effect.gen(function* () {
      const { requests, run } = gatewayWith((req) =>
        amzJson(
          (bodyOf(req) as { nextToken?: string }).nextToken === undefined
            ? {
                logStreams: [{ logStreamName: "dag_id=etl/run_id=r/task_id=t/attempt=1.log", lastEventTimestamp: 10, storedBytes: 0 }],
                nextToken: "n1"
              }
            : { logStreams: [{ logStreamName: "dag_id=etl/run_id=r/task_id=t/attempt=2.log", lastEventTimestamp: 20 }] }
        )
      )
      const streams = yield* run((gw) => gw.findLogStreams(TASK_GROUP, "dag_id=etl/run_id=r/task_id=t/"))
      expect(streams).toEqual([
        { logStreamName: "dag_id=etl/run_id=r/task_id=t/attempt=1.log", lastEventTimestamp: 10, storedBytes: 0 },
        { logStreamName: "dag_id=etl/run_id=r/task_id=t/attempt=2.log", lastEventTimestamp: 20, storedBytes: undefined }
      ])
      expect(requests[0]?.headers["x-amz-target"]).toBe("Logs_20140328.DescribeLogStreams")
      expect(requests[0]?.hostname).toBe("logs.us-east-1.amazonaws.com")
      expect(String(requests[0]?.headers["authorization"])).toContain("/us-east-1/logs/aws4_request")
      expect(bodyOf(requests[0])).toEqual({
        logGroupName: "airflow-my-env-Task",
        logStreamNamePrefix: "dag_id=etl/run_id=r/task_id=t/",
        limit: 50
      })
      expect(bodyOf(requests[1])).toMatchObject({ nextToken: "n1" })
    })
  )

  it.effect("findLogStreams reads a bounded number of pages", () =>
    Effect.gen(function* () {
      const { requests, run } = gatewayWith(() => amzJson({ logStreams: [{ logStreamName: "s" }], nextToken: "again" }))
      const streams = yield* run((gw) => gw.findLogStreams(TASK_GROUP, "s"))
      expect(requests).toHaveLength(10)
      expect(streams).toHaveLength(10)
    })
  )

  it.effect("readLogEventsBackward: GetLogEvents from the end, with the token and limit given", () =>
    Effect.gen(function* () {
      const { requests, run } = gatewayWith(() =>
        amzJson({
          events: [
            { timestamp: 1, message: "a", ingestionTime: 2 },
            { timestamp: 3, message: "b" }
          ],
          nextBackwardToken: "b/1",
          nextForwardToken: "f/1"
        })
      )
      const page = yield* run((gw) => gw.readLogEventsBackward(TASK_GROUP, "stream-1", { nextToken: "b/2", limit: 100 }))
      expect(page).toEqual({
        events: [
          { timestamp: 1, message: "a" },
          { timestamp: 3, message: "b" }
        ],
        nextBackwardToken: "b/1"
      })
      expect(requests[0]?.headers["x-amz-target"]).toBe("Logs_20140328.GetLogEvents")
      expect(bodyOf(requests[0])).toEqual({
        logGroupName: "airflow-my-env-Task",
        logStreamName: "stream-1",
        startFromHead: false,
        nextToken: "b/2",
        limit: 100
      })
    })
  )
})

describe("S3", () => {
  it.effect("readDagFile: GetObject of the bucket named by the ARN, body as UTF-8 text, signed for s3", () =>
    Effect.gen(function* () {
      const source = "from airflow import DAG\n# naïve ✓\n"
      const { requests, run } = gatewayWith(() => ({
        status: 200,
        headers: { "content-length": String(Buffer.byteLength(source)) },
        body: source
      }))
      expect(yield* run((gw) => gw.readDagFile(BUCKET, "dags/etl.py"))).toBe(source)
      expect([requests[0]?.method, requests[0]?.hostname, requests[0]?.path]).toEqual([
        "GET",
        "airflow-my-env.s3.us-east-1.amazonaws.com",
        "/dags/etl.py"
      ])
      expect(String(requests[0]?.headers["authorization"])).toContain("/us-east-1/s3/aws4_request")
    })
  )

  it.effect("refuses a file over 5 MB by its Content-Length, without reading it", () =>
    Effect.gen(function* () {
      const { run } = gatewayWith(() => ({ status: 200, headers: { "content-length": String(MAX_DAG_FILE_BYTES + 1) }, body: "x" }))
      const error = yield* Effect.flip(run((gw) => gw.readDagFile(BUCKET, "dags/huge.py")))
      expect(error).toMatchObject({ reason: "Validation", operation: "GetObject" })
      expect(error.message).toContain("s3://airflow-my-env/dags/huge.py is larger than 5 MB")
    })
  )

  it.effect("refuses a file over 5 MB sent without a Content-Length, once 5 MB have been read", () =>
    Effect.gen(function* () {
      const { run } = gatewayWith(() => ({ status: 200, body: "x".repeat(MAX_DAG_FILE_BYTES + 10) }))
      const error = yield* Effect.flip(run((gw) => gw.readDagFile(BUCKET, "dags/huge.py")))
      expect(error).toMatchObject({ reason: "Validation", operation: "GetObject" })
    })
  )

  it.effect("NoSuchKey → NotFound", () =>
    Effect.gen(function* () {
      const { run } = gatewayWith(() => ({
        status: 404,
        headers: { "content-type": "application/xml" },
        body: '<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>'
      }))
      expect(yield* Effect.flip(run((gw) => gw.readDagFile(BUCKET, "dags/missing.py")))).toMatchObject({
        reason: "NotFound",
        operation: "GetObject"
      })
    })
  )
})
