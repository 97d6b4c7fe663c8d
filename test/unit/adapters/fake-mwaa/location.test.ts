import { describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { FakeMwaa, environmentArn, logGroupArn } from "../../../../src/adapters/fake-mwaa/index.js"
import { tinySeed } from "../../../support/tiny-seed.js"

const ELSEWHERE = { account: "222233334444", region: "eu-west-1" }

/** GetEnvironment's members as the fake stores them, and a web login token's host. */
const members = (name: string) =>
  Effect.gen(function* () {
    const fake = yield* FakeMwaa
    const env = Option.getOrThrow(yield* fake.environment(name))
    const token = yield* fake.webserver.createWebLoginToken(name)
    return { mwaa: env.mwaa, host: token.WebServerHostname, token: token.WebToken, location: fake.location }
  })

const inWorld = (options: { account?: string; region?: string }) => Effect.provide(members("tiny-2"), FakeMwaa.layer(tinySeed(), options))

describe("fake MWAA location (account and region)", () => {
  it.effect("defaults to 123456789012 in us-east-1, as before", () =>
    Effect.gen(function* () {
      const { mwaa, host, location } = yield* inWorld({})
      expect(location).toEqual({ account: "123456789012", region: "us-east-1" })
      expect(mwaa["Arn"]).toBe("arn:aws:airflow:us-east-1:123456789012:environment/tiny-2")
      expect(mwaa["Arn"]).toBe(environmentArn("tiny-2"))
      expect(host).toMatch(/^[0-9a-f-]{36}\.c2\.us-east-1\.airflow\.amazonaws\.com$/)
    })
  )

  it.effect("names the given account and region in every ARN and host it issues", () =>
    Effect.gen(function* () {
      const { mwaa, host, location } = yield* inWorld(ELSEWHERE)
      expect(location).toEqual(ELSEWHERE)
      expect(mwaa["Arn"]).toBe(environmentArn("tiny-2", ELSEWHERE))
      expect(mwaa["Arn"]).toBe("arn:aws:airflow:eu-west-1:222233334444:environment/tiny-2")
      const logging = mwaa["LoggingConfiguration"] as Record<string, { CloudWatchLogGroupArn: string }>
      expect(logging["TaskLogs"]?.CloudWatchLogGroupArn).toBe(logGroupArn("tiny-2", "Task", ELSEWHERE))
      const text = JSON.stringify(mwaa)
      expect(text).not.toContain("123456789012")
      expect(text).not.toContain("us-east-1")
      expect(host).toMatch(/\.c2\.eu-west-1\.airflow\.amazonaws\.com$/)
    })
  )

  it.effect("two worlds with the same environment name never share a webserver host or a web token", () =>
    Effect.gen(function* () {
      const a = yield* inWorld({})
      const b = yield* inWorld({ account: "222233334444" })
      const c = yield* inWorld({ region: "eu-west-1" })
      expect(new Set([a.host, b.host, c.host]).size).toBe(3)
      expect(new Set([a.token, b.token, c.token]).size).toBe(3)
    })
  )

  it.effect("CreateEnvironment's defaults name the fake's account and region", () =>
    Effect.gen(function* () {
      yield* (yield* FakeMwaa).controlPlane.createEnvironment({
        Name: "fresh",
        ExecutionRoleArn: "arn:aws:iam::222233334444:role/x",
        SourceBucketArn: "arn:aws:s3:::b",
        DagS3Path: "dags",
        NetworkConfiguration: { SubnetIds: ["subnet-1", "subnet-2"], SecurityGroupIds: ["sg-1"] }
      })
      const env = Option.getOrThrow(yield* (yield* FakeMwaa).environment("fresh"))
      expect(env.mwaa["Arn"]).toBe("arn:aws:airflow:eu-west-1:222233334444:environment/fresh")
    }).pipe(Effect.provide(FakeMwaa.layer({ environments: [] }, ELSEWHERE)))
  )
})
