import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { Context, Effect, Layer, ManagedRuntime, Schema } from "effect"
import { demoServerlessSeed, type ServerlessSeed } from "../../../../src/adapters/fake-mwaa-serverless/index.js"
import { FakeMwaa, type FakeSeed } from "../../../../src/adapters/fake-mwaa/index.js"
import { catalogue } from "../../../../src/app/catalogue.js"
import { accountOfReach, type Reach } from "../../../../src/app/fleet/Fleet.js"
import { fleetPorts } from "../../../../src/app/fleet/fleet-ports.js"
import { toolServicesOn } from "../../../../src/app/layers.js"
import { makeToolHost } from "../../../../src/app/tool-host.js"
import { readTool, writeTool } from "../../../../src/app/tool-spec.js"
import { withWorkflow } from "../../../../src/app/with-workflow.js"
import { AppConfig } from "../../../../src/ports/AppConfig.js"
import { MwaaError } from "../../../../src/ports/MwaaError.js"
import { Workflows } from "../../../../src/ports/Workflows.js"
import { planOf } from "../../../support/fleet-layer.js"
import { tinyEnvironment } from "../../../support/tiny-seed.js"

/**
 * MWAA Serverless workflows on a server with several targets, on in-memory fakes: prod (us-east-1,
 * a profile) and dr (us-west-2, a role in account 222233334444, writes false) both hold the demo's
 * workflows, so their names are ambiguous; eu-west-1 is a discovery region with no environment and
 * one workflow of its own. The workflow tools are other files' work: two test-only tools call
 * withWorkflow the way they do.
 */
const ROLE_ACCOUNT = "222233334444"
const plan = planOf(
  {
    environments: {
      prod: { region: "us-east-1", name: "prod-airflow", profile: "prod-readonly" },
      dr: { region: "us-west-2", name: "prod-airflow", role_arn: `arn:aws:iam::${ROLE_ACCOUNT}:role/mwaa-mcp`, writes: false }
    }
  },
  ["eu-west-1"]
)

const demo = demoServerlessSeed()
const euOnly: ServerlessSeed = { ...demo, workflows: demo.workflows.slice(1).map((w) => ({ ...w, name: "eu-events" })) }
const worldOf = (reach: Reach): FakeSeed =>
  reach.region === "eu-west-1"
    ? { environments: [], serverless: euOnly }
    : { environments: [tinyEnvironment("prod-airflow", "2.10.3")], serverless: demo }

/** A test-only read tool: what withWorkflow resolved, and where GetWorkflow was answered. */
const whereTool = readTool({
  name: "where-is-workflow",
  title: "test",
  description: "test",
  input: Schema.Struct({ workflow: Schema.String }),
  output: Schema.Struct({ arn: Schema.String, name: Schema.String, region: Schema.String, got: Schema.String }),
  run: (i) =>
    withWorkflow(i.workflow, (wf) =>
      Effect.gen(function* () {
        const got = yield* (yield* Workflows).get(wf.arn)
        return { arn: wf.arn, name: wf.name, region: (yield* AppConfig).region, got: got.arn }
      })
    ),
  summarize: () => "test"
})

/** A test-only write tool: StartWorkflowRun through withWorkflow. */
const startTool = writeTool({
  name: "start-workflow-test",
  title: "test",
  description: "test",
  destructive: false,
  input: Schema.Struct({ workflow: Schema.String }),
  output: Schema.Struct({ run_id: Schema.String }),
  run: (i) =>
    withWorkflow(i.workflow, (wf) =>
      Effect.map(
        Effect.flatMap(Workflows, (w) => w.startRun(wf.arn, { client_token: "fleet-test-token" })),
        (r) => ({ run_id: r.run_id })
      )
    ),
  summarize: () => "test"
})

const logs = mkdtempSync(join(tmpdir(), "fleet-wf-"))
const callsIn = (region: string): ReadonlyArray<string> => {
  const path = join(logs, `${region}.jsonl`)
  return existsSync(path)
    ? readFileSync(path, "utf8")
        .trim()
        .split("\n")
        .map((line) => (JSON.parse(line) as { api: string }).api)
    : []
}

const runtimes: Array<{ readonly dispose: () => Promise<void> }> = []
afterAll(() => Promise.all(runtimes.map((r) => r.dispose())))

