/**
 * End-to-end over real stdio: get-environment-health on both demo environments, and
 * wait-for-dag-run with a progressToken (_meta.progressToken, set by the SDK client when the
 * call has onprogress): notifications/progress arrive while it waits. Uses the BUILT server
 * (the bundled bin): run `npm run build` first (`npm test` does). --allow-write, so a run
 * can be triggered: the fake never moves runs on its own, so a triggered run stays queued.
 */
import type { Progress } from "@modelcontextprotocol/sdk/types.js"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3, DEMO_MANUAL_RUN, FX_DAG, ORDERS_DAG } from "../../../src/adapters/fake-mwaa/index.js"
import { initialize, spawnRaw } from "../../support/raw-stdio.js"
import { connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { type Json, ok } from "./stdio-helpers.js"

let session: StdioSession

beforeAll(async () => {
  session = await connectStdio(["--demo", "--allow-write"])
  // With the tools listed, the SDK client checks each structuredContent against the outputSchema.
  await session.client.listTools()
})
afterAll(async () => {
  await session?.close()
})

/** Calls a tool with a progress handler; returns its structured answer and the progress received. */
const withProgress = async (name: string, args: Record<string, unknown>) => {
  const progress: Array<Progress> = []
  const result = await session.client.callTool({ name, arguments: args }, undefined, { onprogress: (p) => void progress.push(p) })
  const text = (result.content as Array<{ text?: string }>).map((c) => c.text ?? "").join("\n")
  expect(result.isError, text).not.toBe(true)
  return { structured: result.structuredContent as Json, text, progress }
}

describe.each([
  { environment_name: DEMO_ENVIRONMENT_2, processor: null, active: 5 },
  // Airflow 3.1+ tells the approval story too: one more DAG.
  { environment_name: DEMO_ENVIRONMENT_3, processor: "healthy", active: 6 }
])("get-environment-health on $environment_name", ({ environment_name, processor, active }) => {
  it("gives MWAA's status, Airflow's components, the counts and a verdict in one answer", async () => {
    const health = await ok(session, "get-environment-health", { environment_name })
    expect(health.environment_name).toBe(environment_name)
    expect(health.mwaa.status).toBe("AVAILABLE")
    expect(health.airflow.health.scheduler.status).toBe("healthy")
    expect(health.airflow.health.dag_processor?.status ?? null).toBe(processor)
    expect(health.airflow.import_errors.count).toBe(1)
    expect(health.airflow.dags).toMatchObject({ paused: 1, active })
    expect(health.airflow.failing_dags.dag_ids).toEqual([FX_DAG, ORDERS_DAG].sort())
    expect(health.verdict).toBe("degraded")
    expect(health.findings.length).toBeGreaterThan(0)
  })
})

describe("wait-for-dag-run with a progressToken", () => {
  it("returns at once for a run that already ended: on the wire, one progress notification for its token, then the answer", async () => {
    // Raw stdio, not the SDK client: the client drops a notification that arrives in the same read
    // as its request's answer (it forgets the token on the answer first), which would hide the order.
    const raw = spawnRaw(["--demo"])
    try {
      await initialize(raw)
      const answer = await raw.request({
        id: 7,
        method: "tools/call",
        params: {
          name: "wait-for-dag-run",
          arguments: { environment_name: DEMO_ENVIRONMENT_2, dag_id: ORDERS_DAG, dag_run_id: DEMO_MANUAL_RUN },
          _meta: { progressToken: "wait-1" }
        }
      })
      expect(answer.result.isError).toBe(false)
      expect(answer.result.structuredContent).toMatchObject({ terminal: true, timed_out: false, polls: 1, dag_run: { state: "failed" } })
      expect(answer.result.structuredContent.hint).toMatch(/diagnose-dag-run/)
      expect(answer.result.content[0].text.split("\n")[0]).toContain("ended failed")
      const lines = raw.lines().map((l) => l.json)
      const progress = lines.filter((m) => m?.method === "notifications/progress")
      expect(progress).toEqual([
        {
          jsonrpc: "2.0",
          method: "notifications/progress",
          // Seconds on the real clock: a loaded machine can take some before the first poll answers.
          params: {
            progressToken: "wait-1",
            progress: 0,
            total: 300,
            message: expect.stringMatching(new RegExp(`^run ${DEMO_MANUAL_RUN.replace(/[.+]/g, "\\$&")} is failed after \\d+s$`))
          }
        }
      ])
      expect(lines.indexOf(progress[0])).toBeLessThan(lines.findIndex((m) => m?.id === 7))
    } finally {
      await raw.close()
    }
  })

  it("sends growing progress while a queued run does not finish, then answers timed_out (not an error)", async () => {
    const run = await ok(session, "trigger-dag-run", {
      environment_name: DEMO_ENVIRONMENT_3,
      dag_id: FX_DAG,
      dag_run_id: "stdio_wait_probe"
    })
    expect(run.state).toBe("queued")
    const { structured, progress } = await withProgress("wait-for-dag-run", {
      environment_name: DEMO_ENVIRONMENT_3,
      dag_id: FX_DAG,
      dag_run_id: "stdio_wait_probe",
      timeout_seconds: 3,
      poll_interval_seconds: 2
    })
    expect(structured).toMatchObject({ terminal: false, timed_out: true, dag_run: { dag_run_id: "stdio_wait_probe", state: "queued" } })
    expect(structured.hint).toMatch(/wait-for-dag-run again/)
    // Polls at 0 s, 2 s and at the 3 s deadline (fewer only on a machine so slow a poll takes a second).
    // The SDK client may drop the last notification, which arrives with the answer (see above).
    expect(structured.polls).toBeGreaterThanOrEqual(2)
    expect(progress.length).toBeGreaterThanOrEqual(2)
    expect(progress.length).toBeLessThanOrEqual(structured.polls)
    const values = progress.map((p) => p.progress)
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]!)
    expect(values[0]).toBeGreaterThanOrEqual(0)
    expect(values.at(-1)).toBeLessThanOrEqual(3)
    expect(structured.waited_seconds).toBeGreaterThanOrEqual(3)
    for (const p of progress) {
      expect(p.total).toBe(3)
      expect(p.message).toMatch(/^run stdio_wait_probe is queued after \d+s$/)
    }
  }, 30_000)
})
