import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Effect, ManagedRuntime, Option } from "effect"
import type { ProgressUpdate, ToolHost } from "../../../src/ports/ToolHost.js"
import { DEMO_ENVIRONMENT_3, DEMO_MANUAL_RUN, demoSeed, FakeMwaa, ORDERS_DAG } from "../../../src/adapters/fake-mwaa/index.js"
import { catalogue } from "../../../src/app/catalogue.js"
import { instructions } from "../../../src/app/instructions.js"
import { prompts } from "../../../src/app/prompts.js"
import { makeToolHost } from "../../../src/app/tool-host.js"
import { fakeToolServices } from "../../support/test-layer.js"

/**
 * The tool host gives each call the transport's progress reporter as the Progress port, and
 * runs it with the request's abort signal: wait-for-dag-run reports through it and stops when
 * the client cancels. Live clock, but no assertion depends on how long anything takes.
 */

const RUNNING = "manual__2026-11-25T09:00:00+00:00"
let host: ToolHost
let runtime: ManagedRuntime.ManagedRuntime<any, any>

beforeAll(() => {
  const demo = demoSeed()
  const seed = {
    ...demo,
    environments: demo.environments.map((env) => ({
      ...env,
      dagRuns: [
        ...(env.dagRuns ?? []),
        { dagId: ORDERS_DAG, runId: RUNNING, runType: "manual" as const, state: "running", logicalDate: "2026-11-25T09:00:00+00:00" }
      ]
    }))
  }
  runtime = ManagedRuntime.make(fakeToolServices(seed, { defaultEnvironment: Option.some(DEMO_ENVIRONMENT_3) }))
  host = makeToolHost(runtime, { tools: catalogue, prompts, instructions: instructions(false), version: "test" })
})
afterAll(() => runtime.dispose())

describe("progress and cancellation through the tool host", () => {
  it("passes wait-for-dag-run's progress to the transport's reporter", async () => {
    const updates: Array<ProgressUpdate> = []
    const result = await host.callTool(
      "wait-for-dag-run",
      { dag_id: ORDERS_DAG, dag_run_id: DEMO_MANUAL_RUN },
      {
        signal: new AbortController().signal,
        reportProgress: async (u) => void updates.push(u)
      }
    )
    expect(result.isError, result.text).toBe(false)
    expect(result.structuredContent).toMatchObject({ terminal: true, timed_out: false, polls: 1, dag_run: { state: "failed" } })
    // Seconds on the real clock: a loaded machine can take one before the first poll answers.
    expect(updates).toEqual([
      {
        progress: 0,
        total: 300,
        message: expect.stringMatching(new RegExp(`^run ${DEMO_MANUAL_RUN.replace(/[.+]/g, "\\$&")} is failed after [01]s$`))
      }
    ])
  })

  it("answers the same without a reporter, and a reporter that throws does not fail the call", async () => {
    const args = { dag_id: ORDERS_DAG, dag_run_id: DEMO_MANUAL_RUN, timeout_seconds: "30" }
    const plain = await host.callTool("wait-for-dag-run", args, { signal: new AbortController().signal })
    expect(plain.isError, plain.text).toBe(false)
    const broken = await host.callTool("wait-for-dag-run", args, {
      signal: new AbortController().signal,
      reportProgress: () => Promise.reject(new Error("connection gone"))
    })
    expect(broken.isError, broken.text).toBe(false)
    expect(broken.structuredContent).toEqual(plain.structuredContent)
  })

  it("stops polling when the client cancels: the call answers 'cancelled' and no more polls reach MWAA", async () => {
    await runtime.runPromise(Effect.flatMap(FakeMwaa, (f) => f.clearCalls))
    const controller = new AbortController()
    let reports = 0
    // Cancelled as soon as the first poll is reported: the next poll would come 5 s later.
    const answer = await host.callTool(
      "wait-for-dag-run",
      { dag_id: ORDERS_DAG, dag_run_id: RUNNING, timeout_seconds: 900 },
      {
        signal: controller.signal,
        reportProgress: async () => {
          reports++
          controller.abort()
        }
      }
    )
    expect(answer).toMatchObject({ isError: true, text: "wait-for-dag-run was cancelled." })
    expect(reports).toBe(1)
    // An interrupted call has ended (the host answers only then): the one poll made is the last.
    const polls = await runtime.runPromise(
      Effect.map(
        Effect.flatMap(FakeMwaa, (f) => f.calls),
        (calls) => calls.filter((c) => c.api === "InvokeRestApi")
      )
    )
    expect(polls).toHaveLength(1)
  })

  it("refuses bad arguments naming the field", async () => {
    const answer = await host.callTool(
      "wait-for-dag-run",
      { dag_id: ORDERS_DAG, dag_run_id: RUNNING, timeout_seconds: 901, poll_interval_seconds: 1 },
      {
        signal: new AbortController().signal
      }
    )
    expect(answer.isError).toBe(true)
    expect(answer.text).toContain("timeout_seconds: timeout_seconds must be an integer from 1 to 900")
    expect(answer.text).toContain("poll_interval_seconds: poll_interval_seconds must be an integer from 2 to 60")
  })
})
