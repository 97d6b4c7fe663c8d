import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { ManagedRuntime } from "effect"
import type { FakeSeed } from "../../../../src/adapters/fake-mwaa/index.js"
import type { Reach } from "../../../../src/app/fleet/Fleet.js"
import { mwaaToolHost } from "../../../../src/app/server-host.js"
import { fakeFleetToolServices, planOf } from "../../../support/fleet-layer.js"
import { tinyEnvironment } from "../../../support/tiny-seed.js"

/**
 * A server with three targets on in-memory fakes: prod by profile, staging and dr by assumed roles
 * into another account; dr's environment has prod's name in another region (so the bare name is
 * ambiguous) and forbids writes.
 */
const plan = planOf({
  environments: {
    prod: { region: "us-east-1", name: "prod-airflow", profile: "prod-readonly" },
    staging: { region: "eu-west-1", name: "stg-airflow", role_arn: "arn:aws:iam::222233334444:role/mwaa-mcp-read", external_id: "x-1" },
    dr: { region: "us-west-2", name: "prod-airflow", role_arn: "arn:aws:iam::222233334444:role/mwaa-mcp-read", writes: false }
  }
})

const worldOf = (reach: Reach): FakeSeed => ({
  environments: [reach.region === "eu-west-1" ? tinyEnvironment("stg-airflow", "3.0.6") : tinyEnvironment("prod-airflow", "2.10.3")]
})

// Each region's fake writes the calls it receives here: what reached "AWS" in that region.
const logs = mkdtempSync(join(tmpdir(), "fleet-"))
const callsIn = (region: string): ReadonlyArray<{ api: string }> => {
  const path = join(logs, `${region}.jsonl`)
  return existsSync(path)
    ? readFileSync(path, "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line))
    : []
}
const runtime = ManagedRuntime.make(
  fakeFleetToolServices(plan, worldOf, { allowWrite: true }, (reach) => ({ callLogPath: join(logs, `${reach.region}.jsonl`) }))
)
const host = mwaaToolHost({ runtime: () => runtime.runtime() }, true)
const call = (tool: string, args: Record<string, unknown> = {}) => host.callTool(tool, args, { signal: new AbortController().signal })
afterAll(() => runtime.dispose())

describe("a server with several targets", () => {
  it("lists every target with its alias, region and account", async () => {
    const result = await call("list-environments")
    expect(result.isError, result.text).toBe(false)
    const targets = (result.structuredContent as { targets: ReadonlyArray<Record<string, unknown>> }).targets
    expect(targets.map((t) => [t["address"], t["region"], t["environment_name"], t["status"], t["error"]])).toEqual([
      ["prod", "us-east-1", "prod-airflow", "AVAILABLE", null],
      ["staging", "eu-west-1", "stg-airflow", "AVAILABLE", null],
      ["dr", "us-west-2", "prod-airflow", "AVAILABLE", null]
    ])
    expect(targets.find((t) => t["alias"] === "staging")?.["account"]).toBe("222233334444")
  })

  it("reaches a target by alias, by region/name and by ARN, and the answer names it", async () => {
    for (const address of ["staging", "eu-west-1/stg-airflow", "arn:aws:airflow:eu-west-1:222233334444:environment/stg-airflow"]) {
      const result = await call("get-dag", { environment_name: address, dag_id: "d" })
      expect(result.isError, result.text).toBe(false)
      expect(result.structuredContent?.["target"]).toEqual({
        alias: "staging",
        region: "eu-west-1",
        account: "222233334444",
        environment_name: "stg-airflow"
      })
    }
  })

  it("refuses a bare name two targets share, listing the candidates", async () => {
    const result = await call("list-dags", { environment_name: "prod-airflow" })
    expect(result.isError).toBe(true)
    expect(result.text).toContain("names 2 environments")
    expect(result.text).toContain("- prod (environment prod-airflow, region us-east-1")
    expect(result.text).toContain("- dr (environment prod-airflow, region us-west-2, account 222233334444)")
  })

  it("names the known targets for an address none answers to", async () => {
    const result = await call("list-dags", { environment_name: "nope" })
    expect(result.isError).toBe(true)
    expect(result.text).toContain("the environments are: prod, staging, dr")
  })

  it("asks for a choice when no environment is named", async () => {
    const result = await call("list-dags")
    expect(result.isError).toBe(true)
    expect(result.text).toContain("This server reaches several MWAA environments: prod, staging, dr.")
  })

  it("refuses a write to a target that forbids writes, on a server that allows them, and nothing reaches its region", async () => {
    const before = callsIn("us-west-2").length
    const result = await call("pause-dag", { environment_name: "dr", dag_id: "d" })
    expect(result.isError).toBe(true)
    expect(result.text).toContain('says "writes": false for target dr')
    expect(result.text).toContain("The server allows writes (--allow-write); this target does not.")
    expect(callsIn("us-west-2").length).toBe(before)
    // The same write to a target that allows writes is sent.
    const staging = callsIn("eu-west-1").length
    const allowed = await call("pause-dag", { environment_name: "staging", dag_id: "d" })
    expect(allowed.isError, allowed.text).toBe(false)
    expect(
      callsIn("eu-west-1")
        .slice(staging)
        .map((c) => c.api)
    ).toContain("InvokeRestApi")
  })

  it("starts the health-check prompt from get-fleet-health when no environment is named", async () => {
    const [whole] = await host.getPrompt("environment-health-check", {})
    expect(whole?.text).toContain("1. Call get-fleet-health")
    const [one] = await host.getPrompt("environment-health-check", { environment_name: "staging" })
    expect(one?.text).toContain('1. Call get-environment-health environment_name="staging"')
    expect(one?.text).not.toContain("get-fleet-health")
  })

  it("completes a prompt's environment_name with the targets, and dag_id from the named target", async () => {
    const complete = (argument: string, value: string, otherArguments: Record<string, string> = {}) =>
      host.complete?.({ prompt: "triage-failed-dag-run", argument, value, otherArguments }, new AbortController().signal)
    expect(await complete("environment_name", "")).toEqual({ values: ["dr", "prod", "staging"], hasMore: false })
    expect(await complete("dag_id", "", { environment_name: "staging" })).toEqual({ values: ["d"], hasMore: false })
    // Two targets share the name: no guess, so no values.
    expect(await complete("dag_id", "", { environment_name: "prod-airflow" })).toEqual({ values: [], hasMore: false })
  })
})
