import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { gatewayWith, hermeticAwsEnv } from "./gateway-harness.js"
import { sample } from "./model.js"
import { bodyOf, json } from "./stub-handler.js"

/** Each Environments call of the AWS adapter on the wire, against a stub request handler (TaskLogs, DagFiles: logs-and-files.test.ts). */

const BUCKET = "arn:aws:s3:::airflow-my-env"

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
