import { describe, expect, it } from "vitest"
import { Effect, Layer, Logger, LogLevel, ManagedRuntime, Option, Schema } from "effect"
import { DEMO_ENVIRONMENT_3, FX_DAG, demoSeed } from "../../../src/adapters/fake-mwaa/index.js"
import { catalogue } from "../../../src/app/catalogue.js"
import { instructions } from "../../../src/app/instructions.js"
import { prompts } from "../../../src/app/prompts.js"
import { makeToolHost } from "../../../src/app/tool-host.js"
import type { ToolCallContext } from "../../../src/ports/ToolHost.js"
import { type AnyToolSpec, writeTool } from "../../../src/app/tool-spec.js"
import { fakeToolServices } from "../../support/test-layer.js"

/**
 * Every write leaves one structured audit line — tool, kind, caller, environment, targets, dry_run, outcome — and no
 * secret; so does every read whose transport names a person (an OAuth token).
 */
const hostWith = (allowWrite: boolean, tools: ReadonlyArray<AnyToolSpec> = catalogue, minimum: LogLevel.LogLevel = LogLevel.Info) => {
  const lines: Array<Record<string, unknown>> = []
  const capture = Logger.make(({ message, annotations }) => {
    const text = Array.isArray(message) ? message.join(" ") : String(message)
    lines.push({ message: text, ...Object.fromEntries(annotations) })
  })
  const layer = fakeToolServices(demoSeed(), { allowWrite, defaultEnvironment: Option.some(DEMO_ENVIRONMENT_3) }).pipe(
    Layer.provideMerge(Logger.replace(Logger.defaultLogger, capture)),
    Layer.provideMerge(Logger.minimumLogLevel(minimum))
  )
  const runtime = ManagedRuntime.make(layer)
  const host = makeToolHost(runtime, { tools, prompts, instructions: instructions(allowWrite), version: "test" })
  const call = (name: string, args: unknown, signal = new AbortController().signal, who: Partial<ToolCallContext> = {}) =>
    host.callTool(name, args as Record<string, unknown>, { signal, ...who })
  return { call, audits: () => lines.filter((l) => l["audit"] === true), dispose: () => runtime.dispose() }
}

