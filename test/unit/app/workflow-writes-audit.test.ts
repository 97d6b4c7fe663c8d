import { describe, expect, it } from "vitest"
import { Layer, Logger, ManagedRuntime } from "effect"
import { EVENTS_RUNNING_RUN } from "../../../src/adapters/fake-mwaa-serverless/index.js"
import { demoSeed } from "../../../src/adapters/fake-mwaa/index.js"
import { catalogue } from "../../../src/app/catalogue.js"
import { instructions } from "../../../src/app/instructions.js"
import { prompts } from "../../../src/app/prompts.js"
import { makeToolHost } from "../../../src/app/tool-host.js"
import { fakeToolServices } from "../../support/test-layer.js"

/**
 * The workflow writes are audited like the other writes: one line per attempt naming the workflow,
 * the run and the client token, never the override parameters (they can hold secrets); a refused
 * write leaves its line too.
 */
const SECRET = "Sl-override-P4ss-2026!"

const hostWith = (allowWrite: boolean) => {
  const lines: Array<Record<string, unknown>> = []
  const capture = Logger.make(({ message, annotations }) => {
    lines.push({ message: Array.isArray(message) ? message.join(" ") : String(message), ...Object.fromEntries(annotations) })
  })
  const runtime = ManagedRuntime.make(
    fakeToolServices(demoSeed(), { allowWrite }).pipe(Layer.provideMerge(Logger.replace(Logger.defaultLogger, capture)))
  )
  const host = makeToolHost(runtime, { tools: catalogue, prompts, instructions: instructions(allowWrite), version: "test" })
  const call = (name: string, args: Record<string, unknown>) => host.callTool(name, args, { signal: new AbortController().signal })
  return { call, audits: () => lines.filter((l) => l["audit"] === true), dispose: () => runtime.dispose() }
}

describe("audit of the workflow writes", () => {
  it("names the workflow, the run and the token, never the override parameters", async () => {
    const { call, audits, dispose } = hostWith(true)
    try {
      const start = await call("start-workflow-run", {
        workflow: "payouts-nightly",
        override_parameters: { db_password: SECRET, day: "2026-11-25" },
        client_token: "audit-1"
      })
      expect(start.isError, start.text).toBe(false)
      expect(start.text).not.toContain(SECRET)
      await call("stop-workflow-run", { workflow: "events-hourly", run_id: EVENTS_RUNNING_RUN, confirm_run_id: EVENTS_RUNNING_RUN })
      const [started, stopped] = audits()
      expect(started).toMatchObject({ tool: "start-workflow-run", environment: "workflow payouts-nightly", outcome: "ok" })
      expect(started?.["targets"]).toEqual({ workflow: "payouts-nightly", client_token: "audit-1" })
      expect(stopped).toMatchObject({ tool: "stop-workflow-run", environment: "workflow events-hourly", outcome: "ok" })
      expect(stopped?.["targets"]).toEqual({ workflow: "events-hourly", run_id: EVENTS_RUNNING_RUN })
      expect(JSON.stringify(audits())).not.toContain(SECRET)
      expect(JSON.stringify(audits())).not.toContain("2026-11-25")
    } finally {
      await dispose()
    }
  })

  it("leaves a line for a start refused without --allow-write", async () => {
    const { call, audits, dispose } = hostWith(false)
    try {
      const refused = await call("start-workflow-run", { workflow: "payouts-nightly", override_parameters: { db_password: SECRET } })
      expect(refused.text).toContain("--allow-write")
      expect(audits()).toHaveLength(1)
      expect(audits()[0]).toMatchObject({ tool: "start-workflow-run", outcome: "error", targets: { workflow: "payouts-nightly" } })
      expect(JSON.stringify(audits())).not.toContain(SECRET)
    } finally {
      await dispose()
    }
  })
})
