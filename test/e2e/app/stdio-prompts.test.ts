import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { DEMO_ENVIRONMENT_3, ORDERS_DAG } from "../../../src/adapters/fake-mwaa/index.js"
import { LATEST_PAYOUTS_RUN } from "../../../src/adapters/fake-mwaa-serverless/index.js"
import { connectStdio, type StdioSession } from "../../support/stdio-client.js"

/**
 * The prompts walk the assistant through the tools: each names the tools it needs (all of them
 * in tools/list), carries the arguments it was given, and refuses a malformed one.
 */
describe("prompts over stdio (--demo)", () => {
  let session: StdioSession
  beforeAll(async () => {
    session = await connectStdio(["--demo"])
  })
  afterAll(async () => {
    await session?.close()
  })

  it("lists triage-failed-dag-run and environment-health-check with their arguments", async () => {
    const { prompts } = await session.client.listPrompts()
    expect(prompts.map((p) => p.name).sort()).toEqual(["environment-health-check", "triage-failed-dag-run"])
    const triage = prompts.find((p) => p.name === "triage-failed-dag-run")
    expect(triage?.arguments?.map((a) => a.name)).toEqual(["dag_id", "dag_run_id", "environment_name", "workflow"])
  })

  it("renders steps that name only tools the server has, with the given ids", async () => {
    const tools = new Set((await session.client.listTools()).tools.map((t) => t.name))
    const triage = await session.client.getPrompt({
      name: "triage-failed-dag-run",
      arguments: { dag_id: ORDERS_DAG, environment_name: DEMO_ENVIRONMENT_3 }
    })
    const health = await session.client.getPrompt({ name: "environment-health-check", arguments: {} })
    for (const prompt of [triage, health]) {
      const text = prompt.messages.map((m) => (m.content.type === "text" ? m.content.text : "")).join("\n")
      const named = [...text.matchAll(/\b(?:list|get|diagnose|clear|trigger|pause|unpause|wait-for)-[a-z-]+\b/g)].map((m) => m[0])
      expect(named.length).toBeGreaterThan(2)
      for (const tool of named) expect(tools.has(tool), tool).toBe(true)
    }
    const triageText = triage.messages[0]?.content.type === "text" ? triage.messages[0].content.text : ""
    expect(triageText).toContain(`dag_id="${ORDERS_DAG}"`)
    expect(triageText).toContain(`environment_name="${DEMO_ENVIRONMENT_3}"`)
    expect(triageText).toContain("diagnose-dag-run")
    // Issue 16: tries and the DAG version change lead the triage; what the upstream task handed over is get-xcom's.
    expect(triageText).toMatch(/earlier tries failed the same way/)
    expect(triageText).toMatch(/DAG version changed since the last successful run/)
    expect(triageText).toContain("get-xcom")
    const healthText = health.messages[0]?.content.type === "text" ? health.messages[0].content.text : ""
    expect(healthText).toMatch(/Airflow 3\.1 or later, call list-pending-approvals/)
  })

  it("triages an MWAA Serverless workflow run with the workflow tools, which the server has", async () => {
    const tools = new Set((await session.client.listTools()).tools.map((t) => t.name))
    const triage = await session.client.getPrompt({
      name: "triage-failed-dag-run",
      arguments: { workflow: "payouts-nightly", dag_run_id: LATEST_PAYOUTS_RUN }
    })
    const text = triage.messages.map((m) => (m.content.type === "text" ? m.content.text : "")).join("\n")
    const named = [...text.matchAll(/\b(?:list|get|diagnose|start|stop)-[a-z-]+\b/g)].map((m) => m[0])
    expect(named).toEqual(expect.arrayContaining(["diagnose-workflow-run", "get-workflow-task-logs", "get-workflow-definition"]))
    for (const tool of named) expect(tools.has(tool), tool).toBe(true)
    expect(text).toContain(`workflow="payouts-nightly" run_id="${LATEST_PAYOUTS_RUN}"`)
    expect(text).toMatch(/reported as succeeded while a task failed/)
    await expect(
      session.client.getPrompt({ name: "triage-failed-dag-run", arguments: { workflow: "payouts-nightly", dag_id: ORDERS_DAG } })
    ).rejects.toThrow(/without dag_id and environment_name/)
    await expect(session.client.getPrompt({ name: "triage-failed-dag-run", arguments: { workflow: "bad name!" } })).rejects.toThrow(
      /workflow is not valid/
    )
  })

  it("refuses a malformed id, and a run id without its DAG, naming the argument", async () => {
    await expect(session.client.getPrompt({ name: "triage-failed-dag-run", arguments: { dag_id: 'bad id"; drop' } })).rejects.toThrow(
      /dag_id is not valid/
    )
    await expect(session.client.getPrompt({ name: "triage-failed-dag-run", arguments: { dag_run_id: "manual__1" } })).rejects.toThrow(
      /dag_run_id needs dag_id/
    )
    await expect(session.client.getPrompt({ name: "environment-health-check", arguments: { dag: "x" } })).rejects.toThrow(
      /Unknown argument dag/
    )
  })
})
