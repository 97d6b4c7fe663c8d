import { describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { FakeMwaa, demoSeed } from "../../../src/adapters/fake-mwaa/index.js"
import { DagFiles } from "../../../src/ports/DagFiles.js"
import { MwaaGateway } from "../../../src/ports/MwaaGateway.js"

const layer = () => FakeMwaa.layer(demoSeed())

const createInput = {
  Name: "new-env",
  ExecutionRoleArn: "arn:aws:iam::123456789012:role/mwaa-exec",
  SourceBucketArn: "arn:aws:s3:::airflow-new-env",
  DagS3Path: "dags",
  NetworkConfiguration: { SubnetIds: ["subnet-1", "subnet-2"], SecurityGroupIds: ["sg-1"] },
  AirflowVersion: "3.0.6"
}

describe("fake MWAA control plane", () => {
  it.effect("GetEnvironment answers the botocore Environment members, typed and raw", () =>
    Effect.gen(function* () {
      const gw = yield* MwaaGateway
      expect(yield* gw.listEnvironments()).toEqual(["demo-airflow-2", "demo-airflow-3"])
      const env = yield* gw.getEnvironment("demo-airflow-3")
      expect(env).toMatchObject({
        Name: "demo-airflow-3",
        Arn: "arn:aws:airflow:us-east-1:123456789012:environment/demo-airflow-3",
        Status: "AVAILABLE",
        AirflowVersion: "3.0.6",
        EnvironmentClass: "mw1.small",
        SourceBucketArn: "arn:aws:s3:::airflow-demo-airflow-3",
        DagS3Path: "dags",
        LoggingConfiguration: {
          TaskLogs: {
            Enabled: true,
            LogLevel: "INFO",
            CloudWatchLogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:airflow-demo-airflow-3-Task"
          }
        },
        LastUpdate: { Status: "SUCCESS" }
      })
      expect(env.raw["CreatedAt"]).toBeInstanceOf(Date)
      expect(env.raw).toHaveProperty("NetworkConfiguration")
      expect(env.raw).toHaveProperty("WeeklyMaintenanceWindowStart")
      expect((yield* Effect.flip(gw.getEnvironment("nope"))).reason).toBe("NotFound")
    }).pipe(Effect.provide(layer()))
  )

  it.effect("create needs the required members; a new environment is CREATING once, then AVAILABLE", () =>
    Effect.gen(function* () {
      const gw = yield* MwaaGateway
      const { NetworkConfiguration: _, ...incomplete } = createInput
      const missing = yield* Effect.flip(gw.createEnvironment(incomplete))
      expect(missing.reason).toBe("Validation")
      expect(missing.message).toContain("NetworkConfiguration")
      const created = yield* gw.createEnvironment(createInput)
      expect(created.Arn).toBe("arn:aws:airflow:us-east-1:123456789012:environment/new-env")
      expect((yield* gw.getEnvironment("new-env")).Status).toBe("CREATING")
      expect((yield* gw.getEnvironment("new-env")).Status).toBe("AVAILABLE")
      const dags = yield* gw.invokeRestApi({ environmentName: "new-env", method: "GET", path: "/dags" })
      expect(dags.body).toEqual({ dags: [], total_entries: 0 })
    }).pipe(Effect.provide(layer()))
  )

  it.effect("update merges members and shows UPDATING; delete shows DELETING, then the environment is gone", () =>
    Effect.gen(function* () {
      const gw = yield* MwaaGateway
      const fake = yield* FakeMwaa
      yield* gw.updateEnvironment({ Name: "demo-airflow-2", MaxWorkers: 25, LoggingConfiguration: { TaskLogs: { LogLevel: "DEBUG" } } })
      const stored = yield* fake.environment("demo-airflow-2")
      expect(Option.map(stored, (e) => e.mwaa["MaxWorkers"])).toEqual(Option.some(25))
      const updating = yield* gw.getEnvironment("demo-airflow-2")
      expect(updating.Status).toBe("UPDATING")
      expect(updating.LoggingConfiguration?.TaskLogs).toMatchObject({ Enabled: true, LogLevel: "DEBUG" })
      expect((yield* gw.getEnvironment("demo-airflow-2")).Status).toBe("AVAILABLE")
      yield* gw.deleteEnvironment("demo-airflow-2")
      expect((yield* gw.getEnvironment("demo-airflow-2")).Status).toBe("DELETING")
      expect(yield* gw.listEnvironments()).toEqual(["demo-airflow-3"])
    }).pipe(Effect.provide(layer()))
  )

  it.effect("S3 GetObject reads the DAG files; a missing key is NotFound", () =>
    Effect.gen(function* () {
      const gw = yield* MwaaGateway
      const env = yield* gw.getEnvironment("demo-airflow-2")
      const files = yield* DagFiles
      const source = yield* files.read(env.SourceBucketArn ?? "", "dags/customer_orders_daily_aggregation_v2_etl.py")
      expect(source).toContain("discount_code")
      expect((yield* Effect.flip(files.read(env.SourceBucketArn ?? "", "dags/nope.py"))).reason).toBe("NotFound")
    }).pipe(Effect.provide(layer()))
  )

  it.effect("a minimal seed is enough: collections and DAG fields default", () =>
    Effect.gen(function* () {
      const gw = yield* MwaaGateway
      const dags = (yield* gw.invokeRestApi({ environmentName: "bare", method: "GET", path: "/dags" })).body as any
      expect(dags.dags[0]).toMatchObject({
        dag_id: "x",
        is_paused: false,
        is_stale: false,
        fileloc: "/usr/local/airflow/dags/x.py",
        timetable_summary: null
      })
    }).pipe(
      Effect.provide(
        FakeMwaa.layer({ environments: [{ name: "bare", airflowVersion: "3.0.6", status: "AVAILABLE", dags: [{ dagId: "x" }] }] })
      )
    )
  )
})
