import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { demoServerlessSeed } from "../../../src/adapters/fake-mwaa-serverless/index.js"
import { type HttpFake, startHttpFake } from "../../support/http-fake/index.js"
import { awsModeEnv, connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { tinyEnvironment } from "../../support/tiny-seed.js"
import { type Json, ok } from "./stdio-helpers.js"

/**
 * The built bin with --regions over two regions of one account, over stdio, against the HTTP fake:
 * each region holds an environment and the demo's MWAA Serverless workflows (so their names are
 * the same in both, their ARNs not). list-environments and get-fleet-health show the workflows of
 * both regions as their own kind; a workflow tool given an ARN is answered by the ARN's region.
 */
const ACCOUNT = "123456789012"

let fake: HttpFake
let session: StdioSession

beforeAll(async () => {
  fake = await startHttpFake({
    worlds: [
      {
        account: ACCOUNT,
        region: "us-east-1",
        seed: { environments: [tinyEnvironment("east-airflow", "2.10.3")] },
        serverless: demoServerlessSeed()
      },
      {
        account: ACCOUNT,
        region: "eu-west-1",
        seed: { environments: [tinyEnvironment("west-airflow", "3.0.6")] },
        serverless: demoServerlessSeed()
      }
    ]
  })
  session = await connectStdio(["--regions", "us-east-1,eu-west-1", "--allow-write"], awsModeEnv(fake.url))
})
afterAll(async () => {
  await session?.close()
  await fake?.close()
})

/** The fake's serverless requests since `from`. */
const serverlessSince = (from: number) =>
  fake
    .requests()
    .slice(from)
    .filter((r) => String(r.operation).startsWith("AmazonMWAAServerless."))

describe("MWAA Serverless workflows on a server with --regions, over stdio, against two regions", () => {
  it("list-environments lists each region's workflows as their own kind, asked in each region signed for airflow-serverless", async () => {
    const from = fake.requests().length
    const listed = await ok(session, "list-environments")
    expect(listed.environments.sort()).toEqual(["eu-west-1/west-airflow", "us-east-1/east-airflow"])
    const reaches = listed.workflow_reaches as ReadonlyArray<Json>
    expect(reaches.map((r) => [r.region, r.account, r.error, r.workflows.map((w: Json) => [w.name, w.kind])])).toEqual(
      ["us-east-1", "eu-west-1"].map((region) => [
        region,
        ACCOUNT,
        null,
        [
          ["events-hourly", "serverless-workflow"],
          ["payouts-nightly", "serverless-workflow"]
        ]
      ])
    )
    const asked = serverlessSince(from).filter((r) => r.operation === "AmazonMWAAServerless.ListWorkflows")
    expect(new Set(asked.map((r) => r.region))).toEqual(new Set(["us-east-1", "eu-west-1"]))
    for (const r of asked) expect(r).toMatchObject({ signingService: "airflow-serverless", status: 200 })
  })

  it("list-workflows lists both regions' workflows at once, their ARNs naming their regions; a name in both is refused with the ARNs", async () => {
    const listed = await ok(session, "list-workflows", { max_results: 3 })
    expect(listed.workflows).toHaveLength(3)
    expect(listed.more_workflows).toBe(1)
    expect(listed.unlisted_regions).toEqual([])
    const all = await ok(session, "list-workflows", {})
    expect(all.workflows.map((w: Json) => `${w.name}@${String(w.arn).split(":")[3]}`).sort()).toEqual([
      "events-hourly@eu-west-1",
      "events-hourly@us-east-1",
      "payouts-nightly@eu-west-1",
      "payouts-nightly@us-east-1"
    ])
    const ambiguous = await session.client.callTool({ name: "get-workflow", arguments: { workflow: "payouts-nightly" } })
    expect(ambiguous.isError).toBe(true)
    const text = (ambiguous.content as ReadonlyArray<{ text?: string }>)[0]?.text ?? ""
    expect(text).toContain("names 2 workflows")
    for (const w of all.workflows.filter((x: Json) => x.name === "payouts-nightly")) expect(text).toContain(w.arn)
  })

  it("get-fleet-health checks both regions' workflows and flags the failed latest runs first", async () => {
    const health = await ok(session, "get-fleet-health")
    expect(health.checked).toBe(2)
    expect(health.workflows).toMatchObject({ listed: 4, checked: 4, flagged: 2, unchecked: 0, unlisted: [] })
    expect(health.workflows.entries.map((e: Json) => [e.name, e.region, e.flagged, e.latest_run?.state])).toEqual([
      ["payouts-nightly", "eu-west-1", true, "failed"],
      ["payouts-nightly", "us-east-1", true, "failed"],
      ["events-hourly", "eu-west-1", false, "running"],
      ["events-hourly", "us-east-1", false, "running"]
    ])
  })

  it.each(["get-workflow", "list-workflow-runs"])(
    "%s given an ARN is answered by the ARN's region, without listing any region's workflows",
    async (tool) => {
      const listed = await ok(session, "list-environments")
      const arn = listed.workflow_reaches.find((r: Json) => r.region === "eu-west-1").workflows[1].arn
      expect(arn).toMatch(/^arn:aws:airflow-serverless:eu-west-1:/)
      const from = fake.requests().length
      await ok(session, tool, { workflow: arn })
      const asked = serverlessSince(from)
      expect(asked.length).toBeGreaterThan(0)
      expect(asked.map((r) => r.operation)).not.toContain("AmazonMWAAServerless.ListWorkflows")
      for (const r of asked) expect(r).toMatchObject({ region: "eu-west-1", account: ACCOUNT, signingService: "airflow-serverless" })
    }
  )
})

describe("MWAA Serverless workflows beside one region's environments, over stdio, when ListWorkflows keeps failing", () => {
  let single: HttpFake
  let one: StdioSession
  beforeAll(async () => {
    single = await startHttpFake({ seed: { environments: [tinyEnvironment("east-airflow", "2.10.3")] }, serverless: demoServerlessSeed() })
    one = await connectStdio([], awsModeEnv(single.url))
  })
  afterAll(async () => {
    await one?.close()
    await single?.close()
  })

  it("lists the workflows, and when the service fails every attempt, still lists the environments with workflows_error", async () => {
    const listed = await ok(one, "list-environments")
    expect(listed.workflows.map((w: Json) => [w.name, w.kind])).toEqual([
      ["events-hourly", "serverless-workflow"],
      ["payouts-nightly", "serverless-workflow"]
    ])
    expect(listed.workflows_error).toBeNull()
    // Every attempt the retry policy makes (5 by default) answered 500.
    single.failNext(5, { api: "AmazonMWAAServerless.ListWorkflows", status: 500 })
    const failed = await ok(one, "list-environments")
    expect(failed.environments).toEqual(["east-airflow"])
    expect(failed.workflows).toEqual([])
    expect(failed.workflows_error).toMatch(/^Unavailable: /)
  })
})