describe("audit log of writes", () => {
  it("records a dry-run clear and a trigger with the resolved environment, without the conf", async () => {
    const { call, audits, dispose } = hostWith(true)
    const runs = await call("list-dag-runs", { dag_id: FX_DAG, state: "failed" })
    const run = (runs.structuredContent as { dag_runs: Array<{ dag_run_id: string }> }).dag_runs[0]!
    // Nobody named: a read without a person leaves no line (the one who runs the server read it).
    expect(audits()).toEqual([])
    await call("clear-task-instances", { dag_id: FX_DAG, dag_run_id: run.dag_run_id })
    await call("trigger-dag-run", { dag_id: FX_DAG, conf: { api_token: "tok-very-secret-123" } })
    const [clear, trigger] = audits()
    expect(clear).toMatchObject({
      tool: "clear-task-instances",
      kind: "write",
      environment: DEMO_ENVIRONMENT_3,
      dry_run: true,
      outcome: "ok"
    })
    expect(clear?.["targets"]).toMatchObject({ dag_id: FX_DAG, dag_run_id: run.dag_run_id })
    expect(trigger).toMatchObject({ tool: "trigger-dag-run", environment: DEMO_ENVIRONMENT_3, outcome: "ok" })
    expect(JSON.stringify(audits())).not.toContain("tok-very-secret-123")
    await dispose()
  })

  it("writes the audit line at any log level, none included: it is a record, not a diagnostic", async () => {
    const { call, audits, dispose } = hostWith(false, catalogue, LogLevel.None)
    await call("list-dags", {}, new AbortController().signal, { caller: { subject: "user-1", scopes: [] } })
    await call("pause-dag", { dag_id: FX_DAG })
    expect(audits()).toEqual([
      expect.objectContaining({ tool: "list-dags", kind: "read", outcome: "ok", caller: { sub: "user-1" } }),
      expect.objectContaining({ tool: "pause-dag", kind: "write", outcome: "error", caller: null })
    ])
    await dispose()
  })

  it("names the person a transport authenticated and the client, bounded and cleaned, never their scopes", async () => {
    const { call, audits, dispose } = hostWith(true)
    const signal = new AbortController().signal
    await call("list-dags", {}, signal, {
      client: { name: "claude-code", version: "2.1" },
      caller: {
        subject: "user-1234",
        email: "ana@example.com",
        username: "ana",
        clientId: "mcp-client-1",
        scopes: ["mwaa:read", "secret-scope"]
      }
    })
    await call("pause-dag", { dag_id: FX_DAG }, signal, {
      caller: { subject: `sub\u202e${"x".repeat(70_000)}`, email: `password=${SECRET}`, scopes: [] }
    })
    const [read, write] = audits()
    expect(read).toMatchObject({
      tool: "list-dags",
      kind: "read",
      outcome: "ok",
      client: "claude-code/2.1",
      caller: { sub: "user-1234", email: "ana@example.com", username: "ana", client_id: "mcp-client-1" }
    })
    expect(JSON.stringify(read)).not.toContain("secret-scope")
    expect(write).toMatchObject({ tool: "pause-dag", kind: "write" })
    const line = JSON.stringify(write)
    expect(line.length).toBeLessThanOrEqual(2048)
    expect(line).not.toContain(SECRET)
    expect(line).not.toContain("\u202e")
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

/** Write tools of the test's own: one whose run is a defect, one that never ends (until cancelled). */
const testWrite = (name: string, run: () => Effect.Effect<Record<string, unknown>>) =>
  writeTool({
    name,
    title: name,
    description: name,
    destructive: false,
    input: Schema.Struct({ dag_id: Schema.String }),
    output: Schema.Struct({}),
    run,
    summarize: () => "done"
  })
const exploding = testWrite("explode", () => Effect.die(new Error("boom")))
const hanging = testWrite("hang", () => Effect.never)

const SECRET = "hunter2-very-secret"
const AWS_KEY = "AKIAIOSFODNN7EXAMPLE"
const deep = (levels: number): unknown => {
  let value: unknown = { leaf: `password=${SECRET}` }
  for (let i = 0; i < levels; i++) value = { a: value }
  return value
}

describe("audit line per write attempt, whatever the arguments or the outcome", () => {
  const MAX_LINE = 2048
  const expectOneBoundedLine = (audits: ReadonlyArray<Record<string, unknown>>, tool: string, outcome: unknown) => {
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({ tool, outcome })
    const line = JSON.stringify(audits[0])
    expect(line.length).toBeLessThanOrEqual(MAX_LINE)
    expect(line).not.toContain(SECRET)
    expect(line).not.toContain(AWS_KEY)
    return audits[0]!
  }

  it.each([
    ["10,000 levels of nesting in conf", { dag_id: FX_DAG, conf: deep(10_000) }],
    ["10,000 levels of nesting as dag_id", { dag_id: deep(10_000) }],
    ["10,000 levels of nesting as the arguments", deep(10_000)],
    ["a 1 MB dag_id with a secret at its start", { dag_id: `password=${SECRET} ${"x".repeat(1_000_000)}` }],
    ["a 1 MB dag_id with an AWS key past the cut", { dag_id: `${"y".repeat(150)}${AWS_KEY}${"x".repeat(1_000_000)}` }],
    ["an array of 100,000 items as dag_id", { dag_id: Array.from({ length: 100_000 }, (_, i) => `password=${SECRET}${i}`) }],
    [
      "an array of 100,000 items as task_ids",
      { dag_id: FX_DAG, dag_run_id: "r", task_ids: Array.from({ length: 100_000 }, () => AWS_KEY) }
    ],
    ["hostile keys", { dag_id: FX_DAG, ["__proto__"]: { dag_id: SECRET }, ["constructor"]: SECRET, ["\u202edag_id"]: SECRET }],
    ["a secret in conf", { dag_id: FX_DAG, conf: { password: SECRET, key: AWS_KEY } }],
    ["a secret in dag_id", { dag_id: `db password=${SECRET} ${AWS_KEY}` }]
  ])("trigger-dag-run with %s leaves exactly one bounded line, without secrets", async (what, args) => {
    const { call, audits, dispose } = hostWith(true)
    const result = await call("trigger-dag-run", args)
    expect(result.text).not.toContain(SECRET)
    // Arguments too deep for the decoder are the caller's error, named as such (see tool-host.ts), still audited.
    if (what.startsWith("10,000 levels")) expect(result.text).toMatch(/^Invalid arguments for trigger-dag-run:/)
    const outcome = result.isError ? (/internal error/.test(result.text) ? "defect" : "error") : "ok"
    expectOneBoundedLine(audits(), "trigger-dag-run", outcome)
    await dispose()
  })

  it("cuts a long id after masking it, and names a non-string target by its type", async () => {
    const { call, audits, dispose } = hostWith(true)
    await call("trigger-dag-run", { dag_id: `password=${SECRET}${"z".repeat(5000)}` })
    await call("trigger-dag-run", { dag_id: 42, dag_run_id: { nested: SECRET } })
    const [long, typed] = audits()
    const id = String((long?.["targets"] as Record<string, unknown> | undefined)?.["dag_id"])
    expect(id.length).toBeLessThanOrEqual(130)
    expect(id).toContain("***")
    expect(typed?.["targets"]).toEqual({ dag_id: "<number>", dag_run_id: "<object>" })
    await dispose()
  })

  it("records a write refused in read-only mode, however large its arguments", async () => {
    const { call, audits, dispose } = hostWith(false)
    const result = await call("trigger-dag-run", { dag_id: deep(10_000), conf: { token: SECRET } })
    expect(result.isError).toBe(true)
    expect(expectOneBoundedLine(audits(), "trigger-dag-run", "error")["error"]).toMatch(/allow-write/)
    await dispose()
  })

  it("records a defect of the tool", async () => {
    const { call, audits, dispose } = hostWith(true, [exploding])
    const result = await call("explode", { dag_id: `password=${SECRET}` })
    expect(result.text).toMatch(/internal error/)
    expectOneBoundedLine(audits(), "explode", "defect")
    await dispose()
  })

  it("records a cancelled write", async () => {
    const { call, audits, dispose } = hostWith(true, [hanging])
    const abort = new AbortController()
    const pending = call("hang", { dag_id: "d" }, abort.signal)
    await new Promise((resolve) => setTimeout(resolve, 20))
    abort.abort()
    expect((await pending).text).toMatch(/cancelled/)
    expectOneBoundedLine(audits(), "hang", "cancelled")
    await dispose()
  })
})
