import { afterAll, describe, expect, it } from "vitest"
import { Context, Effect, Layer, ManagedRuntime } from "effect"
import { demoSeed, FakeMwaa } from "../../../src/adapters/fake-mwaa/index.js"
import { appLayer } from "../../../src/app/layers.js"
import { mwaaToolHost } from "../../../src/app/server-host.js"
import type { ToolServices } from "../../../src/app/tool-spec.js"
import { AppConfig } from "../../../src/ports/AppConfig.js"
import { MwaaError } from "../../../src/ports/MwaaError.js"
import { Workflows } from "../../../src/ports/Workflows.js"
import { fakeToolServices } from "../../support/test-layer.js"

/** MWAA Serverless workflows beside the environments of a single-region server (the demo holds both kinds). */
const runtimes: Array<{ readonly dispose: () => Promise<void> }> = []
afterAll(() => Promise.all(runtimes.map((r) => r.dispose())))
const hostOver = (layer: Layer.Layer<ToolServices>) => {
  const runtime = ManagedRuntime.make(layer)
  runtimes.push(runtime)
  const host = mwaaToolHost({ runtime: () => runtime.runtime() }, false)
  return (tool: string, args: Record<string, unknown> = {}) => host.callTool(tool, args, { signal: new AbortController().signal })
}

/** The demo with ListWorkflows refused, as for a role with no airflow-serverless permission. */
const deniedLayer = () => {
  const fake = Layer.map(FakeMwaa.layer(demoSeed()), (context) =>
    Context.add(context, Workflows, {
      ...Context.get(context, Workflows),
      list: () =>
        Effect.fail(
          new MwaaError({
            reason: "AccessDenied",
            operation: "ListWorkflows",
            message: "User: arn:aws:iam::123456789012:user/ops is not authorized to perform: airflow-serverless:ListWorkflows"
          })
        )
    })
  )
  return appLayer(fake, AppConfig.make({}))
}

describe("workflows beside the environments of one region", () => {
  const call = hostOver(fakeToolServices())

  it("list-environments lists the region's workflows as their own kind, counted in the summary", async () => {
    const result = await call("list-environments")
    expect(result.isError, result.text).toBe(false)
    const answer = result.structuredContent as {
      workflows: ReadonlyArray<Record<string, unknown>>
      workflows_more: number
      workflows_error: null
    }
    expect(answer.workflows.map((w) => [w["name"], w["kind"], w["status"]])).toEqual([
      ["events-hourly", "serverless-workflow", "READY"],
      ["payouts-nightly", "serverless-workflow", "READY"]
    ])
    expect(answer.workflows[1]?.["arn"]).toMatch(/^arn:aws:airflow-serverless:us-east-1:123456789012:workflow\/payouts-nightly-/)
    expect(answer.workflows_more).toBe(0)
    expect(answer.workflows_error).toBeNull()
    expect(result.text).toContain(" 2 serverless workflow(s).")
  })

  it("get-fleet-health flags the workflow whose latest run failed", async () => {
    const result = await call("get-fleet-health")
    expect(result.isError, result.text).toBe(false)
    const workflows = result.structuredContent?.["workflows"] as {
      checked: number
      flagged: number
      entries: ReadonlyArray<{ name: string; flagged: boolean; latest_run: { state: string; status: string } | null }>
    }
    expect(workflows.checked).toBe(2)
    expect(workflows.flagged).toBe(1)
    expect(workflows.entries.map((e) => [e.name, e.flagged, e.latest_run?.state, e.latest_run?.status])).toEqual([
      ["payouts-nightly", true, "failed", "FAILED"],
      ["events-hourly", false, "running", "RUNNING"]
    ])
    expect(result.text).toContain("2 serverless workflow(s) checked: 1 whose latest run failed.")
  })
})

describe("a region whose workflows cannot be listed", () => {
  const call = hostOver(deniedLayer())

  it("list-environments still lists the environments, and says why the workflows are missing", async () => {
    const result = await call("list-environments")
    expect(result.isError, result.text).toBe(false)
    const answer = result.structuredContent as {
      environments: ReadonlyArray<string>
      workflows: ReadonlyArray<unknown>
      workflows_error: string
    }
    expect(answer.environments.length).toBeGreaterThan(0)
    expect(answer.workflows).toEqual([])
    expect(answer.workflows_error).toMatch(/^AccessDenied: .*airflow-serverless:ListWorkflows/)
    expect(result.text).toContain("Serverless workflows could not be listed (workflows_error).")
  })

  it("get-fleet-health still checks the environments, and names the region not listed", async () => {
    const result = await call("get-fleet-health")
    expect(result.isError, result.text).toBe(false)
    expect(result.structuredContent?.["checked"]).toBeGreaterThan(0)
    expect(result.structuredContent?.["workflows"]).toMatchObject({
      checked: 0,
      unlisted: [{ region: "us-east-1", account: null, error: expect.stringMatching(/^AccessDenied: /) }]
    })
  })
})
