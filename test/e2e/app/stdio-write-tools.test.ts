/**
 * End-to-end over real stdio with --allow-write: every write tool changes the fake MWAA's state,
 * and the read tools see the change. The fake's call log (MWAA_MCP_FAKE_CALL_LOG) shows what was
 * sent. Uses the BUILT server (the bundle dist/bin/mwaa-mcp-server.mjs): run `npm run build` first (`npm test` does).
 * One server for the file; the tests run in order and build on each other's changes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3, ORDERS_DAG } from "../../../src/adapters/fake-mwaa/index.js"
import { initialize, spawnRaw } from "../../support/raw-stdio.js"
import { connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { callTool, fails, type Json, ok, tempCallLog } from "./stdio-helpers.js"

const log = tempCallLog()
let session: StdioSession

beforeAll(async () => {
  session = await connectStdio(["--demo", "--allow-write"], { MWAA_MCP_FAKE_CALL_LOG: log.path })
  await session.client.listTools()
})
afterAll(async () => {
  await session?.close()
  log.remove()
})

const MAX_PATH = 64

it("tells the assistant that writes are enabled and clearing starts with a dry run", () => {
  const instructions = session.client.getInstructions() ?? ""
  expect(instructions).toContain("--allow-write")
  expect(instructions).toMatch(/writes are enabled/i)
  expect(instructions).toContain("dry_run")
})

describe.each([
  { environment_name: DEMO_ENVIRONMENT_2, major: 2 as const },
  { environment_name: DEMO_ENVIRONMENT_3, major: 3 as const }
])("write tools on $environment_name", ({ environment_name, major }) => {
  it("pause-dag then unpause-dag: get-dag and list-dags read the change back", async () => {
    const active = await ok(session, "list-dags", { environment_name, paused: false })
    const dag_id: string = active.dags[0].dag_id
    expect(active.dags[0].is_paused).toBe(false)

    const mark = log.mark()
    const paused = await callTool(session, "pause-dag", { environment_name, dag_id })
    expect(paused.isError, paused.text).toBe(false)
    expect(paused.structured.dag_id).toBe(dag_id)
    expect(paused.structured.is_paused).toBe(true)
    expect(paused.summary).toContain("paused")
    const patch = log.since(mark).find((c) => c.api === "InvokeRestApi" && c.method === "PATCH")
    expect(patch?.path).toBe(`/dags/${dag_id}`)
    expect(patch?.body).toEqual({ is_paused: true })

    expect((await ok(session, "get-dag", { environment_name, dag_id })).is_paused).toBe(true)
    const pausedList = await ok(session, "list-dags", { environment_name, paused: true })
    expect(pausedList.dags.map((d: Json) => d.dag_id)).toContain(dag_id)
    // Idempotent: pausing a paused DAG is no error and changes nothing.
    expect((await ok(session, "pause-dag", { environment_name, dag_id })).is_paused).toBe(true)

    const unpaused = await ok(session, "unpause-dag", { environment_name, dag_id })
    expect(unpaused.is_paused).toBe(false)
    expect((await ok(session, "get-dag", { environment_name, dag_id })).is_paused).toBe(false)
    const activeAgain = await ok(session, "list-dags", { environment_name, paused: false })
    expect(activeAgain.dags.map((d: Json) => d.dag_id)).toContain(dag_id)
  })

  it("trigger-dag-run on the 40-character DAG creates a run that get-dag-run and list-dag-runs find", async () => {
    expect(ORDERS_DAG).toHaveLength(40)
    const conf = { requested_by: "e2e", environment: environment_name }
    const mark = log.mark()
    const triggered = await callTool(session, "trigger-dag-run", { environment_name, dag_id: ORDERS_DAG, conf, note: "e2e trigger" })
    expect(triggered.isError, triggered.text).toBe(false)
    const run = triggered.structured
    expect(run.dag_id).toBe(ORDERS_DAG)
    expect(run.dag_run_id).toMatch(/^manual__\d{4}-\d{2}-\d{2}T/)
    expect(run.run_type).toBe("manual")
    expect(run.conf).toEqual(conf)
    expect(["queued", "running"]).toContain(run.state)
    expect(triggered.summary).toContain(run.dag_run_id)

    // What was sent: the generated run id, and a body this Airflow version accepts.
    const post = log.since(mark).find((c) => c.api === "InvokeRestApi" && c.method === "POST")
    expect(post?.path).toBe(`/dags/${ORDERS_DAG}/dagRuns`)
    expect(post?.body.dag_run_id).toBe(run.dag_run_id)
    expect(post?.body.conf).toEqual(conf)
    expect(
      Object.keys(post?.body ?? {}).every((k) =>
        ["dag_run_id", "logical_date", "conf", "note", "data_interval_start", "data_interval_end"].includes(k)
      )
    ).toBe(true)
    if (major === 3) {
      // Airflow 3 requires logical_date (nullable) and rejects execution_date.
      expect(post?.body).toHaveProperty("logical_date")
      expect(post?.body).not.toHaveProperty("execution_date")
    }

    // The run's own path is too long for MWAA, so get-dag-run has to find it through the list.
    expect(`/dags/${ORDERS_DAG}/dagRuns/${run.dag_run_id}`.length).toBeGreaterThan(MAX_PATH)
    const found = await ok(session, "get-dag-run", { environment_name, dag_id: ORDERS_DAG, dag_run_id: run.dag_run_id })
    expect(found).toEqual(run)
    const listed = await ok(session, "list-dag-runs", { environment_name, dag_id: ORDERS_DAG, limit: 100, full: true })
    expect(listed.dag_runs.find((r: Json) => r.dag_run_id === run.dag_run_id)).toEqual(run)
  })

  it("trigger-dag-run with a given run id and logical date; the same run id again is a conflict", async () => {
    const dag_run_id = `e2e_explicit_${major}`
    const logical_date = "2026-11-25T08:00:00+00:00"
    const run = await ok(session, "trigger-dag-run", { environment_name, dag_id: ORDERS_DAG, dag_run_id, logical_date })
    expect(run.dag_run_id).toBe(dag_run_id)
    expect(Date.parse(run.logical_date)).toBe(Date.parse(logical_date))
    const found = await ok(session, "get-dag-run", { environment_name, dag_id: ORDERS_DAG, dag_run_id })
    expect(found.dag_run_id).toBe(dag_run_id)
    expect(Date.parse(found.logical_date)).toBe(Date.parse(logical_date))

    const again = await fails(session, "trigger-dag-run", { environment_name, dag_id: ORDERS_DAG, dag_run_id })
    expect(again).toContain("409")
    const runs = await ok(session, "list-dag-runs", { environment_name, dag_id: ORDERS_DAG, limit: 100 })
    expect(runs.dag_runs.filter((r: Json) => r.dag_run_id === dag_run_id)).toHaveLength(1)
  })

  it("clear-task-instances is a dry run by default, and clears with dry_run=false", async () => {
    // A failed run of a DAG whose clearing path fits MWAA's 64 characters.
    const failedRuns = await ok(session, "list-dag-runs", { environment_name, state: ["failed"], limit: 100 })
    const run = failedRuns.dag_runs.find((r: Json) => `/dags/${r.dag_id}/clearTaskInstances`.length <= MAX_PATH)
    expect(run, "a failed run of a DAG with a short enough id").toBeDefined()
    const { dag_id, dag_run_id } = run as { dag_id: string; dag_run_id: string }
    const failedTasks = await ok(session, "list-task-instances", { environment_name, dag_id, dag_run_id, state: ["failed"] })
    expect(failedTasks.task_instances.length).toBeGreaterThan(0)
    const task_id: string = failedTasks.task_instances[0].task_id

    let mark = log.mark()
    const dry = await callTool(session, "clear-task-instances", { environment_name, dag_id, dag_run_id })
    expect(dry.isError, dry.text).toBe(false)
    expect(dry.structured.dry_run).toBe(true)
    expect(dry.structured.only_failed).toBe(true)
    expect(dry.structured.count).toBe(dry.structured.task_instances.length)
    expect(dry.structured.task_instances.map((t: Json) => t.task_id)).toContain(task_id)
    for (const t of dry.structured.task_instances) {
      expect(t.dag_run_id).toBe(dag_run_id)
      // Airflow 2 answers references without state; the server reads the states back for a dry run.
      expect(["failed", "upstream_failed"]).toContain(t.state)
    }
    expect(dry.summary).toMatch(/dry run/i)
    expect(dry.summary).toContain("dry_run=false")
    const dryCall = log.since(mark).find((c) => c.api === "InvokeRestApi" && c.method === "POST")
    expect(dryCall?.path).toBe(`/dags/${dag_id}/clearTaskInstances`)
    expect(dryCall?.body).toMatchObject({ dry_run: true, only_failed: true, dag_run_id })

    // Nothing changed.
    expect((await ok(session, "get-task-instance", { environment_name, dag_id, dag_run_id, task_id })).state).toBe("failed")
    expect((await ok(session, "get-dag-run", { environment_name, dag_id, dag_run_id })).state).toBe("failed")

    mark = log.mark()
    const cleared = await ok(session, "clear-task-instances", { environment_name, dag_id, dag_run_id, dry_run: false })
    expect(cleared.dry_run).toBe(false)
    expect(cleared.task_instances.map((t: Json) => t.task_id).sort()).toEqual(
      dry.structured.task_instances.map((t: Json) => t.task_id).sort()
    )
    expect(log.since(mark).find((c) => c.api === "InvokeRestApi" && c.method === "POST")?.body).toMatchObject({ dry_run: false })

    const after = await ok(session, "get-task-instance", { environment_name, dag_id, dag_run_id, task_id })
    expect(after.state).not.toBe("failed")
    const stillFailed = await ok(session, "list-task-instances", {
      environment_name,
      dag_id,
      dag_run_id,
      state: ["failed", "upstream_failed"]
    })
    expect(stillFailed.task_instances).toEqual([])
    expect((await ok(session, "get-dag-run", { environment_name, dag_id, dag_run_id })).state).not.toBe("failed")
  })

  it("clear-task-instances on the 40-character DAG goes through the webserver: its path is over 64 characters", async () => {
    expect(ORDERS_DAG).toHaveLength(40)
    const clearPath = `/dags/${ORDERS_DAG}/clearTaskInstances`
    expect(clearPath.length).toBeGreaterThan(MAX_PATH)
    const runs = await ok(session, "list-dag-runs", { environment_name, dag_id: ORDERS_DAG, state: "failed", limit: 1 })
    const dag_run_id: string = runs.dag_runs[0].dag_run_id
    const mark = log.mark()
    const dry = await ok(session, "clear-task-instances", { environment_name, dag_id: ORDERS_DAG, dag_run_id })
    expect(dry.dry_run).toBe(true)
    expect(dry.count).toBeGreaterThan(0)
    const cleared = await ok(session, "clear-task-instances", { environment_name, dag_id: ORDERS_DAG, dag_run_id, dry_run: false })
    expect(cleared.dry_run).toBe(false)
    const sent = log.since(mark)
    const clears = sent.filter((c) => c.path === clearPath)
    expect(clears.map((c) => c.api)).toEqual(["AirflowWebserver", "AirflowWebserver"])
    expect(clears.map((c) => (c.body as Json).dry_run)).toEqual([true, false])
    // InvokeRestApi carried only what fits.
    for (const c of sent.filter((c) => c.api === "InvokeRestApi")) expect(c.path!.length).toBeLessThanOrEqual(MAX_PATH)
    const failedTasks = await ok(session, "list-task-instances", { environment_name, dag_id: ORDERS_DAG, dag_run_id, state: "failed" })
    expect(failedTasks.task_instances).toEqual([])
  })
})

describe("--airflow-route invoke", () => {
  it("clear-task-instances on the 40-character DAG fails up front, naming the 64-character limit and the setting", async () => {
    const invokeLog = tempCallLog()
    const invoke = await connectStdio(["--demo", "--allow-write", "--airflow-route", "invoke"], { MWAA_MCP_FAKE_CALL_LOG: invokeLog.path })
    try {
      const environment_name = DEMO_ENVIRONMENT_3
      const runs = await ok(invoke, "list-dag-runs", { environment_name, dag_id: ORDERS_DAG, state: "failed", limit: 1 })
      const dag_run_id: string = runs.dag_runs[0].dag_run_id
      for (const args of [{ dag_run_id }, { dag_run_id, dry_run: false }, {}]) {
        const mark = invokeLog.mark()
        const text = await fails(invoke, "clear-task-instances", { environment_name, dag_id: ORDERS_DAG, ...args })
        expect(text).toContain("at most 64")
        expect(text).toContain("--airflow-route auto")
        expect(text).toContain("MWAA_MCP_AIRFLOW_ROUTE=auto")
        // Nothing went to Airflow (at most the environment's version was looked up).
        expect(invokeLog.since(mark).filter((c) => c.api !== "GetEnvironment")).toEqual([])
      }
      expect(invokeLog.since(0).some((c) => c.api === "AirflowWebserver")).toBe(false)
    } finally {
      await invoke.close()
      invokeLog.remove()
    }
  })
})

describe("environment writes", () => {
  const created = "e2e-created-env"

  it("create-environment: list-environments and get-environment show the new environment", async () => {
    const before = await ok(session, "list-environments")
    expect(before.environments).not.toContain(created)
    const settings = {
      environment_name: created,
      airflow_version: "3.0.6",
      environment_class: "mw1.medium",
      execution_role_arn: "arn:aws:iam::123456789012:role/e2e-exec",
      source_bucket_arn: "arn:aws:s3:::e2e-dags-bucket",
      dag_s3_path: "dags",
      max_workers: "4",
      network_configuration: { subnet_ids: ["subnet-0a", "subnet-0b"], security_group_ids: ["sg-0c"] }
    }
    const mark = log.mark()
    const answer = await callTool(session, "create-environment", settings)
    expect(answer.isError, answer.text).toBe(false)
    expect(answer.structured.name).toBe(created)
    expect(answer.structured.status).toBe("CREATING")
    expect(answer.summary).toContain(created)
    const sent = log.since(mark).find((c) => c.api === "CreateEnvironment")
    expect(sent?.body).toMatchObject({
      Name: created,
      AirflowVersion: "3.0.6",
      EnvironmentClass: "mw1.medium",
      MaxWorkers: 4,
      NetworkConfiguration: { SubnetIds: ["subnet-0a", "subnet-0b"], SecurityGroupIds: ["sg-0c"] }
    })

    const after = await ok(session, "list-environments")
    expect(after.environments.sort()).toEqual([...before.environments, created].sort())
    const env = await ok(session, "get-environment", { environment_name: created })
    expect(env).toMatchObject({
      name: created,
      status: "CREATING",
      airflow_version: "3.0.6",
      environment_class: "mw1.medium",
      execution_role_arn: settings.execution_role_arn,
      source_bucket_arn: settings.source_bucket_arn,
      dag_s3_path: "dags",
      max_workers: 4
    })

    const duplicate = await fails(session, "create-environment", settings)
    expect(duplicate).toContain(created)
  })

  it("update-environment sends only the fields given; get-environment reads them back", async () => {
    const environment_name = DEMO_ENVIRONMENT_3
    const before = await ok(session, "get-environment", { environment_name })
    expect(before.max_workers).not.toBe(7)
    const mark = log.mark()
    const answer = await ok(session, "update-environment", { environment_name, max_workers: "7", environment_class: "mw1.large" })
    expect(answer.name).toBe(environment_name)
    expect(answer.status).toBe("UPDATING")
    const sent = log.since(mark).filter((c) => c.api === "UpdateEnvironment")
    expect(sent).toHaveLength(1)
    expect(sent[0]?.body).toEqual({ Name: environment_name, MaxWorkers: 7, EnvironmentClass: "mw1.large" })

    const after = await ok(session, "get-environment", { environment_name })
    expect(after.status).toBe("UPDATING")
    expect(after.max_workers).toBe(7)
    expect(after.environment_class).toBe("mw1.large")
    // Untouched settings stay as they were.
    expect(after.airflow_version).toBe(before.airflow_version)
    expect(after.min_workers).toBe(before.min_workers)
    expect(after.schedulers).toBe(before.schedulers)
  })

  it("delete-environment: refused unless confirm_environment_name repeats the name, then the environment goes away", async () => {
    const mark = log.mark()
    const unconfirmed = await fails(session, "delete-environment", { environment_name: created })
    expect(unconfirmed).toContain("confirm_environment_name")
    const mismatched = await fails(session, "delete-environment", { environment_name: created, confirm_environment_name: `${created}-x` })
    expect(mismatched).toContain("confirm_environment_name must equal environment_name")
    expect(log.since(mark).filter((c) => c.api === "DeleteEnvironment")).toEqual([])
    const answer = await ok(session, "delete-environment", { environment_name: created, confirm_environment_name: created })
    expect(answer.name).toBe(created)
    expect(answer.status).toBe("DELETING")
    const envs = await ok(session, "list-environments")
    const read = await callTool(session, "get-environment", { environment_name: created })
    // MWAA keeps a deleting environment visible (status DELETING) until it is gone.
    if (envs.environments.includes(created)) expect(read.structured?.status).toBe("DELETING")
    expect(read.isError ? read.text : read.structured.status).toMatch(/DELETING|not found/i)
    expect(envs.environments).toEqual(expect.arrayContaining([DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3]))

    const missing = await fails(session, "delete-environment", {
      environment_name: "e2e-no-such-env",
      confirm_environment_name: "e2e-no-such-env"
    })
    expect(missing).toContain("e2e-no-such-env")
  })
})

describe("audit lines on stderr", () => {
  const SECRET = "hunter2-stdio-secret"

  it("writes exactly one bounded line per write attempt, however deep or long the arguments, without secrets", async () => {
    // A raw child: the SDK client's own JSON.stringify cannot send 10,000 levels from a test's stack.
    const child = spawnRaw(["--demo", "--allow-write"])
    try {
      await initialize(child)
      const call = (id: number, args: string) =>
        `{"jsonrpc":"2.0","id":${id},"method":"tools/call","params":{"name":"trigger-dag-run","arguments":${args}}}`
      const env = `"environment_name":${JSON.stringify(DEMO_ENVIRONMENT_3)}`
      const attempts = [
        `{${env},"dag_id":${JSON.stringify(ORDERS_DAG)},"conf":${'{"a":'.repeat(10_000)}{"leaf":"password=${SECRET}"}${"}".repeat(10_000)}}`,
        `{${env},"dag_id":${JSON.stringify(`password=${SECRET}${"x".repeat(1_000_000)}`)}}`,
        `{${env},"dag_id":${JSON.stringify(Array.from({ length: 100_000 }, () => `password=${SECRET}`))}}`
      ]
      const auditLines = () =>
        child
          .stderr()
          .split("\n")
          .filter((line) => line.includes('"audit":true'))
      for (const [i, args] of attempts.entries()) {
        child.writeLine(call(i + 1, args))
        const answer = await child.waitForId(i + 1, 20_000)
        expect(answer.result.isError).toBe(true)
        // The line is written before the answer is sent; stderr may arrive a moment after stdout.
        for (let t = 0; t < 50 && auditLines().length < i + 1; t++) await new Promise((r) => setTimeout(r, 20))
        expect(auditLines()).toHaveLength(i + 1)
      }
      for (const line of auditLines()) {
        expect(line.length).toBeLessThanOrEqual(2048)
        expect(JSON.parse(line)).toMatchObject({ audit: true, tool: "trigger-dag-run" })
        expect(line).not.toContain(SECRET)
      }
    } finally {
      await child.close()
    }
  })
})
