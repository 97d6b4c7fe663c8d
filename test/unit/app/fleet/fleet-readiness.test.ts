import { describe, expect, it } from "vitest"
import { ManagedRuntime } from "effect"
import type { FakeSeed } from "../../../../src/adapters/fake-mwaa/index.js"
import type { Reach } from "../../../../src/app/fleet/Fleet.js"
import { readiness } from "../../../../src/app/readiness.js"
import { fakeFleetToolServices, planOf } from "../../../support/fleet-layer.js"
import { tinyEnvironment } from "../../../support/tiny-seed.js"

/** A server with several targets is ready while one of them answers, each on its own credentials. */

const plan = planOf({
  environments: {
    prod: { region: "us-east-1", name: "prod-airflow", profile: "prod-readonly" },
    // Its region holds no such environment: GetEnvironment answers NotFound, as for a role that cannot see it.
    gone: { region: "us-west-2", name: "prod-airflow-dr", role_arn: "arn:aws:iam::222233334444:role/mwaa-mcp-read" }
  }
})

const verdictOn = async (worldOf: (reach: Reach) => FakeSeed) => {
  const runtime = ManagedRuntime.make(fakeFleetToolServices(plan, worldOf))
  try {
    return await runtime.runPromise(readiness)
  } finally {
    await runtime.dispose()
  }
}

describe("readiness with several targets", () => {
  it("is ready when one target answers though another cannot be read", async () => {
    const verdict = await verdictOn((reach) => ({
      environments: reach.region === "us-east-1" ? [tinyEnvironment("prod-airflow", "2.10.3")] : []
    }))
    expect(verdict).toEqual({ ready: true })
  })

  it("is not ready when none answers, each target's trouble in the detail", async () => {
    const verdict = await verdictOn(() => ({ environments: [] }))
    expect(verdict).toMatchObject({ ready: false, reason: "no target reachable" })
    expect(verdict.detail).toMatch(/prod: .*prod-airflow/)
    expect(verdict.detail).toMatch(/gone: .*prod-airflow-dr/)
  })
})
