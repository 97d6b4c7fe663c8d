/**
 * End-to-end over real stdio: without --allow-write, every write tool refuses, names the flag, and
 * nothing reaches the fake MWAA (checked in the call log the fake appends to, MWAA_MCP_FAKE_CALL_LOG).
 * Uses the BUILT server (the bundle dist/bin/mwaa-mcp-server.mjs): run `npm run build` first (`npm test` does).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3, FX_DAG } from "../../../src/adapters/fake-mwaa/index.js"
import { connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { callTool, ok, tempCallLog, WRITE_TOOLS } from "./stdio-helpers.js"
import { EVENTS_RUNNING_RUN } from "../../../src/adapters/fake-mwaa-serverless/index.js"

const log = tempCallLog()
let session: StdioSession

beforeAll(async () => {
  session = await connectStdio(["--demo"], { MWAA_MCP_FAKE_CALL_LOG: log.path })
  await session.client.listTools()
})
afterAll(async () => {
  await session?.close()
  log.remove()
})

/** Valid arguments for every write tool: were the server writable, each would succeed. */
const validWrites = (environment_name: string): ReadonlyArray<readonly [(typeof WRITE_TOOLS)[number], Record<string, unknown>]> => [
  [
    "create-environment",
    {
      environment_name: "e2e-read-only-env",
      execution_role_arn: "arn:aws:iam::123456789012:role/e2e",
      source_bucket_arn: "arn:aws:s3:::e2e-bucket",
      dag_s3_path: "dags",
      network_configuration: { subnet_ids: ["subnet-1", "subnet-2"], security_group_ids: ["sg-1"] }
    }
  ],
  ["update-environment", { environment_name, max_workers: 3 }],
  ["delete-environment", { environment_name }],
  ["pause-dag", { environment_name, dag_id: FX_DAG }],
  ["unpause-dag", { environment_name, dag_id: FX_DAG }],
  ["trigger-dag-run", { environment_name, dag_id: FX_DAG, conf: { reason: "e2e" } }],
  ["clear-task-instances", { environment_name, dag_id: FX_DAG, dry_run: true }],
  // --demo runs Airflow 2.10 and 3.0: refused for the flag first, before the version is looked at.
  ["respond-to-approval", { environment_name, dag_id: FX_DAG, dag_run_id: "r", task_id: "fetch_rates", chosen_options: ["Approve"] }],
  // The demo's MWAA Serverless workflows: refused before the name is looked up.
  ["start-workflow-run", { workflow: "payouts-nightly", override_parameters: { day: "2026-11-25" }, client_token: "e2e-read-only" }],
  ["stop-workflow-run", { workflow: "events-hourly", run_id: EVENTS_RUNNING_RUN, confirm_run_id: EVENTS_RUNNING_RUN }]
]

describe("read-only by default", () => {
  it("the call log is live: a read call shows up in it", async () => {
    const mark = log.mark()
    await ok(session, "get-dag", { environment_name: DEMO_ENVIRONMENT_2, dag_id: FX_DAG })
    const calls = log.since(mark)
    expect(calls.some((c) => c.api === "InvokeRestApi" && c.path === `/dags/${FX_DAG}`)).toBe(true)
  })

  it("covers all 10 write tools", () => {
    expect(
      validWrites(DEMO_ENVIRONMENT_2)
        .map(([name]) => name)
        .sort()
    ).toEqual([...WRITE_TOOLS].sort())
  })

  for (const environment_name of [DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3]) {
    for (const [name, args] of validWrites(environment_name)) {
      it(`${name} on ${environment_name} refuses, naming --allow-write, and sends nothing`, async () => {
        const mark = log.mark()
        const answer = await callTool(session, name, args)
        expect(answer.isError).toBe(true)
        expect(answer.text).toContain("--allow-write")
        expect(answer.text).toContain(name)
        expect(answer.structured).toBeUndefined()
        expect(log.since(mark)).toEqual([])
      })
    }
  }

  it("refuses before resolving the environment (no ListEnvironments) and before checking arguments", async () => {
    const mark = log.mark()
    const withoutEnvironment = await callTool(session, "pause-dag", { dag_id: FX_DAG })
    expect(withoutEnvironment.isError).toBe(true)
    expect(withoutEnvironment.text).toContain("--allow-write")
    const badArguments = await callTool(session, "trigger-dag-run", { dag_id: "../x", limit: "abc" })
    expect(badArguments.isError).toBe(true)
    expect(badArguments.text).toContain("--allow-write")
    expect(log.since(mark)).toEqual([])
  })

  it("changed nothing: the DAG, the environments and the runs read back as before", async () => {
    const envs = await ok(session, "list-environments")
    expect(envs.environments).toEqual([DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3])
    for (const environment_name of [DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3]) {
      const env = await ok(session, "get-environment", { environment_name })
      expect(env.status).toBe("AVAILABLE")
      expect(env.max_workers).not.toBe(3)
      const dag = await ok(session, "get-dag", { environment_name, dag_id: FX_DAG })
      expect(dag.is_paused).toBe(false)
      const runs = await ok(session, "list-dag-runs", { environment_name, dag_id: FX_DAG })
      expect(runs.dag_runs.filter((r: { run_type: string }) => r.run_type === "manual")).toEqual([])
      const failed = await ok(session, "list-dag-runs", { environment_name, dag_id: FX_DAG, state: "failed" })
      expect(failed.dag_runs.length).toBeGreaterThan(0)
    }
    // And no write API ever reached the fake during this whole file.
    const writes = log
      .all()
      .filter(
        (c) =>
          ["CreateEnvironment", "UpdateEnvironment", "DeleteEnvironment"].includes(c.api) ||
          (c.api === "InvokeRestApi" && c.method !== "GET" && !/\/list$/.test(c.path ?? ""))
      )
    expect(writes).toEqual([])
  })
})