/**
 * A host over the plan; `deniedIn` regions answer AccessDenied to ListWorkflows, as a role without
 * airflow-serverless permissions; `throttledOnceIn` regions throttle their first ListWorkflows.
 */
const hostOn = (deniedIn: ReadonlyArray<string> = [], throttledOnceIn: ReadonlyArray<string> = []) => {
  const backendOf = (reach: Reach) =>
    Layer.map(
      FakeMwaa.layer(worldOf(reach), {
        region: reach.region,
        ...(accountOfReach(reach) !== null && { account: accountOfReach(reach) ?? undefined }),
        callLogPath: join(logs, `${reach.region}.jsonl`)
      }),
      (context) => {
        const port = Context.get(context, Workflows)
        if (throttledOnceIn.includes(reach.region)) {
          let throttled = false
          const throttle = new MwaaError({ reason: "Throttled", operation: "ListWorkflows", message: "Rate exceeded" })
          return Context.add(context, Workflows, {
            ...port,
            list: (page) =>
              Effect.suspend(() => {
                if (throttled) return port.list(page)
                throttled = true
                return Effect.fail(throttle)
              })
          })
        }
        if (!deniedIn.includes(reach.region)) return context
        const denied = new MwaaError({
          reason: "AccessDenied",
          operation: "ListWorkflows",
          message: `User: arn:aws:sts::${ROLE_ACCOUNT}:assumed-role/mwaa-mcp/s is not authorized to perform: airflow-serverless:ListWorkflows`
        })
        return Context.add(context, Workflows, { ...port, list: () => Effect.fail(denied) })
      }
    )
  const runtime = ManagedRuntime.make(toolServicesOn(fleetPorts(plan, backendOf, { ...AppConfig.defaults, allowWrite: true })))
  runtimes.push(runtime)
  const tools = [
    ...catalogue.filter((t) => ["list-environments", "get-fleet-health", "start-workflow-run"].includes(t.name)),
    whereTool,
    startTool
  ]
  const host = makeToolHost({ runtime: () => runtime.runtime() }, { tools, prompts: [], instructions: "", version: "0" })
  return (tool: string, args: Record<string, unknown> = {}) => host.callTool(tool, args, { signal: new AbortController().signal })
}

type ReachAnswer = {
  region: string
  account: string | null
  targets: ReadonlyArray<string>
  workflows: ReadonlyArray<{ name: string; arn: string; kind: string }>
  workflows_more: number
  error: string | null
}

const call = hostOn()

