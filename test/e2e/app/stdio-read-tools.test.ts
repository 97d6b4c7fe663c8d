import { ASSET_EVENT_SECRET, DASHBOARD_DAG, FX_RATES_ASSET, ORDERS_TOTALS_ASSET } from "../../../src/adapters/fake-mwaa/index.js"
/**
 * End-to-end over real stdio: every read tool on both demo environments (Airflow 2.10 and 3.0),
 * walking the triage story with ids taken from the previous answers. Uses the BUILT server
 * (the bundle dist/bin/mwaa-mcp-server.mjs): run `npm run build` first (`npm test` does). One server for the file.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3, ORDERS_DAG, SPEND_DAG } from "../../../src/adapters/fake-mwaa/index.js"
import { DEMO_CONNECTIONS, DEMO_VARIABLES } from "../../../src/adapters/fake-mwaa/demo/secrets.js"
import { undefinedColumn } from "../../../src/adapters/fake-mwaa/demo/task-output.js"
import { DEMO_DB_PASSWORD } from "../../../src/adapters/fake-mwaa-serverless/index.js"
import { connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { callTool, type Json, ok, READ_TOOLS, WORKFLOW_READ_TOOLS } from "./stdio-helpers.js"

let session: StdioSession
const exercised = new Set<string>()

/** A read call that must succeed; remembers which tools were exercised. */
const read = async (name: string, args: Record<string, unknown>): Promise<{ data: Json; summary: string }> => {
  exercised.add(name)
  const answer = await callTool(session, name, args)
  expect(answer.isError, `${name} ${JSON.stringify(args)} failed: ${answer.text}`).toBe(false)
  return { data: answer.structured, summary: answer.summary }
}

/** MWAA's InvokeRestApi Path limit. */
const MAX_PATH = 64

beforeAll(async () => {
  session = await connectStdio(["--demo"])
  // Caches the output schemas in the client, which then validates every structuredContent.
  await session.client.listTools()
})
afterAll(async () => {
  await session?.close()
})

