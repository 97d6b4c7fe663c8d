import { afterAll, describe, expect, it } from "vitest"
import { Effect, ManagedRuntime } from "effect"
import { DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3, demoSeed, ORDERS_DAG } from "../../../src/adapters/fake-mwaa/index.js"
import { catalogue } from "../../../src/app/catalogue.js"
import { instructions } from "../../../src/app/instructions.js"
import { prompts } from "../../../src/app/prompts.js"
import { makeToolHost } from "../../../src/app/tool-host.js"
import type { RestRequest } from "../../../src/ports/AirflowApi.js"
import { fakeToolServicesWrappingAirflow } from "../../support/test-layer.js"

/**
 * An Airflow answer its Schema rejects reaches the assistant as UnexpectedAnswer naming the field,
 * through the tool, never as a crash or as silently empty data. The demo fake answers everything
 * but the calls `malformed` replaces, at the AirflowApi port.
 */

let malformed: (request: RestRequest) => unknown = () => undefined

const layer = fakeToolServicesWrappingAirflow(demoSeed(), { maxRequestsPerSecond: 1000 }, (api) => ({
  send: (route, request) => {
    const body = malformed(request)
    return body === undefined ? api.send(route, request) : Effect.succeed({ status: 200, body })
  }
}))
const runtime = ManagedRuntime.make(layer)
const host = makeToolHost(runtime, { tools: catalogue, prompts, instructions: instructions(false), version: "test" })
afterAll(() => runtime.dispose())

const call = (name: string, args: Record<string, unknown>, answer: (request: RestRequest) => unknown) => {
  malformed = answer
  return host.callTool(name, args, { signal: new AbortController().signal })
}

describe("an answer in a shape its Schema rejects", () => {
  it("list-dags: a dag_id of another type is named, with the operation", async () => {
    const result = await call("list-dags", { environment_name: DEMO_ENVIRONMENT_2 }, (r) =>
      r.path === "/dags" ? { dags: [{ dag_id: 42 }], total_entries: 1 } : undefined
    )
    expect(result.isError).toBe(true)
    expect(result.text).toContain(`list-dags failed in environment ${DEMO_ENVIRONMENT_2}: UnexpectedAnswer [InvokeRestApi GET /dags]`)
    expect(result.text).toContain("field: dags.0.dag_id")
    expect(result.text).toMatch(/expected: Expected string, actual 42/)
  })

  it("list-dags: a list that is not there is an error, not an empty page", async () => {
    const result = await call("list-dags", { environment_name: DEMO_ENVIRONMENT_3 }, (r) => (r.path === "/dags" ? {} : undefined))
    expect(result.isError).toBe(true)
    expect(result.text).toContain("field: dags")
  })

  it("list-dag-runs: a run without its id names dag_run_id", async () => {
    const result = await call("list-dag-runs", { environment_name: DEMO_ENVIRONMENT_3, dag_id: ORDERS_DAG }, (r) =>
      r.path.includes("dagRuns") ? { dag_runs: [{ dag_id: ORDERS_DAG, state: "failed" }], total_entries: 1 } : undefined
    )
    expect(result.isError).toBe(true)
    expect(result.text).toContain("UnexpectedAnswer")
    expect(result.text).toContain("field: dag_runs.0.dag_run_id")
    expect(result.text).toContain("is missing")
  })

  it("list-connections: a port sent as text is named", async () => {
    const result = await call("list-connections", { environment_name: DEMO_ENVIRONMENT_2 }, (r) =>
      r.path === "/connections" ? { connections: [{ connection_id: "warehouse", port: "5432" }], total_entries: 1 } : undefined
    )
    expect(result.isError).toBe(true)
    expect(result.text).toContain("field: connections.0.port")
  })

  it("an answer nested 100,000 deep fails as UnexpectedAnswer, and the server answers on", async () => {
    let deep: unknown = []
    for (let i = 0; i < 100_000; i++) deep = [deep]
    const result = await call("list-dags", { environment_name: DEMO_ENVIRONMENT_2 }, (r) =>
      r.path === "/dags" ? { dags: [deep] } : undefined
    )
    expect(result.isError).toBe(true)
    expect(result.text).toContain("UnexpectedAnswer")
    expect(result.text).toContain("dags.0")
    const after = await call("list-dags", { environment_name: DEMO_ENVIRONMENT_2 }, () => undefined)
    expect(after.isError).toBe(false)
  })

  it("get-environment-health: a health answer of another shape is a finding, not a failure of the whole check", async () => {
    const result = await call("get-environment-health", { environment_name: DEMO_ENVIRONMENT_3 }, (r) =>
      r.path === "/monitor/health" ? { scheduler: "healthy" } : undefined
    )
    expect(result.isError).toBe(false)
    expect(JSON.stringify(result.structuredContent)).toContain("answered in an unexpected shape at scheduler")
  })
})
