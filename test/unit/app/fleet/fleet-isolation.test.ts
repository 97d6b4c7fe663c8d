import { afterAll, describe, expect, it } from "vitest"
import { Effect, ManagedRuntime, Option } from "effect"
import type { FakeSeed } from "../../../../src/adapters/fake-mwaa/index.js"
import type { Reach } from "../../../../src/app/fleet/Fleet.js"
import { mwaaToolHost } from "../../../../src/app/server-host.js"
import { fakeFleetToolServices, planOf } from "../../../support/fleet-layer.js"
import { tinyEnvironment } from "../../../support/tiny-seed.js"

/** Hosts over in-memory fleets, disposed after the file. */
const runtimes: Array<{ readonly dispose: () => Promise<void> }> = []
afterAll(() => Promise.all(runtimes.map((r) => r.dispose())))
const hostOn = (...args: Parameters<typeof fakeFleetToolServices>) => {
  const runtime = ManagedRuntime.make(fakeFleetToolServices(...args))
  runtimes.push(runtime)
  const host = mwaaToolHost({ runtime: () => runtime.runtime() }, args[2]?.allowWrite === true)
  return (tool: string, args: Record<string, unknown> = {}) => host.callTool(tool, args, { signal: new AbortController().signal })
}

const twoRegions = planOf({
  environments: {
    prod: { region: "us-east-1", name: "prod-airflow" },
    staging: { region: "eu-west-1", name: "stg-airflow", role_arn: "arn:aws:iam::222233334444:role/read" }
  }
})
const worldOf = (reach: Reach): FakeSeed => ({
  environments: [tinyEnvironment(reach.region === "eu-west-1" ? "stg-airflow" : "prod-airflow", "2.10.3")]
})

describe("per-target isolation", () => {
  it("a target MWAA throttles without end fails alone: the other answers, and both are listed", async () => {
    const call = hostOn(
      twoRegions,
      worldOf,
      { maxAttempts: 2 },
      () => ({}),
      (reach, fake) => (reach.region === "eu-west-1" ? fake.faults.throttleAlways({ api: "InvokeRestApi" }) : Effect.void)
    )
    const [staging, prod] = await Promise.all([
      call("get-dag", { environment_name: "staging", dag_id: "d" }),
      call("get-dag", { environment_name: "prod", dag_id: "d" })
    ])
    expect(staging.isError).toBe(true)
    expect(staging.text).toContain("Throttled")
    expect(prod.isError, prod.text).toBe(false)
    const listed = await call("list-environments")
    expect(listed.isError, listed.text).toBe(false)
    expect((listed.structuredContent as { targets: ReadonlyArray<{ error: string | null }> }).targets.map((t) => t.error)).toEqual([
      null,
      null
    ])
  })

  it("uses the configured default across targets, by alias or region/name", async () => {
    for (const defaultEnvironment of ["staging", "eu-west-1/stg-airflow"]) {
      const call = hostOn(twoRegions, worldOf, { defaultEnvironment: Option.some(defaultEnvironment) })
      const dag = await call("get-dag", { dag_id: "d" })
      expect(dag.isError, dag.text).toBe(false)
      expect(dag.structuredContent?.["target"]).toMatchObject({ alias: "staging", region: "eu-west-1" })
    }
  })

  it("acts on the only target when none is named", async () => {
    const call = hostOn(planOf({ environments: { solo: { region: "eu-west-1", name: "stg-airflow" } } }), worldOf)
    const dag = await call("get-dag", { dag_id: "d" })
    expect(dag.isError, dag.text).toBe(false)
    expect(dag.structuredContent?.["target"]).toMatchObject({ alias: "solo", environment_name: "stg-airflow" })
  })
})

describe("discovery regions", () => {
  const discovered = planOf(
    { environments: { prod: { region: "us-east-1", name: "prod-airflow" } }, discover_regions: ["us-east-1", "ap-south-1"] },
    ["eu-west-1"]
  )
  const seeds = (reach: Reach): FakeSeed => ({
    environments:
      reach.region === "us-east-1"
        ? [tinyEnvironment("prod-airflow", "2.10.3"), tinyEnvironment("other", "3.0.6")]
        : reach.region === "eu-west-1"
          ? [tinyEnvironment("stg-airflow", "2.10.3")]
          : []
  })

  it("lists every environment of the regions as region/name, the configured ones under their alias, and a region that cannot be listed", async () => {
    const call = hostOn(
      discovered,
      seeds,
      { maxAttempts: 2 },
      () => ({}),
      (reach, fake) => (reach.region === "ap-south-1" ? fake.faults.throttleAlways({ api: "ListEnvironments" }) : Effect.void)
    )
    const listed = await call("list-environments")
    expect(listed.isError, listed.text).toBe(false)
    const answer = listed.structuredContent as {
      environments: ReadonlyArray<string>
      unlisted_regions: ReadonlyArray<{ region: string; error: string }>
    }
    expect(answer.environments).toEqual(["prod", "us-east-1/other", "eu-west-1/stg-airflow"])
    expect(answer.unlisted_regions.map((u) => u.region)).toEqual(["ap-south-1"])
    expect(answer.unlisted_regions[0]?.error).toMatch(/^Throttled/)
    const dag = await call("get-dag", { environment_name: "stg-airflow", dag_id: "d" })
    expect(dag.isError, dag.text).toBe(false)
    expect(dag.structuredContent?.["target"]).toEqual({
      alias: null,
      region: "eu-west-1",
      account: "123456789012",
      environment_name: "stg-airflow"
    })
  })
})

describe("a server without a configuration", () => {
  it("takes region/name and an ARN in its own region, and names its region for another", async () => {
    const { fakeToolServices } = await import("../../../support/test-layer.js")
    const runtime = ManagedRuntime.make(fakeToolServices({ environments: [tinyEnvironment("tiny-2", "2.10.3")] }))
    runtimes.push(runtime)
    const host = mwaaToolHost({ runtime: () => runtime.runtime() }, false)
    const call = (args: Record<string, unknown>) => host.callTool("get-dag", args, { signal: new AbortController().signal })
    for (const environment_name of ["us-east-1/tiny-2", "arn:aws:airflow:us-east-1:123456789012:environment/tiny-2"]) {
      const dag = await call({ environment_name, dag_id: "d" })
      expect(dag.isError, dag.text).toBe(false)
      expect(dag.structuredContent?.["target"]).toBeUndefined()
    }
    const elsewhere = await call({ environment_name: "eu-west-1/tiny-2", dag_id: "d" })
    expect(elsewhere.isError).toBe(true)
    expect(elsewhere.text).toContain("is outside region us-east-1, the only region this server reaches")
  })
})