describe("workflows on a server with several targets", () => {
  it("list-environments lists each reach's workflows as their own kind, a discovery region with no environment too", async () => {
    const result = await call("list-environments")
    expect(result.isError, result.text).toBe(false)
    const reaches = (result.structuredContent as { workflow_reaches: ReadonlyArray<ReachAnswer> }).workflow_reaches
    expect(reaches.map((r) => [r.region, r.account, r.targets, r.workflows.map((w) => w.name), r.error])).toEqual([
      ["us-east-1", "123456789012", ["prod"], ["events-hourly", "payouts-nightly"], null],
      ["us-west-2", ROLE_ACCOUNT, ["dr"], ["events-hourly", "payouts-nightly"], null],
      ["eu-west-1", "123456789012", [], ["eu-events"], null]
    ])
    expect(reaches[1]?.workflows[1]).toMatchObject({
      kind: "serverless-workflow",
      arn: expect.stringMatching(new RegExp(`^arn:aws:airflow-serverless:us-west-2:${ROLE_ACCOUNT}:workflow/payouts-nightly-`))
    })
    // Counted in the summary, never named there.
    expect(result.text).toContain("5 serverless workflow(s) in 3 region/credential reach(es).")
    expect(result.text.split("\n")[0]).not.toContain("payouts")
  })

  it("get-fleet-health checks every reach's workflows, the failed latest runs flagged first", async () => {
    const result = await call("get-fleet-health")
    expect(result.isError, result.text).toBe(false)
    const workflows = result.structuredContent?.["workflows"] as {
      listed: number
      checked: number
      flagged: number
      entries: ReadonlyArray<{ name: string; region: string; flagged: boolean; latest_run: { state: string } | null }>
      unlisted: ReadonlyArray<unknown>
    }
    expect(workflows).toMatchObject({ listed: 5, checked: 5, flagged: 2, unlisted: [] })
    expect(workflows.entries.map((e) => [e.name, e.region, e.flagged, e.latest_run?.state])).toEqual([
      ["payouts-nightly", "us-east-1", true, "failed"],
      ["payouts-nightly", "us-west-2", true, "failed"],
      ["eu-events", "eu-west-1", false, "running"],
      ["events-hourly", "us-east-1", false, "running"],
      ["events-hourly", "us-west-2", false, "running"]
    ])
    expect(result.text).toContain("5 serverless workflow(s) checked: 2 whose latest run failed.")
    expect(Buffer.byteLength(result.text, "utf8")).toBeLessThanOrEqual(12 * 1024)
    // One ListWorkflowRuns of one run per workflow.
    expect(callsIn("eu-west-1").filter((api) => api === "AmazonMWAAServerless.ListWorkflowRuns").length).toBeGreaterThanOrEqual(1)
  })

  it("leaves workflows out of a health check of named environments", async () => {
    const result = await call("get-fleet-health", { environment_names: ["prod"] })
    expect(result.isError, result.text).toBe(false)
    expect(result.structuredContent?.["workflows"]).toBeUndefined()
  })

  it("routes a workflow ARN to the reach of its region and account, without listing anything", async () => {
    const before = callsIn("us-west-2").length
    const listed = await call("list-environments")
    const drPayouts = (listed.structuredContent as { workflow_reaches: ReadonlyArray<ReachAnswer> }).workflow_reaches[1]?.workflows[1]?.arn
    const from = callsIn("us-west-2").length
    const result = await call("where-is-workflow", { workflow: drPayouts })
    expect(result.isError, result.text).toBe(false)
    expect(result.structuredContent).toMatchObject({ arn: drPayouts, name: "payouts-nightly", region: "us-west-2", got: drPayouts })
    expect(callsIn("us-west-2").slice(from)).toEqual(["AmazonMWAAServerless.GetWorkflow"])
    expect(from).toBeGreaterThan(before)
  })

  it("finds a name held by one reach only, in a discovery region with no environment", async () => {
    const result = await call("where-is-workflow", { workflow: "eu-events" })
    expect(result.isError, result.text).toBe(false)
    expect(result.structuredContent).toMatchObject({ name: "eu-events", region: "eu-west-1" })
  })

  it("refuses a name two reaches hold, listing both ARNs", async () => {
    const result = await call("where-is-workflow", { workflow: "payouts-nightly" })
    expect(result.isError).toBe(true)
    expect(result.text).toContain('workflow "payouts-nightly" names 2 workflows; pass one of these ARNs instead:')
    expect(result.text).toContain("- arn:aws:airflow-serverless:us-east-1:123456789012:workflow/payouts-nightly-")
    expect(result.text).toContain(`- arn:aws:airflow-serverless:us-west-2:${ROLE_ACCOUNT}:workflow/payouts-nightly-`)
  })

  it("names the workflows there are for a name no reach holds", async () => {
    const result = await call("where-is-workflow", { workflow: "nope" })
    expect(result.isError).toBe(true)
    expect(result.text).toContain("the workflows are: eu-events, events-hourly, payouts-nightly")
  })

  it("refuses an ARN of a region the server does not reach", async () => {
    const result = await call("where-is-workflow", { workflow: "arn:aws:airflow-serverless:ap-south-1:123456789012:workflow/x-Ab3Cd4Ef5G" })
    expect(result.isError).toBe(true)
    expect(result.text).toContain("is in region ap-south-1 (account 123456789012), which this server does not reach")
    expect(result.text).toContain("us-east-1, us-west-2, eu-west-1")
  })

  it("refuses a write to a workflow whose reach has a target saying writes: false; nothing reaches its region", async () => {
    const listed = await call("list-environments")
    const reaches = (listed.structuredContent as { workflow_reaches: ReadonlyArray<ReachAnswer> }).workflow_reaches
    const dr = reaches[1]?.workflows[0]?.arn
    const from = callsIn("us-west-2").length
    const refused = await call("start-workflow-test", { workflow: dr })
    expect(refused.isError).toBe(true)
    expect(refused.text).toContain('says "writes": false for dr')
    expect(callsIn("us-west-2").slice(from)).toEqual([])
    // The same write to a reach whose targets allow writes is sent there.
    const prod = reaches[0]?.workflows[0]?.arn
    const eastFrom = callsIn("us-east-1").length
    const started = await call("start-workflow-test", { workflow: prod })
    expect(started.isError, started.text).toBe(false)
    expect(callsIn("us-east-1").slice(eastFrom)).toEqual(["AmazonMWAAServerless.StartWorkflowRun"])
  })
})