describe.each([
  { environment_name: DEMO_ENVIRONMENT_2, major: 2 as const },
  { environment_name: DEMO_ENVIRONMENT_3, major: 3 as const }
])("read tools on $environment_name", ({ environment_name, major }) => {
  it("list-environments lists it; get-environment reports it in the summary and the structure alike", async () => {
    const envs = await read("list-environments", {})
    expect(envs.data.environments).toContain(environment_name)
    expect(envs.data.region).toBe("us-east-1")
    // Names the environment returned are listed in the data, not in the summary (src/app/summary-text.ts).
    expect(envs.summary).toMatch(/^\d+ environment\(s\) in us-east-1/)
    expect(envs.summary).not.toContain(environment_name)

    const env = await read("get-environment", { environment_name })
    expect(env.data.name).toBe(environment_name)
    expect(env.data.airflow_version).toMatch(new RegExp(`^${major}\\.`))
    expect(env.data.status).toBe("AVAILABLE")
    expect(env.summary).toContain(environment_name)
    expect(env.summary).toContain(env.data.airflow_version)
    expect(env.summary).toContain(env.data.status)
    expect(env.data.logging.TaskLogs.enabled).toBe(true)
    expect(env.data.logging.TaskLogs.log_group_arn).toContain(environment_name)

    const health = await read("get-environment-health", { environment_name })
    expect(health.data.mwaa).toMatchObject({ status: "AVAILABLE", airflow_version: env.data.airflow_version })
    expect(health.data.airflow.available).toBe(true)
    expect(health.data.airflow.import_errors.count).toBe(1)
    expect(health.summary).toContain(`${environment_name}: ${health.data.verdict}`)
    if (health.data.findings.length > 0) expect(health.summary).toContain(`${health.data.findings.length} finding(s)`)
  })

  it("list-dags, get-dag and get-dag-source agree with each other", async () => {
    const dags = await read("list-dags", { environment_name, full: true })
    const ids: Array<string> = dags.data.dags.map((d: Json) => d.dag_id)
    expect(ids).toContain(ORDERS_DAG)
    expect(dags.data.total_entries).toBe(ids.length)
    expect(dags.data.next_offset).toBeNull()
    expect(dags.summary).toContain(`${ids.length} of ${ids.length}`)
    for (const d of dags.data.dags) expect(typeof d.is_paused, d.dag_id).toBe("boolean")

    const listed = dags.data.dags.find((d: Json) => d.dag_id === ORDERS_DAG)
    const dag = await read("get-dag", { environment_name, dag_id: ORDERS_DAG })
    const { current_version, current_version_note, ...dagFields } = dag.data
    expect(dagFields).toEqual(listed)
    // Airflow 3 names the DAG's current version; Airflow 2 has none.
    expect(current_version === null).toBe(current_version_note !== null)
    expect(dag.summary).toContain(ORDERS_DAG)

    const source = await read("get-dag-source", { environment_name, dag_id: ORDERS_DAG })
    expect(source.data.dag_id).toBe(ORDERS_DAG)
    expect(source.data.fileloc).toBe(dag.data.fileloc)
    expect(source.data.content).toContain(`dag_id="${ORDERS_DAG}"`)
    expect(source.summary).toContain(`${source.data.content.split("\n").length} lines`)
    expect(source.summary).toContain(`via ${source.data.source}`)
  })

  it("triage of the 40-character DAG: failed scheduled run → its failed task → that task's log", async () => {
    expect(ORDERS_DAG).toHaveLength(40)

    const runs = await read("list-dag-runs", { environment_name, dag_id: ORDERS_DAG, state: ["failed"], full: true })
    expect(runs.data.dag_runs.length).toBeGreaterThan(0)
    for (const r of runs.data.dag_runs) {
      expect(r.dag_id).toBe(ORDERS_DAG)
      expect(r.state).toBe("failed")
    }
    expect(runs.summary).toContain(`${runs.data.dag_runs.length} failed`)
    const listedRun = runs.data.dag_runs.find((r: Json) => r.dag_run_id.startsWith("scheduled__"))
    expect(listedRun, "a failed scheduled run").toBeDefined()
    const dag_run_id: string = listedRun.dag_run_id
    // The run's own REST path cannot be sent through MWAA: the server must find it another way.
    expect(`/dags/${ORDERS_DAG}/dagRuns/${dag_run_id}`.length).toBeGreaterThan(MAX_PATH)

    const run = await read("get-dag-run", { environment_name, dag_id: ORDERS_DAG, dag_run_id })
    expect(run.data.dag_run_id).toBe(dag_run_id)
    expect(run.data.dag_id).toBe(ORDERS_DAG)
    expect(run.data.state).toBe("failed")
    expect(run.data.run_type).toBe("scheduled")
    expect(run.data.logical_date).not.toBeNull()
    // A scheduled run id carries its logical date.
    expect(Date.parse(run.data.logical_date)).toBe(Date.parse(dag_run_id.slice("scheduled__".length)))
    expect(run.data).toEqual(listedRun)
    expect(run.summary).toContain(dag_run_id)
    expect(run.summary).toContain("failed")
    // Already finished: waiting for it answers after one poll, with the same run.
    const waited = await read("wait-for-dag-run", { environment_name, dag_id: ORDERS_DAG, dag_run_id })
    expect(waited.data).toMatchObject({ terminal: true, timed_out: false, polls: 1 })
    expect(waited.data.dag_run).toEqual(listedRun)

    const all = await read("list-task-instances", { environment_name, dag_id: ORDERS_DAG, dag_run_id, full: true })
    const failedOnly = await read("list-task-instances", {
      environment_name,
      dag_id: ORDERS_DAG,
      dag_run_id,
      state: ["failed"],
      full: true
    })
    const failed: Array<Json> = failedOnly.data.task_instances
    expect(failed.length).toBeGreaterThan(0)
    for (const ti of failed) {
      expect(ti.state).toBe("failed")
      expect(ti.dag_run_id).toBe(dag_run_id)
    }
    expect(failed).toEqual(all.data.task_instances.filter((ti: Json) => ti.state === "failed"))
    expect(all.data.task_instances.some((ti: Json) => ti.state === "upstream_failed")).toBe(true)
    expect(failedOnly.summary).toContain(`${failed.length} failed`)
    const listedTi = failed[0]
    expect(listedTi.try_number, "the failed task was retried").toBeGreaterThan(1)

    const ti = await read("get-task-instance", { environment_name, dag_id: ORDERS_DAG, dag_run_id, task_id: listedTi.task_id })
    const { tries, tries_note, ...tiFields } = ti.data
    expect(tiFields).toEqual(listedTi)
    expect(tries.map((t: Json) => t.try_number)).toEqual([1, 2])
    expect(tries_note).toBeNull()
    expect(ti.summary).toContain(`try ${listedTi.try_number}`)

    const exceptionLine = (lines: ReadonlyArray<string>) =>
      lines.find((l) => /^[A-Za-z_][\w.]*: /.test(l) && l.endsWith(`: ${undefinedColumn(major).excValue}`))

    const latest = await read("get-task-logs", { environment_name, dag_id: ORDERS_DAG, dag_run_id, task_id: listedTi.task_id })
    expect(latest.data.task_id).toBe(listedTi.task_id)
    expect(latest.data.dag_run_id).toBe(dag_run_id)
    expect(latest.data.try_number).toBe(listedTi.try_number)
    expect(latest.data.source).toBe("cloudwatch")
    expect(latest.data.lines.length).toBeGreaterThan(0)
    expect(exceptionLine(latest.data.lines), latest.data.lines.join("\n")).toBeDefined()
    expect(latest.summary).toContain(`try ${listedTi.try_number}`)
    expect(latest.summary).toContain(`${latest.data.lines.length} line(s)`)

    const first = await read("get-task-logs", {
      environment_name,
      dag_id: ORDERS_DAG,
      dag_run_id,
      task_id: listedTi.task_id,
      try_number: 1
    })
    expect(first.data.try_number).toBe(1)
    expect(first.data.log_stream).toContain("attempt=1")
    expect(first.data.log_stream).not.toBe(latest.data.log_stream)
    expect(first.data.lines).not.toEqual(latest.data.lines)
    expect(exceptionLine(first.data.lines)).toBeDefined()
    expect(first.summary).toContain("try 1")

    const tail = await read("get-task-logs", { environment_name, dag_id: ORDERS_DAG, dag_run_id, task_id: listedTi.task_id, tail_lines: 3 })
    expect(tail.data.lines).toEqual(latest.data.lines.slice(-3))
    expect(tail.data.truncated).toBe(true)
    // The token is the server's own: it comes back usable (not masked as a "token") and reads on.
    expect(tail.data.continuation_token).toMatch(/^[A-Za-z0-9_-]{16,}$/)
    const before = await read("get-task-logs", {
      environment_name,
      dag_id: ORDERS_DAG,
      dag_run_id,
      task_id: listedTi.task_id,
      tail_lines: 3,
      continuation_token: tail.data.continuation_token
    })
    // It resumes at the event of the first line left out (a multi-line event is shown whole), further back.
    expect(before.data.lines.length).toBeGreaterThan(0)
    expect(before.data.lines_from_end.oldest).toBeGreaterThan(tail.data.lines_from_end.oldest)
    // One call gives the same conclusion: the failed task and its exception line.
    const diagnosis = await read("diagnose-dag-run", { environment_name, dag_id: ORDERS_DAG, dag_run_id })
    const diagnosed = diagnosis.data.failed_tasks.find((t: Json) => t.task_id === listedTi.task_id)
    expect(diagnosed.try_number).toBe(listedTi.try_number)
    expect(diagnosed.error.exception).toBe(exceptionLine(latest.data.lines))
    expect(diagnosis.summary).toContain(listedTi.task_id)
  })

  it("list answers are compact by default: the triage fields, each record a subset of its full form", async () => {
    const runs = await read("list-dag-runs", { environment_name, dag_id: ORDERS_DAG, state: ["failed"], limit: 1 })
    const dag_run_id: string = runs.data.dag_runs[0].dag_run_id
    const compact = await read("list-task-instances", { environment_name, dag_id: ORDERS_DAG, dag_run_id })
    const whole = await read("list-task-instances", { environment_name, dag_id: ORDERS_DAG, dag_run_id, full: true })
    expect(Object.keys(compact.data.task_instances[0]).sort()).toEqual([
      "duration",
      "end_date",
      "map_index",
      "operator",
      "start_date",
      "state",
      "task_id",
      "try_number"
    ])
    expect(compact.data).toMatchObject({ dag_id: ORDERS_DAG, dag_run_id })
    for (const [i, ti] of (compact.data.task_instances as Array<Json>).entries()) expect(whole.data.task_instances[i]).toMatchObject(ti)
    expect(JSON.stringify(compact.data).length).toBeLessThan(JSON.stringify(whole.data).length * 0.7)
    const dags = await read("list-dags", { environment_name })
    expect(dags.data.dags[0]).not.toHaveProperty("fileloc")
    expect(dags.data.dags[0]).toHaveProperty("is_paused")
  })

  it("mapped task instances: listed per map_index, read one by one with their own log", async () => {
    const runs = await read("list-dag-runs", { environment_name, dag_id: SPEND_DAG, limit: 1 })
    const dag_run_id: string = runs.data.dag_runs[0].dag_run_id
    const tis = await read("list-task-instances", { environment_name, dag_id: SPEND_DAG, dag_run_id, full: true })
    const mapped: Array<Json> = tis.data.task_instances.filter((ti: Json) => ti.map_index >= 0)
    expect(mapped.length).toBeGreaterThan(1)
    const target = mapped[mapped.length - 1]
    const ti = await read("get-task-instance", {
      environment_name,
      dag_id: SPEND_DAG,
      dag_run_id,
      task_id: target.task_id,
      map_index: target.map_index
    })
    const { tries: mappedTries, tries_note: _note, ...mappedFields } = ti.data
    expect(mappedFields).toEqual(target)
    expect(mappedTries.map((t: Json) => t.try_number)).toEqual([target.try_number])
    expect(ti.summary).toContain(`[${target.map_index}]`)
    const log = await read("get-task-logs", {
      environment_name,
      dag_id: SPEND_DAG,
      dag_run_id,
      task_id: target.task_id,
      map_index: target.map_index
    })
    expect(log.data.map_index).toBe(target.map_index)
    expect(log.data.log_stream).toContain(`map_index=${target.map_index}`)
    // What that map index handed over: its own return value.
    const xcom = await read("get-xcom", {
      environment_name,
      dag_id: SPEND_DAG,
      dag_run_id,
      task_id: target.task_id,
      map_index: target.map_index,
      include_values: true
    })
    expect(xcom.data.xcom_entries).toEqual([expect.objectContaining({ key: "return_value", map_index: target.map_index })])
  })

  it("list-dag-runs across every DAG is newest first and pages with next_offset", async () => {
    const failed = await read("list-dag-runs", { environment_name, state: "failed" })
    const dagIds = new Set(failed.data.dag_runs.map((r: Json) => r.dag_id))
    expect(dagIds.size).toBeGreaterThan(1)
    const dates: Array<number> = failed.data.dag_runs.map((r: Json) => Date.parse(r.logical_date))
    expect(dates).toEqual([...dates].sort((a, b) => b - a))

    const page1 = await read("list-dag-runs", { environment_name, limit: 2 })
    expect(page1.data.dag_runs).toHaveLength(2)
    expect(page1.data.next_offset).toBe(2)
    const page2 = await read("list-dag-runs", { environment_name, limit: 2, offset: page1.data.next_offset })
    expect(page2.data.total_entries).toBe(page1.data.total_entries)
    const key = (r: Json) => `${r.dag_id}/${r.dag_run_id}`
    for (const r of page2.data.dag_runs) expect(page1.data.dag_runs.map(key)).not.toContain(key(r))
  })

  it("get-import-errors explains the DAG flagged with has_import_errors", async () => {
    const errors = await read("get-import-errors", { environment_name })
    expect(errors.data.total_entries).toBeGreaterThan(0)
    const error = errors.data.import_errors[0]
    expect(error.stack_trace).toMatch(/Error/)
    // Airflow's file paths stay below the data label: the summary counts them.
    expect(errors.summary).toContain(`${errors.data.total_entries} import error(s)`)
    expect(errors.summary).not.toContain(error.filename)
    const dags = await read("list-dags", { environment_name, full: true })
    const broken = dags.data.dags.filter((d: Json) => d.has_import_errors === true)
    expect(broken.length).toBeGreaterThan(0)
    const basename = (p: string) => p.split("/").pop()
    expect(broken.map((d: Json) => basename(d.fileloc))).toContain(basename(error.filename))
  })

  it("list-asset-events: the dashboard DAG waits on the failing orders DAG's totals; the extra's secret is masked", async () => {
    const waiting = await read("list-asset-events", { environment_name, dag_id: DASHBOARD_DAG })
    expect(waiting.data.term).toBe(major === 2 ? "dataset" : "asset")
    expect(waiting.data.consumer.waiting_on).toEqual([ORDERS_TOTALS_ASSET])
    expect(waiting.summary).toContain(`DAG ${DASHBOARD_DAG} is scheduled on 2 ${major === 2 ? "dataset" : "asset"}(s)`)
    expect(waiting.summary).toContain("waiting on 1 of the 2 shown")
    const fx = await callTool(session, "list-asset-events", { environment_name, asset: FX_RATES_ASSET })
    expect(fx.isError).toBe(false)
    expect(fx.text).not.toContain(ASSET_EVENT_SECRET)
  })

  it("list-connections and list-variables never return the secrets", async () => {
    const connections = await callTool(session, "list-connections", { environment_name })
    exercised.add("list-connections")
    expect(connections.isError).toBe(false)
    expect(connections.structured.connections.map((c: Json) => c.connection_id).sort()).toEqual(
      DEMO_CONNECTIONS.map((c) => c.connectionId).sort()
    )
    for (const c of connections.structured.connections) {
      expect(Object.keys(c)).not.toContain("password")
      expect(Object.keys(c)).not.toContain("extra")
    }
    for (const seed of DEMO_CONNECTIONS) {
      if (seed.password) expect(connections.text).not.toContain(seed.password)
      const listed = connections.structured.connections.find((c: Json) => c.connection_id === seed.connectionId)
      // Airflow 2's connection list carries no password or extra, so only Airflow 3's answer can
      // tell; on Airflow 2 the server answers false for every connection (reported as a rough edge).
      if (major === 3) {
        expect(listed.has_password, seed.connectionId).toBe(Boolean(seed.password))
        expect(listed.has_extra, seed.connectionId).toBe(Boolean(seed.extra))
      }
    }

    const variables = await callTool(session, "list-variables", { environment_name })
    exercised.add("list-variables")
    expect(variables.isError).toBe(false)
    const masked = variables.structured.variables.filter((v: Json) => v.masked)
    expect(masked.length).toBeGreaterThan(0)
    for (const v of masked) {
      expect(v.value).toBe("***")
      const seed = DEMO_VARIABLES.find((s) => s.key === v.key)
      expect(seed, v.key).toBeDefined()
      expect(variables.text).not.toContain(seed?.value)
    }
    for (const key of ["db_password", "stripe_api_key", "slack_webhook_token"]) {
      expect(masked.map((v: Json) => v.key)).toContain(key)
    }
    expect(variables.summary).toContain(`${masked.length} masked`)
  })
})

