import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { FakeMwaa } from "../../../../src/lib/fake.js"
import { AppConfig, fleetPlanOf, fleetPorts, makeMwaaToolHost } from "../../../../src/lib/index.js"
import { tinyEnvironment } from "../../../support/tiny-seed.js"

/** An Effect program embedding the server over several targets: the plan, each reach's backend, the settings. */
describe("fleetPorts", () => {
  it.scoped("serves every target through makeMwaaToolHost, each on the backend of its reach", () =>
    Effect.gen(function* () {
      const plan = yield* fleetPlanOf(
        JSON.stringify({ environments: { a: { region: "us-east-1", name: "env-a" }, b: { region: "eu-west-1", name: "env-b" } } }),
        [],
        "embedded"
      )
      const ports = fleetPorts(
        plan,
        (reach) =>
          FakeMwaa.layer(
            { environments: [tinyEnvironment(reach.region === "us-east-1" ? "env-a" : "env-b", "3.0.6")] },
            { region: reach.region }
          ),
        AppConfig.defaults
      )
      const host = yield* makeMwaaToolHost(ports)
      const listed = yield* Effect.promise(() => host.callTool("list-environments", {}, { signal: new AbortController().signal }))
      expect(listed.isError, listed.text).toBe(false)
      expect((listed.structuredContent as { environments: ReadonlyArray<string> }).environments).toEqual(["a", "b"])
      const dag = yield* Effect.promise(() =>
        host.callTool("get-dag", { environment_name: "b", dag_id: "d" }, { signal: new AbortController().signal })
      )
      expect(dag.structuredContent?.["target"]).toEqual({
        alias: "b",
        region: "eu-west-1",
        account: "123456789012",
        environment_name: "env-b"
      })
    })
  )
})
