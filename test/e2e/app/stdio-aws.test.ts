import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3, DASHBOARD_DAG } from "../../../src/adapters/fake-mwaa/index.js"
import { startHttpFake } from "../../support/http-fake/index.js"
import type { HttpFake } from "../../support/http-fake/index.js"
import { LONG_DAG, LONG_RUN, LONG_TASK, LONG_TASK_ERROR, longIdsSeed } from "../../support/long-ids-seed.js"
import { awsModeEnv, connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { fails, ok, READ_TOOLS, WRITE_TOOLS } from "./stdio-helpers.js"

/**
 * The built bin (dist/, built by `npm test`) without --demo: the real AWS SDK gateway, pointed
 * at the loopback HTTP fake by AWS_ENDPOINT_URL, with dummy credentials. What real MWAA would
 * refuse — an unsigned request, the wrong signing service, a Path over 64 — shows in its log.
 */

let fake: HttpFake
let session: StdioSession

beforeAll(async () => {
  fake = await startHttpFake({ seed: longIdsSeed() })
  session = await connectStdio([], awsModeEnv(fake.url))
})
afterAll(async () => {
  await session?.close()
  await fake?.close()
})

describe.each([DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3])("AWS gateway over the HTTP fake on %s", (environment_name) => {
  it("serves a scheduled run with 40-character DAG and task ids: run, task instances, task, log", async () => {
    expect(LONG_DAG).toHaveLength(40)
    expect(LONG_TASK).toHaveLength(40)
    const runs = await ok(session, "list-dag-runs", { environment_name, dag_id: LONG_DAG, state: ["failed"] })
    expect(runs.dag_runs.map((r: { dag_run_id: string }) => r.dag_run_id)).toContain(LONG_RUN)
    const ids = { environment_name, dag_id: LONG_DAG, dag_run_id: LONG_RUN }
    expect((await ok(session, "get-dag-run", ids)).state).toBe("failed")
    expect((await ok(session, "wait-for-dag-run", ids)).dag_run.state).toBe("failed")
    const tis = await ok(session, "list-task-instances", ids)
    expect(tis.task_instances.find((t: { task_id: string }) => t.task_id === LONG_TASK)?.state).toBe("failed")
    const ti = await ok(session, "get-task-instance", { ...ids, task_id: LONG_TASK })
    expect(ti).toMatchObject({ task_id: LONG_TASK, state: "failed", try_number: 2 })
    const log = await ok(session, "get-task-logs", { ...ids, task_id: LONG_TASK })
    expect(log).toMatchObject({ source: "cloudwatch", try_number: 2 })
    expect(log.lines).toContain(LONG_TASK_ERROR)
    expect((await ok(session, "get-dag-source", { environment_name, dag_id: LONG_DAG })).content).toContain(LONG_DAG)
  })

  it("answers every other read tool", async () => {
    for (const tool of READ_TOOLS.filter(
      (t: string) =>
        ![
          "get-dag-run",
          "wait-for-dag-run",
          "list-task-instances",
          "get-task-instance",
          "get-task-logs",
          "get-dag-source",
          "list-dag-runs",
          // Airflow 3.1+: stdio-approvals.test.ts.
          "list-pending-approvals",
          // Its paths carry all three ids and need the webserver route, which this file leaves out: stdio-xcom.test.ts.
          "get-xcom"
        ].includes(t)
    )) {
      const args =
        tool === "list-environments" || tool === "get-fleet-health"
          ? {}
          : tool === "get-dag" || tool === "diagnose-dag-run"
            ? { environment_name, dag_id: LONG_DAG }
            : tool === "list-asset-events"
              ? { environment_name, dag_id: DASHBOARD_DAG }
              : { environment_name }
      await ok(session, tool, args)
    }
  })

  it("refuses every write tool without --allow-write, and nothing reaches the fake", async () => {
    const before = fake.requests().length
    for (const tool of WRITE_TOOLS) expect(await fails(session, tool, { environment_name, dag_id: LONG_DAG })).toContain("--allow-write")
    expect(fake.requests().length).toBe(before)
  })
})

describe("what the wire saw", () => {
  it("every request signed for its service and region, with our user agent, no Path over 64, all three services used", () => {
    const all = fake.requests()
    // get-task-instance's tries of the 40-character DAG's task pass 64 characters: the webserver carries them.
    // list-environments lists the region's MWAA Serverless workflows beside its environments.
    expect(new Set(all.map((r) => r.service))).toEqual(new Set(["airflow", "airflow-serverless", "logs", "s3", "webserver"]))
    // The webserver takes no SigV4 (a web login token, then a session): the rest is signed.
    const requests = all.filter((r) => r.service !== "webserver")
    for (const r of requests) {
      expect(r.signingService, `${r.httpMethod} ${r.httpPath}`).toBe(r.service)
      expect(r.region).toBe("us-east-1")
      if (r.operation === "InvokeRestApi") expect(r.path!.length).toBeLessThanOrEqual(64)
      // AWS-side logs (CloudTrail's userAgent) show which tool called, and which version of it.
      expect(r.userAgent, `${r.httpMethod} ${r.httpPath}`).toMatch(/mwaa-mcp-server\/\d+\.\d+\.\d+/)
    }
  })
})

describe("throttling", () => {
  it("retries through two ThrottlingExceptions, and fails clearly, naming the attempts, when it never ends", async () => {
    fake.throttleNext(2)
    const before = fake.requests().length
    await ok(session, "list-dags", { environment_name: DEMO_ENVIRONMENT_2 })
    const invoked = fake
      .requests()
      .slice(before)
      .filter((r) => r.operation === "InvokeRestApi")
    expect(invoked.map((r) => r.status)).toEqual([429, 429, 200])

    fake.throttleAlways()
    const message = await fails(session, "list-dags", { environment_name: DEMO_ENVIRONMENT_2 })
    fake.reset()
    expect(message).toMatch(/Throttled/)
    expect(message).toMatch(/after 5 attempts/)
  })
})

describe("transient faults", () => {
  it("retries a read through a reset connection, an HTML 502 page and an Airflow 503; reports a malformed answer clearly", async () => {
    const environment_name = DEMO_ENVIRONMENT_3
    fake.resetConnectionNext()
    await ok(session, "list-dags", { environment_name })
    fake.htmlNext()
    await ok(session, "list-dags", { environment_name })
    fake.failNext(1, { status: 503 })
    await ok(session, "list-dags", { environment_name })
    fake.malformedNext()
    const message = await fails(session, "list-dags", { environment_name })
    fake.reset()
    expect(message).toContain("list-dags failed in environment demo-airflow-3")
    // The server is still alive and well.
    await ok(session, "list-dags", { environment_name })
  })
})
