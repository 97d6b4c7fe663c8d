/**
 * End-to-end over real stdio: which environment a call acts on when it names none. The demo has
 * two, so without MWAA_ENVIRONMENT the server must ask; with it (or --environment) it uses that
 * one. Uses the BUILT server (the bundle dist/bin/mwaa-mcp-server.mjs): run `npm run build` first (`npm test` does).
 * connectStdio strips any inherited MWAA_ENVIRONMENT and AWS_* variables from the child.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3, ORDERS_DAG } from "../../../src/adapters/fake-mwaa/index.js"
import { connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { fails, ok, tempCallLog } from "./stdio-helpers.js"

describe("no environment_name, no MWAA_ENVIRONMENT, two environments", () => {
  const log = tempCallLog()
  let session: StdioSession
  beforeAll(async () => {
    session = await connectStdio(["--demo"], { MWAA_MCP_FAKE_CALL_LOG: log.path })
  })
  afterAll(async () => {
    await session?.close()
    log.remove()
  })

  it("a read tool answers with an error that lists every environment to choose from", async () => {
    const envs = await ok(session, "list-environments")
    expect(envs.default_environment).toBeNull()
    expect(envs.environments.length).toBeGreaterThan(1)
    for (const [tool, args] of [
      ["get-environment", {}],
      ["list-dags", { limit: 1 }],
      ["get-dag", { dag_id: ORDERS_DAG }]
    ] as const) {
      const mark = log.mark()
      const text = await fails(session, tool, args)
      for (const name of envs.environments) expect(text, tool).toContain(name)
      expect(text).toMatch(/environment_name/)
      expect(text).toContain("MWAA_ENVIRONMENT")
      // It asked MWAA which environments exist, and went no further.
      expect(log.since(mark).map((c) => c.api)).toEqual(["ListEnvironments"])
    }
  })

  it("an explicit environment_name still works", async () => {
    expect((await ok(session, "get-environment", { environment_name: DEMO_ENVIRONMENT_3 })).name).toBe(DEMO_ENVIRONMENT_3)
  })
})

describe("MWAA_ENVIRONMENT=demo-airflow-3", () => {
  let session: StdioSession
  beforeAll(async () => {
    session = await connectStdio(["--demo"], { MWAA_ENVIRONMENT: DEMO_ENVIRONMENT_3 })
  })
  afterAll(async () => {
    await session?.close()
  })

  it("uses it when the call names no environment", async () => {
    const env = await ok(session, "get-environment")
    expect(env.name).toBe(DEMO_ENVIRONMENT_3)
    expect(env.airflow_version).toMatch(/^3\./)
    const envs = await ok(session, "list-environments")
    expect(envs.default_environment).toBe(DEMO_ENVIRONMENT_3)
    // Airflow calls without environment_name go to the same environment as explicit ones.
    const runs = await ok(session, "list-dag-runs", { dag_id: ORDERS_DAG, limit: 1 })
    const explicit = await ok(session, "list-dag-runs", { environment_name: DEMO_ENVIRONMENT_3, dag_id: ORDERS_DAG, limit: 1 })
    expect(runs).toEqual(explicit)
  })

  it("an explicit environment_name wins over it", async () => {
    expect((await ok(session, "get-environment", { environment_name: DEMO_ENVIRONMENT_2 })).name).toBe(DEMO_ENVIRONMENT_2)
  })
})

describe("--environment flag", () => {
  let session: StdioSession
  beforeAll(async () => {
    session = await connectStdio(["--demo", "--environment", DEMO_ENVIRONMENT_2], { MWAA_ENVIRONMENT: DEMO_ENVIRONMENT_3 })
  })
  afterAll(async () => {
    await session?.close()
  })

  it("takes precedence over MWAA_ENVIRONMENT", async () => {
    expect((await ok(session, "get-environment")).name).toBe(DEMO_ENVIRONMENT_2)
    expect((await ok(session, "list-environments")).default_environment).toBe(DEMO_ENVIRONMENT_2)
  })
})
