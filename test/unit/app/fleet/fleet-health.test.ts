import { afterAll, describe, expect, it } from "vitest"
import { ManagedRuntime } from "effect"
import type { FakeSeed } from "../../../../src/adapters/fake-mwaa/index.js"
import type { Reach } from "../../../../src/app/fleet/Fleet.js"
import { mwaaToolHost } from "../../../../src/app/server-host.js"
import { fakeFleetToolServices, planOf } from "../../../support/fleet-layer.js"
import { tinyEnvironment } from "../../../support/tiny-seed.js"

const plan = planOf({
  environments: {
    prod: { region: "us-east-1", name: "prod-airflow", profile: "prod-readonly" },
    staging: { region: "eu-west-1", name: "stg-airflow", role_arn: "arn:aws:iam::222233334444:role/mwaa-mcp-read" },
    // Its region holds no such environment: GetEnvironment answers NotFound, as for a role that cannot see it.
    gone: { region: "us-west-2", name: "prod-airflow-dr", role_arn: "arn:aws:iam::222233334444:role/mwaa-mcp-read" }
  }
})

// Four hours after prod's run "r" of DAG "d" failed (2026-11-24T08:05Z): inside a day's window, outside an hour's.
const worldOf = (reach: Reach): FakeSeed => ({
  now: "2026-11-24T12:05:00Z",
  environments:
    reach.region === "us-east-1"
      ? [tinyEnvironment("prod-airflow", "2.10.3")]
      : reach.region === "eu-west-1"
        ? [{ ...tinyEnvironment("stg-airflow", "3.0.6"), dagRuns: [] }]
        : []
})

const runtime = ManagedRuntime.make(fakeFleetToolServices(plan, worldOf))
const host = mwaaToolHost({ runtime: () => runtime.runtime() }, false)
const call = (args: Record<string, unknown> = {}) => host.callTool("get-fleet-health", args, { signal: new AbortController().signal })
afterAll(() => runtime.dispose())

type Entry = { address: string; verdict: string; failing_dags: ReadonlyArray<string>; error: string | null; account: string | null }

describe("get-fleet-health", () => {
  it("checks every target in one call, worst first, naming the failing DAGs, with an unreachable one's error", async () => {
    const result = await call()
    expect(result.isError, result.text).toBe(false)
    const answer = result.structuredContent as { checked: number; environments: ReadonlyArray<Entry>; verdicts: Record<string, number> }
    expect(answer.checked).toBe(3)
    expect(answer.environments.map((e) => [e.address, e.verdict])).toEqual([
      ["gone", "unreachable"],
      ["prod", "degraded"],
      ["staging", "healthy"]
    ])
    expect(answer.environments[0]?.error).toMatch(/^NotFound/)
    expect(answer.environments[1]?.failing_dags).toEqual(["d"])
    // prod's account is read from its environment's ARN; staging's is its role's.
    expect(answer.environments[1]?.account).toBe("123456789012")
    expect(answer.environments[2]?.account).toBe("222233334444")
    expect(Buffer.byteLength(result.text, "utf8")).toBeLessThanOrEqual(12 * 1024)
  })

  it("checks only the named targets, and names a window of its own", async () => {
    const result = await call({ environment_names: ["staging", "us-east-1/prod-airflow"], hours: 1 })
    expect(result.isError, result.text).toBe(false)
    const answer = result.structuredContent as { window_hours: number; environments: ReadonlyArray<Entry> }
    expect(answer.window_hours).toBe(1)
    // The run ended four hours before: outside a one-hour window.
    expect(answer.environments.map((e) => [e.address, e.failing_dags])).toEqual([
      ["prod", []],
      ["staging", []]
    ])
    expect((answer.environments[1] as unknown as { findings: ReadonlyArray<string> }).findings[0]).toContain(
      "no failed runs in the last 1 h."
    )
  })

  it("refuses an address no target answers to, naming the known ones", async () => {
    const result = await call({ environment_names: ["nowhere"] })
    expect(result.isError).toBe(true)
    expect(result.text).toContain("the environments are: prod, staging, gone")
  })
})
