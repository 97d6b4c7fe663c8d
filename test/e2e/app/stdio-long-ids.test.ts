import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3 } from "../../../src/adapters/fake-mwaa/index.js"
import { MAX_PATH_LENGTH } from "../../../src/domain/paths.js"
import { startHttpFake } from "../../support/http-fake/index.js"
import type { HttpFake } from "../../support/http-fake/index.js"
import { awsModeEnv, connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { idsOf, seedWith } from "../../support/very-long-ids-seed.js"
import { callTool, type ToolAnswer } from "./stdio-helpers.js"

/**
 * Issue 12 as a user meets it: the built bin (`npm run build` first) with --allow-write and the
 * real AWS SDK gateway, pointed at the loopback HTTP fake (AWS_ENDPOINT_URL, which the webserver
 * route follows too), runs every tool that takes an id with DAG, run and task ids of Airflow's
 * maximum 250 characters on Airflow 2 and 3. InvokeRestApi carries the paths that fit 64
 * characters, the webserver session the others; no web token, session cookie or JWT shows in any
 * answer or on stderr (debug logs included), even across a forced re-login.
 */

const ids = idsOf(250)
let fake: HttpFake
let session: StdioSession
const answers: Array<ToolAnswer> = []

beforeAll(async () => {
  fake = await startHttpFake({ seed: seedWith(250) })
  session = await connectStdio(["--allow-write", "--log-level", "debug"], awsModeEnv(fake.url))
})
afterAll(async () => {
  await session?.close()
  await fake?.close()
})

const ok = async (name: string, args: Record<string, unknown>) => {
  const answer = await callTool(session, name, args)
  answers.push(answer)
  expect(answer.isError, `${name} failed: ${answer.text.slice(0, 600)}`).toBe(false)
  return answer.structured
}

describe.each([DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3])(
  "250-character ids over stdio, AWS gateway, HTTP fake on %s",
  (environment_name) => {
    const dagArgs = { environment_name, dag_id: ids.dag }
    const runArgs = { ...dagArgs, dag_run_id: ids.run }

    it("every tool that takes an id succeeds", async () => {
      expect([ids.dag, ids.run, ids.task].map((s) => s.length)).toEqual([250, 250, 250])
      fake.clearRequests()
      expect((await ok("get-dag", dagArgs)).dag_id).toBe(ids.dag)
      expect((await ok("get-dag-source", dagArgs)).content).toContain(ids.dag)
      expect((await ok("pause-dag", dagArgs)).is_paused).toBe(true)
      expect((await ok("unpause-dag", dagArgs)).is_paused).toBe(false)
      expect((await ok("list-dag-runs", dagArgs)).dag_runs.map((r: { dag_run_id: string }) => r.dag_run_id)).toContain(ids.run)
      expect((await ok("get-dag-run", runArgs)).state).toBe("failed")
      expect((await ok("wait-for-dag-run", runArgs)).dag_run.state).toBe("failed")
      expect((await ok("list-task-instances", runArgs)).task_instances).toHaveLength(2)
      expect((await ok("get-task-instance", { ...runArgs, task_id: ids.task })).state).toBe("failed")
      // Its CloudWatch stream name would be over 512 characters: the log is read from Airflow, through the webserver.
      const log = await ok("get-task-logs", { ...runArgs, task_id: ids.task })
      expect(log.source).toBe("rest")
      expect(log.lines.join("\n")).toContain("ValueError: the long ids failed")
      expect((await ok("diagnose-dag-run", runArgs)).failed_tasks.map((t: { task_id: string }) => t.task_id)).toContain(ids.task)
      // The webserver forgets its sessions: the next call logs in again, once, and goes on.
      fake.expireWebSessions()
      const triggered = await ok("trigger-dag-run", { ...dagArgs, dag_run_id: ids.newRun, conf: { k: 1 } })
      expect(triggered.dag_run_id).toBe(ids.newRun)
      expect((await ok("get-dag-run", { ...dagArgs, dag_run_id: ids.newRun })).dag_run_id).toBe(ids.newRun)
      expect((await ok("clear-task-instances", runArgs)).count).toBeGreaterThan(0)
      expect((await ok("clear-task-instances", { ...runArgs, task_ids: [ids.task], dry_run: false })).dry_run).toBe(false)

      const airflow = fake.requests().filter((r) => r.operation === "InvokeRestApi" || r.operation === "AirflowWebserver")
      for (const r of airflow) {
        if (r.operation === "InvokeRestApi") expect(r.path.length, r.path).toBeLessThanOrEqual(MAX_PATH_LENGTH)
        else expect(r.path.length, r.path).toBeGreaterThan(MAX_PATH_LENGTH)
      }
      expect(airflow.filter((r) => r.operation === "AirflowWebserver").length).toBeGreaterThan(5)
      expect(fake.requests().filter((r) => r.operation === "CreateWebLoginToken").length).toBe(2)
    })
  }
)

describe("credentials", () => {
  it("no web token, session cookie or JWT in any answer or on stderr", () => {
    const issued = fake.issuedCredentials()
    expect(issued.length).toBeGreaterThanOrEqual(4)
    const seen = [...answers.map((a) => a.text + JSON.stringify(a.structured)), session.stderr()].join("\n")
    expect(session.stderr()).toContain("Logged in to the webserver")
    for (const secret of issued) expect(seen).not.toContain(secret)
  })
})
