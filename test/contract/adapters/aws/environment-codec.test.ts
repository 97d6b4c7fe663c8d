import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { createInput, EnvironmentFromMwaa, updateInput } from "../../../../src/adapters/aws/environment-codec.js"
import { decodeAnswer } from "../../../../src/ports/UnexpectedAnswer.js"
import { sample } from "./model.js"

/** The environment's edge on its own: GetEnvironment's Environment in, the port's out; settings to the model's input members. */

const decode = decodeAnswer(EnvironmentFromMwaa, "GetEnvironment")
const sdkEnvironment = () => (sample("GetEnvironmentOutput", "g", "sdk") as { Environment: Record<string, unknown> }).Environment

describe("EnvironmentFromMwaa", () => {
  it.effect("decodes the SDK's Environment (timestamps as Dates) and the JSON one (ISO-8601) alike", () =>
    Effect.gen(function* () {
      const sdk = sdkEnvironment()
      const fromSdk = yield* decode(sdk)
      const created = (sdk["CreatedAt"] as Date).toISOString()
      expect(fromSdk).toMatchObject({ name: "g.Environment.Name", created_at: created, last_update: { created_at: created } })
      const fromJson = yield* decode({ ...sdk, CreatedAt: created, LastUpdate: { ...(sdk["LastUpdate"] as object), CreatedAt: created } })
      expect(fromJson).toEqual(fromSdk)
    })
  )

  it.effect("a member MWAA left out is null, a logging component it did not describe is absent", () =>
    Effect.gen(function* () {
      const env = yield* decode({ Name: "bare" })
      expect(env).toMatchObject({ name: "bare", status: null, min_workers: null, logging: {}, tags: {}, last_update: { status: null } })
    })
  )

  it.effect("rejects a member of another type, an invalid timestamp and a missing Name, naming each", () =>
    Effect.gen(function* () {
      const field = (answer: unknown) => Effect.map(Effect.flip(decode(answer)), (e) => [e._tag, e.operation, e.field])
      expect(yield* field({ Name: "x", AirflowVersion: 3 })).toEqual(["UnexpectedAnswer", "GetEnvironment", "AirflowVersion"])
      expect(yield* field({ Name: "x", CreatedAt: "yesterday" })).toEqual(["UnexpectedAnswer", "GetEnvironment", "CreatedAt"])
      expect(yield* field({ Name: "x", LastUpdate: { Error: { ErrorCode: 5 } } })).toEqual([
        "UnexpectedAnswer",
        "GetEnvironment",
        "LastUpdate.Error.ErrorCode"
      ])
      expect(yield* field({ Status: "AVAILABLE" })).toEqual(["UnexpectedAnswer", "GetEnvironment", "Name"])
    })
  )
})

describe("settings → Create/UpdateEnvironment input", () => {
  it("maps each setting to its model member, and leaves out those not given", () => {
    const input = createInput({
      name: "e",
      execution_role_arn: "role",
      source_bucket_arn: "bucket",
      dag_s3_path: "dags",
      network_configuration: { subnet_ids: ["s1", "s2"], security_group_ids: ["sg"] },
      min_webservers: 2,
      tags: { a: "b" }
    })
    expect(JSON.parse(JSON.stringify(input))).toEqual({
      Name: "e",
      ExecutionRoleArn: "role",
      SourceBucketArn: "bucket",
      DagS3Path: "dags",
      NetworkConfiguration: { SubnetIds: ["s1", "s2"], SecurityGroupIds: ["sg"] },
      MinWebservers: 2,
      Tags: { a: "b" }
    })
  })

  it("update sends security groups only (MWAA cannot move subnets) and the worker replacement strategy", () => {
    const input = updateInput({
      name: "e",
      max_workers: 4,
      worker_replacement_strategy: "FORCED",
      network_configuration: { subnet_ids: ["s1"], security_group_ids: ["sg-2"] }
    })
    expect(JSON.parse(JSON.stringify(input))).toEqual({
      Name: "e",
      MaxWorkers: 4,
      WorkerReplacementStrategy: "FORCED",
      NetworkConfiguration: { SecurityGroupIds: ["sg-2"] }
    })
  })
})
