import { ManagedRuntime, Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { FakeEnvironmentSeed, FakeXcomSeed } from "../../../src/adapters/fake-mwaa/index.js"
import { catalogue } from "../../../src/app/catalogue.js"
import { instructions } from "../../../src/app/instructions.js"
import { prompts } from "../../../src/app/prompts.js"
import { DATA_LABEL, makeToolHost } from "../../../src/app/tool-host.js"
import type { ToolHost } from "../../../src/ports/ToolHost.js"
import { leaks, secretForms, withSecretAt } from "../../support/secret-straddle.js"
import { fakeToolServices } from "../../support/test-layer.js"

/**
 * get-xcom through the tool host: a value is masked whole before the answer is cut to its budget,
 * so a secret that straddles a cut (the one-pass precut at the budget, or the halving below it) is
 * never shown in part; the summary counts, the next steps point onward.
 */

const BUDGET = 2048
/** Around the precut (a string longer than the budget is cut at it) and the halving's cut of what remains. */
const POSITIONS = [...Array.from({ length: 16 }, (_, i) => BUDGET - 60 + i * 8), ...Array.from({ length: 16 }, (_, i) => 980 + i * 8)]

const entries: ReadonlyArray<FakeXcomSeed> = POSITIONS.flatMap((at) =>
  secretForms.map((form, f) => ({
    dagId: "d",
    runId: "r",
    taskId: "t",
    key: `value_${at}_${f}`,
    value: { text: withSecretAt(at, form, 400) },
    timestamp: "2026-11-24T08:03:00Z"
  }))
)

const environment = (name: string, airflowVersion: string): FakeEnvironmentSeed => ({
  name,
  airflowVersion,
  status: "AVAILABLE",
  dags: [
    {
      dagId: "d",
      tasks: [
        { taskId: "t", operator: "PythonOperator" },
        { taskId: "quiet", operator: "EmptyOperator" }
      ]
    }
  ],
  dagRuns: [{ dagId: "d", runId: "r", runType: "manual", state: "success", logicalDate: "2026-11-24T08:00:00Z" }],
  taskInstances: [
    { dagId: "d", runId: "r", taskId: "t", state: "success", tryNumber: 1 },
    { dagId: "d", runId: "r", taskId: "quiet", state: "success", tryNumber: 1 }
  ],
  xcoms: entries
})

describe.each([
  ["xcom-2", "2.10.3"],
  ["xcom-3", "3.0.6"],
  ["xcom-32", "3.2.1"]
])("get-xcom through the tool host on %s (Airflow %s)", (environment_name, airflowVersion) => {
  let host: ToolHost
  let runtime: ManagedRuntime.ManagedRuntime<any, any>
  const call = (args: Record<string, unknown>) =>
    host.callTool("get-xcom", { environment_name, dag_id: "d", dag_run_id: "r", ...args }, { signal: new AbortController().signal })

  beforeAll(() => {
    runtime = ManagedRuntime.make(
      fakeToolServices(
        { environments: [environment(environment_name, airflowVersion)] },
        { maxResponseBytes: BUDGET, maxRequestsPerSecond: 10_000, defaultEnvironment: Option.none() }
      )
    )
    host = makeToolHost(runtime, { tools: catalogue, prompts, instructions: instructions(false), version: "test" })
  })
  afterAll(() => runtime.dispose())

  it("never shows part of a secret that straddles a cut", { timeout: 60_000 }, async () => {
    const problems: Array<string> = []
    for (const e of entries) {
      const result = await call({ task_id: "t", key: e.key, include_values: true })
      if (result.isError) problems.push(`${e.key}: ${result.text.slice(0, 200)}`)
      else if (leaks(result.text))
        problems.push(`${e.key} leaks: ${result.text.slice(result.text.indexOf(DATA_LABEL), result.text.indexOf(DATA_LABEL) + 3000)}`)
      else if (!result.text.includes("Answer cut")) problems.push(`${e.key}: not cut, so the case proves nothing`)
    }
    expect(problems).toEqual([])
  })

  it("summarizes, pages and points onward", async () => {
    const keys = await call({ task_id: "t", limit: 10 })
    expect(keys.isError).toBe(false)
    expect(keys.text.split("\n")[0]).toBe(`10 of ${entries.length} XCom entries of t (keys only).`)
    const data = keys.structuredContent as Record<string, any>
    expect(data.next_offset).toBe(10)
    expect(data.next_steps.map((s: any) => s.tool)).toEqual(["get-xcom", "get-xcom"])
    expect(data.next_steps[1].arguments).toMatchObject({ offset: 10 })
    const quiet = await call({ task_id: "quiet" })
    expect(quiet.text.split("\n")[0]).toBe("quiet pushed no XCom.")
    expect((quiet.structuredContent as any).next_steps[0].tool).toBe("get-task-logs")
    const unknown = await call({ task_id: "missing" })
    expect(unknown.isError).toBe(true)
    expect(unknown.text).toContain("missing")
    expect(unknown.text).toMatch(/not found/i)
  })

  it("refuses bad input naming the field and what is allowed", async () => {
    const cases: ReadonlyArray<readonly [Record<string, unknown>, RegExp]> = [
      [{ map_index: -2 }, /map_index must be an integer from -1/],
      [{ key: "" }, /key must not be empty/],
      [{ key: "k".repeat(513) }, /key must be at most 512/],
      [{ limit: 0 }, /limit must be an integer from 1 to 100/],
      [{ limit: 500 }, /limit must be an integer from 1 to 100/],
      [{ offset: -1 }, /offset must be an integer from 0/],
      [{ include_values: "sometimes" }, /include_values must be true or false/]
    ]
    for (const [args, message] of cases) {
      const result = await call({ task_id: "t", ...args })
      expect(result.isError, JSON.stringify(args)).toBe(true)
      expect(result.text).toMatch(message)
    }
  })
})
