import { describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { FakeMwaa, demoSeed } from "../../../../src/adapters/fake-mwaa/index.js"
import { Environments } from "../../../../src/ports/Environments.js"
import { DagFiles } from "../../../../src/ports/DagFiles.js"
import { viaInvoke } from "../../../support/airflow-routes.js"

const layer = () => FakeMwaa.layer(demoSeed())

const newEnvironment = {
  name: "new-env",
  execution_role_arn: "arn:aws:iam::123456789012:role/mwaa-exec",
  source_bucket_arn: "arn:aws:s3:::airflow-new-env",
  dag_s3_path: "dags",
  network_configuration: { subnet_ids: ["subnet-1", "subnet-2"], security_group_ids: ["sg-1"] },
  airflow_version: "3.0.6"
}

describe("fake MWAA control plane", () => {
  it.effect("GetEnvironment's stored members decode into the port's Environment, timestamps as ISO-8601", () =>
    Effect.gen(function* () {
      const environments = yield* Environments
      expect(yield* environments.list()).toEqual(["demo-airflow-2", "demo-airflow-3"])
      const env = yield* environments.get("demo-airflow-3")
      expect(env).toMatchObject({
        name: "demo-airflow-3",
        arn: "arn:aws:airflow:us-east-1:123456789012:environment/demo-airflow-3",
        status: "AVAILABLE",
        airflow_version: "3.3.1",
        environment_class: "mw1.small",
        source_bucket_arn: "arn:aws:s3:::airflow-demo-airflow-3",
        dag_s3_path: "dags",
        weekly_maintenance_window_start: "SUN:03:30",
        logging: {
          task: {
            enabled: true,
            log_level: "INFO",
            log_group_arn: "arn:aws:logs:us-east-1:123456789012:log-group:airflow-demo-airflow-3-Task"
          }
        },
        last_update: { status: "SUCCESS" }
      })
      expect(env.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
      expect((yield* Effect.flip(environments.get("nope"))).message).toContain("nope")
    }).pipe(Effect.provide(layer()))
  )

  it.effect("a stored member of another type is UnexpectedAnswer naming it, not a crash", () =>
    Effect.gen(function* () {
      const environments = yield* Environments
      const error = yield* Effect.flip(environments.get("odd"))
      expect(error).toMatchObject({ _tag: "UnexpectedAnswer", operation: "GetEnvironment", field: "MaxWorkers" })
    }).pipe(
      Effect.provide(
        FakeMwaa.layer({ environments: [{ name: "odd", airflowVersion: "3.0.6", status: "AVAILABLE", mwaa: { MaxWorkers: "ten" } }] })
      )
    )
  )

  it.effect("create needs the required members (on the wire); a new environment is CREATING once, then AVAILABLE", () =>
    Effect.gen(function* () {
      const environments = yield* Environments
      const fake = yield* FakeMwaa
      const missing = yield* Effect.flip(
        fake.controlPlane.createEnvironment({ Name: "new-env", ExecutionRoleArn: "r", SourceBucketArn: "b", DagS3Path: "dags" })
      )
      expect(missing.reason).toBe("Validation")
      expect(missing.message).toContain("NetworkConfiguration")
      const created = yield* environments.create(newEnvironment)
      expect(created.arn).toBe("arn:aws:airflow:us-east-1:123456789012:environment/new-env")
      expect((yield* environments.get("new-env")).status).toBe("CREATING")
      expect((yield* environments.get("new-env")).status).toBe("AVAILABLE")
      const dags = yield* viaInvoke({ environmentName: "new-env", method: "GET", path: "/dags" })
      expect(dags.body).toEqual({ dags: [], total_entries: 0 })
    }).pipe(Effect.provide(layer()))
  )

  it.effect("update merges members and shows UPDATING; delete shows DELETING, then the environment is gone", () =>
    Effect.gen(function* () {
      const environments = yield* Environments
      const fake = yield* FakeMwaa
      yield* fake.controlPlane.updateEnvironment({
        Name: "demo-airflow-2",
        MaxWorkers: 25,
        LoggingConfiguration: { TaskLogs: { LogLevel: "DEBUG" } }
      })
      const stored = yield* fake.environment("demo-airflow-2")
      expect(Option.map(stored, (e) => e.mwaa["MaxWorkers"])).toEqual(Option.some(25))
      const updating = yield* environments.get("demo-airflow-2")
      expect(updating.status).toBe("UPDATING")
      expect(updating.logging.task).toMatchObject({ enabled: true, log_level: "DEBUG" })
      expect((yield* environments.get("demo-airflow-2")).status).toBe("AVAILABLE")
      yield* environments.update({ name: "demo-airflow-2", min_workers: 3 })
      expect((yield* environments.get("demo-airflow-2")).min_workers).toBe(3)
      yield* environments.delete("demo-airflow-2")
      expect((yield* environments.get("demo-airflow-2")).status).toBe("DELETING")
      expect(yield* environments.list()).toEqual(["demo-airflow-3"])
    }).pipe(Effect.provide(layer()))
  )

  it.effect("S3 GetObject reads the DAG files; a missing key is NotFound", () =>
    Effect.gen(function* () {
      const env = yield* (yield* Environments).get("demo-airflow-2")
      const files = yield* DagFiles
      const source = yield* files.read(env.source_bucket_arn ?? "", "dags/customer_orders_daily_aggregation_v2_etl.py")
      expect(source).toContain("discount_code")
      expect((yield* Effect.flip(files.read(env.source_bucket_arn ?? "", "dags/nope.py"))).reason).toBe("NotFound")
    }).pipe(Effect.provide(layer()))
  )

  it.effect("a minimal seed is enough: collections and DAG fields default", () =>
    Effect.gen(function* () {
      const dags = (yield* viaInvoke({ environmentName: "bare", method: "GET", path: "/dags" })).body as any
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
