import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { gatewayWith, hermeticAwsEnv } from "./gateway-harness.js"
import { sample } from "./model.js"
import { bodyOf, json } from "./stub-handler.js"

/** Each MwaaGateway method of the AWS adapter on the wire, against a stub request handler (TaskLogs, DagFiles: logs-and-files.test.ts). */

const BUCKET = "arn:aws:s3:::airflow-my-env"

hermeticAwsEnv()

describe("MWAA control plane", () => {
  it.effect("listEnvironments follows NextToken across pages", () =>
    Effect.gen(function* () {
      const { requests, run } = gatewayWith((req) =>
        json(req.query["NextToken"] === undefined ? { Environments: ["a", "b"], NextToken: "t1" } : { Environments: ["c"] })
      )
      expect(yield* run((gw) => gw.listEnvironments())).toEqual(["a", "b", "c"])
      expect(requests.map((r) => [r.method, r.hostname, r.path, r.query])).toEqual([
        ["GET", "api.airflow.us-east-1.amazonaws.com", "/environments", { MaxResults: "25" }],
        ["GET", "api.airflow.us-east-1.amazonaws.com", "/environments", { MaxResults: "25", NextToken: "t1" }]
      ])
      // Not retried by the domain: the SDK's standard retries stay on here.
      expect(requests[0]?.headers["amz-sdk-request"]).toBe("attempt=1; max=3")
    })
  )

  it.effect("getEnvironment gives the port's Environment with every member in raw, in one SDK attempt", () =>
    Effect.gen(function* () {
      const wire = sample("GetEnvironmentOutput", "g", "wire") as { Environment: Record<string, unknown> }
      const environment: Record<string, unknown> = { ...wire.Environment, Name: "my-env", AirflowVersion: "3.0.6", Status: "AVAILABLE" }
      const { requests, run } = gatewayWith(() => json({ Environment: environment }))
      const env = yield* run((gw) => gw.getEnvironment("my-env"))
      expect(env).toMatchObject({
        Name: "my-env",
        AirflowVersion: "3.0.6",
        Status: "AVAILABLE",
        SourceBucketArn: "g.Environment.SourceBucketArn"
      })
      expect(env.LoggingConfiguration?.TaskLogs?.CloudWatchLogGroupArn).toBe(
        "g.Environment.LoggingConfiguration.TaskLogs.CloudWatchLogGroupArn"
      )
      expect(env.raw).toEqual({
        ...(sample("GetEnvironmentOutput", "g", "sdk") as { Environment: object }).Environment,
        Name: "my-env",
        AirflowVersion: "3.0.6",
        Status: "AVAILABLE"
      })
      expect(env.raw["MinWebservers"]).toBe(environment["MinWebservers"])
      expect(requests[0]?.headers["amz-sdk-request"]).toBe("attempt=1; max=1")
    })
  )

  it.effect("createEnvironment and updateEnvironment send the port's members, newer ones included", () =>
    Effect.gen(function* () {
      const arn = "arn:aws:airflow:us-east-1:123456789012:environment/my-env"
      const { requests, run } = gatewayWith(() => json({ Arn: arn }))
      const created = yield* run((gw) =>
        gw.createEnvironment({
          Name: "my-env",
          ExecutionRoleArn: "arn:aws:iam::123456789012:role/exec",
          SourceBucketArn: BUCKET,
          DagS3Path: "dags",
          NetworkConfiguration: { SubnetIds: ["subnet-1", "subnet-2"], SecurityGroupIds: ["sg-1"] },
          MinWebservers: 2,
          MaxWebservers: 4
        })
      )
      const updated = yield* run((gw) => gw.updateEnvironment({ Name: "my-env", MaxWebservers: 5, WorkerReplacementStrategy: "GRACEFUL" }))
      expect(created).toEqual({ Arn: arn })
      expect(updated).toEqual({ Arn: arn })
      expect([requests[0]?.method, requests[0]?.path, requests[1]?.method, requests[1]?.path]).toEqual([
        "PUT",
        "/environments/my-env",
        "PATCH",
        "/environments/my-env"
      ])
      expect(bodyOf(requests[0])).toMatchObject({ MinWebservers: 2, MaxWebservers: 4, DagS3Path: "dags" })
      expect(bodyOf(requests[1])).toEqual({ MaxWebservers: 5, WorkerReplacementStrategy: "GRACEFUL" })
    })
  )

  it.effect("deleteEnvironment sends DELETE /environments/{Name}", () =>
    Effect.gen(function* () {
      const { requests, run } = gatewayWith(() => json({}))
      yield* run((gw) => gw.deleteEnvironment("my-env"))
      expect([requests[0]?.method, requests[0]?.hostname, requests[0]?.path]).toEqual([
        "DELETE",
        "api.airflow.us-east-1.amazonaws.com",
        "/environments/my-env"
      ])
    })
  )

  it.effect("an answer without Environment is an Internal error, not a crash", () =>
    Effect.gen(function* () {
      const { run } = gatewayWith(() => json({}))
      expect(yield* Effect.flip(run((gw) => gw.getEnvironment("my-env")))).toMatchObject({
        reason: "Internal",
        operation: "GetEnvironment"
      })
    })
  )
})