describe("start-workflow-run on a server with several targets", () => {
  it("starts a run in the reach of the workflow's ARN, and is refused on a reach with a read-only target", async () => {
    const listed = await call("list-environments")
    const reaches = (listed.structuredContent as { workflow_reaches: ReadonlyArray<ReachAnswer> }).workflow_reaches
    const eu = reaches[2]?.workflows[0]?.arn
    const from = callsIn("eu-west-1").length
    const started = await call("start-workflow-run", { workflow: eu, client_token: "fleet-eu-1" })
    expect(started.isError, started.text).toBe(false)
    expect(callsIn("eu-west-1").slice(from)).toContain("AmazonMWAAServerless.StartWorkflowRun")
    const west = callsIn("us-west-2").length
    const refused = await call("start-workflow-run", { workflow: reaches[1]?.workflows[0]?.arn, client_token: "fleet-dr-1" })
    expect(refused.isError).toBe(true)
    expect(refused.text).toContain('says "writes": false for dr')
    expect(callsIn("us-west-2").slice(west)).toEqual([])
  })
})

describe("a reach whose workflows cannot be listed", () => {
  const denied = hostOn(["us-west-2"])

  it("list-environments still answers, with that reach's error; the other reaches are listed", async () => {
    const result = await denied("list-environments")
    expect(result.isError, result.text).toBe(false)
    const answer = result.structuredContent as {
      targets: ReadonlyArray<{ error: string | null }>
      workflow_reaches: ReadonlyArray<ReachAnswer>
    }
    expect(answer.targets.map((t) => t.error)).toEqual([null, null])
    expect(answer.workflow_reaches.map((r) => [r.region, r.workflows.length, r.error?.slice(0, 13) ?? null])).toEqual([
      ["us-east-1", 2, null],
      ["us-west-2", 0, "AccessDenied:"],
      ["eu-west-1", 1, null]
    ])
    expect(result.text).toContain("3 serverless workflow(s) in 2 region/credential reach(es); the workflows of 1 could not be listed.")
  })

  it("get-fleet-health names the region not listed and checks the rest", async () => {
    const result = await denied("get-fleet-health")
    expect(result.isError, result.text).toBe(false)
    const workflows = result.structuredContent?.["workflows"] as {
      checked: number
      unlisted: ReadonlyArray<{ region: string; account: string; error: string }>
    }
    expect(workflows.checked).toBe(3)
    expect(workflows.unlisted).toEqual([{ region: "us-west-2", account: ROLE_ACCOUNT, error: expect.stringMatching(/^AccessDenied: /) }])
  })

  it("a name held only by the reachable reaches is still found; an unknown one says where it could not look", async () => {
    const found = await denied("where-is-workflow", { workflow: "payouts-nightly" })
    expect(found.isError, found.text).toBe(false)
    expect(found.structuredContent).toMatchObject({ region: "us-east-1" })
    const unknown = await denied("where-is-workflow", { workflow: "nope" })
    expect(unknown.isError).toBe(true)
    expect(unknown.text).toContain("The workflows of us-west-2 could not be listed")
  })
})

describe("a reach that throttles ListWorkflows once", () => {
  it("is asked again, as every MWAA call is: its workflows are listed", async () => {
    const throttled = hostOn([], ["eu-west-1"])
    const result = await throttled("list-environments")
    expect(result.isError, result.text).toBe(false)
    const reaches = (result.structuredContent as { workflow_reaches: ReadonlyArray<ReachAnswer> }).workflow_reaches
    expect(reaches.map((r) => [r.region, r.workflows.length, r.error])).toEqual([
      ["us-east-1", 2, null],
      ["us-west-2", 2, null],
      ["eu-west-1", 1, null]
    ])
  })
})
