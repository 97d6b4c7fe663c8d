import { describe, expect, it } from "vitest"
import { Layer, Logger, ManagedRuntime, Option } from "effect"
import { DEMO_ENVIRONMENT_3, FakeMwaa, FX_DAG, demoSeed } from "../../src/adapters/fake-mwaa/index.js"
import { catalogue } from "../../src/app/catalogue.js"
import { instructions } from "../../src/app/instructions.js"
import { appLayer } from "../../src/app/layers.js"
import { prompts } from "../../src/app/prompts.js"
import { makeToolHost } from "../../src/app/tool-host.js"
import { AppConfig } from "../../src/ports/AppConfig.js"

/** Every write leaves one structured audit line — tool, environment, targets, dry_run, outcome — and no secret. */
const hostWith = (allowWrite: boolean) => {
  const lines: Array<Record<string, unknown>> = []
  const capture = Logger.make(({ message, annotations }) => {
    const text = Array.isArray(message) ? message.join(" ") : String(message)
    lines.push({ message: text, ...Object.fromEntries(annotations) })
  })
  const layer = appLayer(
    FakeMwaa.layer(demoSeed()),
    AppConfig.make({ allowWrite, defaultEnvironment: Option.some(DEMO_ENVIRONMENT_3) })
  ).pipe(Layer.provideMerge(Logger.replace(Logger.defaultLogger, capture)))
  const runtime = ManagedRuntime.make(layer)
  const host = makeToolHost(runtime, { tools: catalogue, prompts, instructions: instructions(allowWrite), version: "test" })
  const call = (name: string, args: Record<string, unknown>) => host.callTool(name, args, { signal: new AbortController().signal })
  return { call, audits: () => lines.filter((l) => l["audit"] === true), dispose: () => runtime.dispose() }
}

describe("audit log of writes", () => {
  it("records a dry-run clear and a trigger with the resolved environment, without the conf", async () => {
    const { call, audits, dispose } = hostWith(true)
    const runs = await call("list-dag-runs", { dag_id: FX_DAG, state: "failed" })
    const run = (runs.structuredContent as { dag_runs: Array<{ dag_run_id: string }> }).dag_runs[0]!
    expect(audits()).toHaveLength(0)
    await call("clear-task-instances", { dag_id: FX_DAG, dag_run_id: run.dag_run_id })
    await call("trigger-dag-run", { dag_id: FX_DAG, conf: { api_token: "tok-very-secret-123" } })
    const [clear, trigger] = audits()
    expect(clear).toMatchObject({ tool: "clear-task-instances", environment: DEMO_ENVIRONMENT_3, dry_run: true, outcome: "ok" })
    expect(clear?.["targets"]).toMatchObject({ dag_id: FX_DAG, dag_run_id: run.dag_run_id })
    expect(trigger).toMatchObject({ tool: "trigger-dag-run", environment: DEMO_ENVIRONMENT_3, outcome: "ok" })
    expect(JSON.stringify(audits())).not.toContain("tok-very-secret-123")
    await dispose()
  })

  it("records a refused write in read-only mode", async () => {
    const { call, audits, dispose } = hostWith(false)
    const result = await call("pause-dag", { dag_id: FX_DAG })
    expect(result.isError).toBe(true)
    expect(audits()).toEqual([expect.objectContaining({ tool: "pause-dag", outcome: "error" })])
    await dispose()
  })
})
