/**
 * End-to-end over real stdio: how tool arguments are read. Loose types that clients really send
 * ("2" for 2, "true" for true) are accepted; bad arguments are refused naming the field, before
 * anything reaches the fake MWAA; unknown tools are refused; the server keeps answering. Uses the
 * BUILT server (the bundle dist/bin/mwaa-mcp-server.mjs): run `npm run build` first (`npm test` does).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3, ORDERS_DAG } from "../../../src/adapters/fake-mwaa/index.js"
import { connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { callTool, fails, type Json, ok, tempCallLog } from "./stdio-helpers.js"

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

const environment_name = DEMO_ENVIRONMENT_2

describe("loose types", () => {
  it('limit: "2" returns 2 entries, as limit: 2 does', async () => {
    const loose = await ok(session, "list-dags", { environment_name, limit: "2" })
    const strict = await ok(session, "list-dags", { environment_name, limit: 2 })
    expect(loose.dags).toHaveLength(2)
    expect(loose.limit).toBe(2)
    expect(loose.next_offset).toBe(2)
    expect(loose).toEqual(strict)
    const offset = await ok(session, "list-dags", { environment_name, limit: "2", offset: String(loose.next_offset) })
    expect(offset.offset).toBe(2)
    expect(offset.dags[0].dag_id).not.toBe(loose.dags[0].dag_id)
  })

  it('paused: "true" and "false" filter like the booleans', async () => {
    const all = await ok(session, "list-dags", { environment_name })
    const pausedIds = all.dags.filter((d: Json) => d.is_paused === true).map((d: Json) => d.dag_id)
    expect(pausedIds.length).toBeGreaterThan(0)
    expect(pausedIds.length).toBeLessThan(all.dags.length)
    const paused = await ok(session, "list-dags", { environment_name, paused: "true" })
    expect(paused.dags.map((d: Json) => d.dag_id)).toEqual(pausedIds)
    expect(paused).toEqual(await ok(session, "list-dags", { environment_name, paused: true }))
    const active = await ok(session, "list-dags", { environment_name, paused: "false" })
    expect(active.dags.every((d: Json) => d.is_paused === false)).toBe(true)
    expect(active.total_entries + paused.total_entries).toBe(all.total_entries)
  })

  it('a single state "failed" is read as ["failed"]; try_number "1" and tail_lines "3" as numbers', async () => {
    const single = await ok(session, "list-dag-runs", { environment_name, dag_id: ORDERS_DAG, state: "failed" })
    const list = await ok(session, "list-dag-runs", { environment_name, dag_id: ORDERS_DAG, state: ["failed"] })
    expect(single).toEqual(list)
    expect(single.dag_runs.length).toBeGreaterThan(0)
    const run = single.dag_runs[0]
    const tis = await ok(session, "list-task-instances", {
      environment_name,
      dag_id: ORDERS_DAG,
      dag_run_id: run.dag_run_id,
      state: "failed"
    })
    const task_id = tis.task_instances[0].task_id
    const logs = await ok(session, "get-task-logs", {
      environment_name,
      dag_id: ORDERS_DAG,
      dag_run_id: run.dag_run_id,
      task_id,
      try_number: "1",
      tail_lines: "3"
    })
    expect(logs.try_number).toBe(1)
    expect(logs.lines).toHaveLength(3)
  })
})

describe("bad arguments are refused, naming the field, and nothing is sent", () => {
  const refused = async (tool: string, args: Record<string, unknown>, fields: ReadonlyArray<string>) => {
    const mark = log.mark()
    const text = await fails(session, tool, args)
    expect(text).toContain(`Invalid arguments for ${tool}`)
    for (const field of fields) expect(text).toContain(field)
    expect(log.since(mark)).toEqual([])
    return text
  }

  it('limit: "abc", out of range or fractional', async () => {
    await refused("list-dags", { environment_name, limit: "abc" }, ["limit"])
    expect(await refused("list-dags", { environment_name, limit: 0 }, ["limit"])).toMatch(/1 to 500/)
    expect(await refused("list-dags", { environment_name, limit: "501" }, ["limit"])).toMatch(/1 to 500/)
    await refused("list-dag-runs", { environment_name, limit: "2.5" }, ["limit"])
    await refused("list-dag-runs", { environment_name, offset: -1 }, ["offset"])
  })

  it('dag_id: "../connections" (no path tricks), and other ids', async () => {
    for (const tool of ["get-dag", "get-dag-source", "list-dag-runs"]) {
      const text = await refused(tool, { environment_name, dag_id: "../connections" }, ["dag_id"])
      expect(text).not.toContain("connection_id")
    }
    await refused("get-dag-run", { environment_name, dag_id: ORDERS_DAG, dag_run_id: "a/../../b" }, ["dag_run_id"])
    await refused("get-task-instance", { environment_name, dag_id: ORDERS_DAG, dag_run_id: "x", task_id: "t/../u" }, ["task_id"])
    await refused("get-environment", { environment_name: "../demo-airflow-2" }, ["environment_name"])
  })

  it("a missing required argument, a wrong type, a bad date, an unknown state", async () => {
    await refused("get-dag", { environment_name }, ["dag_id", "missing"])
    await refused("list-dags", { environment_name, paused: "yes" }, ["paused"])
    await refused("list-dags", { environment_name, tags: "finance" }, ["tags"])
    await refused("list-dag-runs", { environment_name, logical_date_gte: "yesterday" }, ["logical_date_gte", "ISO 8601"])
    await refused("list-dag-runs", { environment_name, state: "bogus" }, ["state"])
    await refused("get-task-logs", { environment_name, dag_id: ORDERS_DAG, dag_run_id: "x", task_id: "y", try_number: 0 }, ["try_number"])
  })

  it("an unknown argument key is named, with the others at once", async () => {
    const text = await refused("list-dags", { environment_name, dag_id_patern: "orders" }, ["dag_id_patern"])
    expect(text).toContain("dag_id_pattern")
    const several = await refused("list-dags", { environment_name, limit: "abc", offset: -1, extra_key: true }, [
      "limit",
      "offset",
      "extra_key"
    ])
    expect(several.split("\n").filter((l) => l.startsWith("- "))).toHaveLength(3)
    await refused("get-dag", { environment_name: DEMO_ENVIRONMENT_3, dag_id: ORDERS_DAG, dag_run_id: "x" }, ["dag_run_id"])
  })
})

describe("unknown tools and recovery", () => {
  it("an unknown tool name is an error result that points to tools/list", async () => {
    const mark = log.mark()
    const answer = await callTool(session, "get-dags", { environment_name })
    expect(answer.isError).toBe(true)
    expect(answer.text).toContain("get-dags")
    expect(answer.text).toContain("tools/list")
    expect(log.since(mark)).toEqual([])
  })

  it("the server still answers normally after all of the above", async () => {
    const envs = await ok(session, "list-environments")
    expect(envs.environments).toEqual(expect.arrayContaining([DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3]))
    const dag = await ok(session, "get-dag", { environment_name, dag_id: ORDERS_DAG })
    expect(dag.dag_id).toBe(ORDERS_DAG)
    // And many calls at once are all answered.
    const answers = await Promise.all(
      [DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3].flatMap((name) => [
        callTool(session, "get-dag", { environment_name: name, dag_id: ORDERS_DAG }),
        callTool(session, "list-dags", { environment_name: name, limit: "abc" }),
        callTool(session, "no-such-tool", {})
      ])
    )
    expect(answers.map((a) => a.isError)).toEqual([false, true, true, false, true, true])
  })
})
