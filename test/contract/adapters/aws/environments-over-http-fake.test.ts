import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { AwsGateway } from "../../../../src/adapters/aws/index.js"
import { Environments, type NewEnvironmentSettings } from "../../../../src/ports/Environments.js"
import { type HttpFake, startHttpFake } from "../../../support/http-fake/index.js"
import { hermeticAwsEnv } from "./gateway-harness.js"
import { credentials } from "./stub-handler.js"

/**
 * The AWS adapter's Environments against the HTTP fake: what GetEnvironment serves on the wire
 * (epoch seconds, the model's members) reaches the port decoded, a member of another type is
 * UnexpectedAnswer naming it, and settings sent by create come back from GetEnvironment.
 */

hermeticAwsEnv()

let fake: HttpFake

beforeAll(async () => {
  fake = await startHttpFake({
    seed: {
      environments: [
        { name: "fine", airflowVersion: "2.10.3", status: "AVAILABLE" },
        { name: "odd", airflowVersion: "3.0.6", status: "AVAILABLE", mwaa: { MaxWorkers: "ten" } },
        { name: "odd-logs", airflowVersion: "3.0.6", status: "AVAILABLE", mwaa: { LoggingConfiguration: { TaskLogs: { Enabled: "yes" } } } }
      ]
    }
  })
})

afterAll(async () => {
  await fake.close()
})

const environments = <A, E>(f: (environments: typeof Environments.Service) => Effect.Effect<A, E>) =>
  Effect.flatMap(Environments, f).pipe(
    Effect.provide(AwsGateway.layer({ region: "us-east-1", endpoints: { mwaa: fake.url, logs: fake.url, s3: fake.url }, credentials }))
  )

describe("Environments on AWS, against the HTTP fake", () => {
  it.effect("GetEnvironment decodes into the port's Environment: snake_case, timestamps as ISO-8601", () =>
    Effect.gen(function* () {
      const env = yield* environments((e) => e.get("fine"))
      expect(env).toMatchObject({
        name: "fine",
        status: "AVAILABLE",
        airflow_version: "2.10.3",
        webserver_access_mode: "PUBLIC_ONLY",
        dag_s3_path: "dags",
        min_webservers: 2,
        last_update: { status: "SUCCESS", source: "Customer", error_code: null },
        logging: { task: { enabled: true, log_level: "INFO" } },
        airflow_configuration_options: { "core.load_examples": "False" }
      })
      expect(env.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
      expect(env.last_update.created_at).toBe(env.created_at)
    })
  )

  it.effect("a member of another type is UnexpectedAnswer naming it, at the top level or nested", () =>
    Effect.gen(function* () {
      expect(yield* Effect.flip(environments((e) => e.get("odd")))).toMatchObject({
        _tag: "UnexpectedAnswer",
        operation: "GetEnvironment",
        field: "MaxWorkers"
      })
      expect(yield* Effect.flip(environments((e) => e.get("odd-logs")))).toMatchObject({
        _tag: "UnexpectedAnswer",
        field: "LoggingConfiguration.TaskLogs.Enabled"
      })
    })
  )

  it.effect("the settings create sends come back from GetEnvironment (encode, wire, decode)", () =>
    Effect.gen(function* () {
      const settings: NewEnvironmentSettings = {
        name: "round-trip",
        airflow_version: "3.0.6",
        environment_class: "mw1.medium",
        execution_role_arn: "arn:aws:iam::123456789012:role/round-trip",
        source_bucket_arn: "arn:aws:s3:::airflow-round-trip",
        dag_s3_path: "airflow/dags",
        requirements_s3_path: "requirements.txt",
        plugins_s3_path: "plugins.zip",
        startup_script_s3_path: "startup.sh",
        min_workers: 2,
        max_workers: 7,
        schedulers: 3,
        min_webservers: 2,
        max_webservers: 4,
        webserver_access_mode: "PRIVATE_ONLY",
        weekly_maintenance_window_start: "TUE:03:30",
        airflow_configuration_options: { "core.default_timezone": "utc" },
        network_configuration: { subnet_ids: ["subnet-1", "subnet-2"], security_group_ids: ["sg-1"] },
        tags: { team: "data" }
      }
      const started = yield* environments((e) => e.create(settings))
      expect(started.arn).toContain("environment/round-trip")
      const env = yield* environments((e) => e.get("round-trip"))
      const { name, network_configuration: _network, tags, airflow_configuration_options, ...members } = settings
      expect(env).toMatchObject({ name, ...members, status: "CREATING" })
      expect(env.tags).toMatchObject(tags ?? {})
      expect(env.airflow_configuration_options).toMatchObject(airflow_configuration_options ?? {})

      yield* environments((e) => e.update({ name, max_workers: 9, worker_replacement_strategy: "GRACEFUL" }))
      const updated = yield* environments((e) => e.get("round-trip"))
      expect(updated).toMatchObject({ max_workers: 9, status: "UPDATING", last_update: { worker_replacement_strategy: "GRACEFUL" } })
    })
  )
})