describe("get-fleet-health on a server without a configuration", () => {
  it("checks every environment of the region in one call, worst first, within 12 KB; or only the named ones", async () => {
    const { data, summary } = await read("get-fleet-health", {})
    expect(data.checked).toBe(2)
    expect(data.environments.map((e: Json) => e.address).sort()).toEqual(["demo-airflow-2", "demo-airflow-3"])
    expect(summary).toMatch(/^2 environment\(s\) checked: /)
    const rank: Record<string, number> = { unreachable: 0, unhealthy: 1, degraded: 2, healthy: 3 }
    const ranks = data.environments.map((e: Json) => rank[e.verdict])
    expect(ranks).toEqual([...ranks].sort())
    for (const e of data.environments) {
      expect(e).toMatchObject({ region: "us-east-1", alias: null, error: null, mwaa_status: "AVAILABLE" })
      expect(e.target).toBeUndefined()
    }
    expect(Buffer.byteLength(JSON.stringify(data), "utf8")).toBeLessThanOrEqual(12 * 1024)
    const one = await read("get-fleet-health", { environment_names: ["demo-airflow-3"], hours: 168 })
    expect(one.data.environments.map((e: Json) => e.address)).toEqual(["demo-airflow-3"])
    expect(one.data.window_hours).toBe(168)
  })
})

describe("list-pending-approvals on the demo", () => {
  it("lists the payout approval waiting on demo-airflow-3 (Airflow 3.3), and on 2.10 says it needs 3.1", async () => {
    exercised.add("list-pending-approvals")
    const waiting = await ok(session, "list-pending-approvals", { environment_name: DEMO_ENVIRONMENT_3 })
    const payout = waiting.approvals.find((a: Json) => a.task_id === "approve_payout_batch")
    expect(payout).toMatchObject({ dag_id: "payout_release", options: expect.arrayContaining(["Approve"]) })
    expect(payout.waited_seconds).toBeGreaterThan(0)
    const older = await callTool(session, "list-pending-approvals", { environment_name: DEMO_ENVIRONMENT_2 })
    expect(older.isError).toBe(true)
    expect(older.text).toContain(`needs Airflow 3.1 or later: environment ${DEMO_ENVIRONMENT_2} runs Airflow 2.10.3`)
  })
})

describe("the workflow triage tools on the demo's MWAA Serverless", () => {
  it("diagnose-workflow-run finds the payouts workflow's failed load; get-workflow-task-logs shows its log's end, the password masked", async () => {
    // Not counted in `exercised`: the coverage check below is about the environment tools.
    const diagnosis = { data: await ok(session, "diagnose-workflow-run", { workflow: "payouts-nightly" }) }
    expect(diagnosis.data).toMatchObject({ picked: "latest_failed", counts: { failed: 1, upstream_failed: 2 } })
    const [load] = diagnosis.data.failed_tasks
    expect(load.task_id).toBe("load_payouts")
    const log = {
      data: await ok(session, "get-workflow-task-logs", {
        workflow: "payouts-nightly",
        run_id: diagnosis.data.run.run_id,
        task_instance_id: load.task_instance_id
      })
    }
    expect(log.data.lines).toHaveLength(200)
    expect(log.data.lines.find((l: string) => l.startsWith("psycopg2.OperationalError"))).toContain("payouts_writer:***@")
    expect(JSON.stringify([diagnosis.data, log.data])).not.toContain(DEMO_DB_PASSWORD)
  })
})

describe("coverage", () => {
  // The workflow tools act on no environment: stdio-workflows-read.test.ts exercises them.
  it("exercised every read tool the server advertises (readOnlyHint) for an environment", async () => {
    const { tools } = await session.client.listTools()
    const advertised = tools
      .filter((t) => t.annotations?.readOnlyHint === true && !(WORKFLOW_READ_TOOLS as ReadonlyArray<string>).includes(t.name))
      .map((t) => t.name)
      .sort()
    expect(advertised).toEqual([...READ_TOOLS].sort())
    expect([...exercised].sort()).toEqual(advertised)
  })
})
