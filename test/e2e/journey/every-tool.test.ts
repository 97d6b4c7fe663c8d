import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { taskLogStreamName } from "../../../src/adapters/fake-mwaa/index.js"
import type { HttpFake } from "../../support/http-fake/index.js"
import { pathOf, runId as makeRunId } from "./support/ids.js"
import {
  call,
  type DirectCall,
  expectDirectRoute,
  expectLoginBeforeWebserver,
  expectNoWebserver,
  expectRoutesFit,
  issuedCredentials,
  type JourneyServer,
  ok,
  startFake,
  startServer
} from "./support/harness.js"
import {
  CASES,
  CONNECTIONS,
  ENVIRONMENTS,
  FILLER_DAGS,
  type JourneyCase,
  journeySeed,
  MANY_RUNS,
  MANY_RUNS_DAG,
  SHADOWED_DAG,
  VARIABLES
} from "./support/journey-seed.js"

/**
 * Issue 12 point 7, part 2: every tool with dag, run and task ids of 1 to 250 characters, on
 * Airflow 2 and 3, as a user reaches them: over stdio, AWS mode, against the HTTP fake. The request
 * log must show InvokeRestApi for every Airflow path that fits its 64 characters, and the webserver
 * route (CreateWebLoginToken, login, /api/vN) only for paths that do not.
 * Acceptance: with ids of 40, 80, 160 and 250 characters every tool succeeds on both majors.
 */

let fake: HttpFake
let reader: JourneyServer
let writer: JourneyServer

beforeAll(async () => {
  fake = await startFake(journeySeed())
  reader = await startServer(fake)
  writer = await startServer(fake, { allowWrite: true })
}, 60_000)

/**
 * Every credential the fake issued, gathered after each test: the fake's list can lose earlier
 * entries (create-environment drops its webserver store), and the leak check needs them all.
 */
const issued = new Set<string>()
afterEach(() => {
  for (const credential of issuedCredentials(fake)) issued.add(credential)
})

afterAll(async () => {
  await reader?.session.close()
  await writer?.session.close()
  await fake?.close()
})

const ACCEPTANCE = [40, 80, 160, 250]
const isAcceptance = (c: JourneyCase) => [c.dagId, c.runId, c.failedTask].every((id) => ACCEPTANCE.includes(id.length))
const caseName = (c: JourneyCase) => `${c.label}${isAcceptance(c) ? " (acceptance)" : ""}`

const GET = (...segments: ReadonlyArray<string>): DirectCall => ({ method: "GET", path: pathOf(...segments), only: false })

describe.each(ENVIRONMENTS)("on $name (Airflow $major)", ({ name: environment_name, major }) => {
  it("answers the environment-wide tools and pages their lists", async () => {
    const environments = await ok(reader, "list-environments")
    expect(environments.environments).toEqual(expect.arrayContaining(ENVIRONMENTS.map((e) => e.name)))
    expect((await ok(reader, "get-environment", { environment_name })).status).toBe("AVAILABLE")
    const health = await call(reader, "get-environment-health", { environment_name })
    expect(health.isError, health.text).toBe(false)
    expectNoWebserver(health)
    for (const [tool, key, total, pageSize] of [
      ["list-dags", "dags", CASES.length + 2 + FILLER_DAGS, 50],
      ["list-connections", "connections", CONNECTIONS, 50],
      ["list-variables", "variables", VARIABLES, 50]
    ] as const) {
      const seen: Array<unknown> = []
      let offset: number | null = 0
      while (offset !== null) {
        const page = await call(reader, tool, { environment_name, offset })
        expect(page.isError, page.text).toBe(false)
        expectNoWebserver(page)
        seen.push(...page.structured[key])
        expect(page.structured.total_entries).toBe(total)
        offset = page.structured.next_offset
        expect(page.structured[key].length).toBeLessThanOrEqual(pageSize)
      }
      expect(seen, `${tool} pages`).toHaveLength(total)
    }
    const errors = await ok(reader, "get-import-errors", { environment_name })
    expect(errors.total_entries).toBe(1)
  })

  it("pages a DAG's 130 runs, newest first, without gaps or repeats", async () => {
    const ids: Array<string> = []
    let offset: number | null = 0
    while (offset !== null) {
      const page = await call(reader, "list-dag-runs", { environment_name, dag_id: MANY_RUNS_DAG, limit: 40, offset })
      expect(page.isError, page.text).toBe(false)
      expectDirectRoute(page, GET("dags", MANY_RUNS_DAG, "dagRuns"))
      ids.push(...page.structured.dag_runs.map((r: { dag_run_id: string }) => r.dag_run_id))
      offset = page.structured.next_offset
    }
    expect(ids).toHaveLength(MANY_RUNS)
    expect(new Set(ids).size).toBe(MANY_RUNS)
    expect([...ids].sort().reverse()).toEqual(ids)
  })

  it("finds a DAG whose id is part of more than 100 other DAG ids that sort before it", async () => {
    const answer = await call(reader, "get-dag", { environment_name, dag_id: SHADOWED_DAG })
    expect(answer.isError, `get-dag ${SHADOWED_DAG}: ${answer.text.slice(0, 500)}`).toBe(false)
    expect(answer.structured.dag_id).toBe(SHADOWED_DAG)
    expectDirectRoute(answer, major === 3 ? GET("dags", SHADOWED_DAG, "details") : GET("dags", SHADOWED_DAG))
  })

  describe.each(CASES)("ids: $label", (c) => {
    const ids = { environment_name, dag_id: c.dagId, dag_run_id: c.runId }

    it(`every read tool succeeds: ${caseName(c)}`, async () => {
      const dag = await call(reader, "get-dag", { environment_name, dag_id: c.dagId })
      expect(dag.isError, dag.text.slice(0, 800)).toBe(false)
      expect(dag.structured.dag_id).toBe(c.dagId)
      // Airflow 3's DAG details carry its current version: the one call is the details.
      expectDirectRoute(dag, major === 3 ? GET("dags", c.dagId, "details") : GET("dags", c.dagId))

      // A one-character pattern matches most DAGs: page until the DAG shows up (Airflow caps a page at 100).
      const listedIds: Array<string> = []
      for (let offset: number | null = 0; offset !== null && !listedIds.includes(c.dagId); ) {
        const listed = await ok(reader, "list-dags", { environment_name, dag_id_pattern: c.dagId, limit: 100, offset })
        listedIds.push(...listed.dags.map((d: { dag_id: string }) => d.dag_id))
        offset = listed.next_offset
      }
      expect(listedIds).toContain(c.dagId)

      const source = await call(reader, "get-dag-source", { environment_name, dag_id: c.dagId })
      expect(source.isError, source.text.slice(0, 800)).toBe(false)
      expect(source.structured.content).toContain(`DAG_ID = "${c.dagId}"`)
      expectRoutesFit(source.requests, "get-dag-source")

      const runs = await call(reader, "list-dag-runs", { environment_name, dag_id: c.dagId, state: ["failed"] })
      expect(runs.isError, runs.text.slice(0, 800)).toBe(false)
      expect(runs.structured.dag_runs.map((r: { dag_run_id: string }) => r.dag_run_id)).toContain(c.runId)
      expectDirectRoute(runs, GET("dags", c.dagId, "dagRuns"))

      const run = await call(reader, "get-dag-run", ids)
      expect(run.isError, run.text.slice(0, 800)).toBe(false)
      expect(run.structured).toMatchObject({ dag_id: c.dagId, dag_run_id: c.runId, state: "failed" })
      expectDirectRoute(run, GET("dags", c.dagId, "dagRuns", c.runId))

      const waited = await call(reader, "wait-for-dag-run", { ...ids, timeout_seconds: 5, poll_interval_seconds: 2 })
      expect(waited.isError, waited.text.slice(0, 800)).toBe(false)
      expect(waited.structured).toMatchObject({ terminal: true, timed_out: false, dag_run: { state: "failed" } })
      expectDirectRoute(waited, GET("dags", c.dagId, "dagRuns", c.runId))

      const tis = await call(reader, "list-task-instances", ids)
      expect(tis.isError, tis.text.slice(0, 800)).toBe(false)
      const states = Object.fromEntries(tis.structured.task_instances.map((t: { task_id: string; state: string }) => [t.task_id, t.state]))
      expect(states).toEqual({ [c.upstreamTask]: "success", [c.failedTask]: "failed", [c.downstreamTask]: "upstream_failed" })
      expectRoutesFit(tis.requests, "list-task-instances")

      for (const [task_id, state, tries] of [
        [c.upstreamTask, "success", 1],
        [c.failedTask, "failed", 2]
      ] as const) {
        const ti = await call(reader, "get-task-instance", { ...ids, task_id })
        expect(ti.isError, ti.text.slice(0, 800)).toBe(false)
        expect(ti.structured).toMatchObject({ task_id, state, try_number: tries })
        expect(ti.structured.tries.map((t: { try_number: number }) => t.try_number)).toEqual(tries === 1 ? [1] : [1, 2])
        // The task instance by its own route; its tries (three ids plus "/tries") by theirs: the
        // webserver carries them whenever they pass 64 characters, even when the task's own path fits.
        const isTries = (r: { path: string }) => (r.path.split("?")[0] ?? "").endsWith("/tries")
        const isLogin = (r: { operation: string }) => ["CreateWebLoginToken", "WebLogin"].includes(r.operation)
        expectDirectRoute(
          { ...ti, requests: ti.requests.filter((r) => !isTries(r) && !isLogin(r)) },
          GET("dags", c.dagId, "dagRuns", c.runId, "taskInstances", task_id)
        )
        expectDirectRoute(
          { ...ti, requests: ti.requests.filter((r) => isTries(r) || isLogin(r)) },
          { ...GET("dags", c.dagId, "dagRuns", c.runId, "taskInstances", task_id, "tries"), only: true }
        )
      }

      const log = await call(reader, "get-task-logs", { ...ids, task_id: c.failedTask })
      expect(log.isError, log.text.slice(0, 800)).toBe(false)
      // A stream name over CloudWatch's 512 characters cannot exist: such a try's log is read from Airflow.
      const streamName = taskLogStreamName({ dagId: c.dagId, runId: c.runId, taskId: c.failedTask, tryNumber: 2 })
      const logSource = streamName.length <= 512 ? "cloudwatch" : "rest"
      expect(log.structured).toMatchObject({ source: logSource, try_number: 2, truncated: false })
      expect(log.structured.lines.join("\n")).toContain(c.error)
      expectRoutesFit(log.requests, "get-task-logs")
      const first = await ok(reader, "get-task-logs", { ...ids, task_id: c.failedTask, try_number: 1 })
      expect(first.lines.join("\n")).toContain("try 1")
      const upstream = await ok(reader, "get-task-logs", { ...ids, task_id: c.upstreamTask })
      expect(upstream.lines.join("\n")).toContain("Done.")

      for (const args of [{ environment_name, dag_id: c.dagId }, ids]) {
        const diagnosis = await call(reader, "diagnose-dag-run", args)
        expect(diagnosis.isError, diagnosis.text.slice(0, 800)).toBe(false)
        expect(diagnosis.structured.run?.dag_run_id).toBe(c.runId)
        expect(diagnosis.structured.failed_tasks[0]?.task_id).toBe(c.failedTask)
        expect(diagnosis.structured.failed_tasks[0]?.error?.exception).toContain("ValueError")
        expect(diagnosis.structured.upstream_failed.map((t: { task_id: string }) => t.task_id)).toEqual([c.downstreamTask])
        expectRoutesFit(diagnosis.requests, "diagnose-dag-run")
      }
    })

    it(`every write tool succeeds with --allow-write: ${caseName(c)}`, async () => {
      const paused = await call(writer, "pause-dag", { environment_name, dag_id: c.dagId })
      expect(paused.isError, paused.text.slice(0, 800)).toBe(false)
      expect(paused.structured).toMatchObject({ dag_id: c.dagId, is_paused: true })
      expectDirectRoute(paused, { method: "PATCH", path: pathOf("dags", c.dagId), only: true })
      expect((await ok(reader, "get-dag", { environment_name, dag_id: c.dagId })).is_paused).toBe(true)

      const unpaused = await call(writer, "unpause-dag", { environment_name, dag_id: c.dagId })
      expect(unpaused.isError, unpaused.text.slice(0, 800)).toBe(false)
      expect(unpaused.structured).toMatchObject({ dag_id: c.dagId, is_paused: false })
      expectDirectRoute(unpaused, { method: "PATCH", path: pathOf("dags", c.dagId), only: true })

      // A new run whose id is as long as the case's run id (another one: the first character differs).
      const newRun = makeRunId("N", c.runId.length)
      const triggered = await call(writer, "trigger-dag-run", {
        environment_name,
        dag_id: c.dagId,
        dag_run_id: newRun,
        conf: { by: "journey" }
      })
      expect(triggered.isError, triggered.text.slice(0, 800)).toBe(false)
      expect(triggered.structured).toMatchObject({ dag_id: c.dagId, dag_run_id: newRun })
      expectDirectRoute(triggered, { method: "POST", path: pathOf("dags", c.dagId, "dagRuns"), only: true })
      expect((await ok(reader, "get-dag-run", { environment_name, dag_id: c.dagId, dag_run_id: newRun })).dag_run_id).toBe(newRun)

      const clearPath: DirectCall = { method: "POST", path: pathOf("dags", c.dagId, "clearTaskInstances"), only: true }
      const dry = await call(writer, "clear-task-instances", ids)
      expect(dry.isError, dry.text.slice(0, 800)).toBe(false)
      expect(dry.structured).toMatchObject({ dry_run: true, only_failed: true })
      expect(dry.structured.task_instances.map((t: { task_id: string }) => t.task_id).sort()).toEqual(
        [c.failedTask, c.downstreamTask].sort()
      )
      expectDirectRoute(dry, clearPath)
      const before = await ok(reader, "list-task-instances", ids)
      expect(before.task_instances.find((t: { task_id: string }) => t.task_id === c.failedTask)?.state).toBe("failed")

      const cleared = await call(writer, "clear-task-instances", { ...ids, task_ids: [c.failedTask], dry_run: false })
      expect(cleared.isError, cleared.text.slice(0, 800)).toBe(false)
      expect(cleared.structured).toMatchObject({ dry_run: false, count: 1 })
      expectDirectRoute(cleared, clearPath)
      const after = await ok(reader, "list-task-instances", ids)
      expect([null, "none", "queued", "scheduled"]).toContain(
        after.task_instances.find((t: { task_id: string }) => t.task_id === c.failedTask)?.state
      )
    })
  })
})

describe("environment write tools", () => {
  it("create, update and delete an environment with --allow-write", async () => {
    const name = "journey-created"
    const created = await call(writer, "create-environment", {
      environment_name: name,
      airflow_version: "3.0.6",
      execution_role_arn: "arn:aws:iam::123456789012:role/journey",
      source_bucket_arn: "arn:aws:s3:::journey-bucket",
      dag_s3_path: "dags",
      network_configuration: { subnet_ids: ["subnet-1", "subnet-2"], security_group_ids: ["sg-1"] }
    })
    expect(created.isError, created.text).toBe(false)
    expect(created.structured.name).toBe(name)
    expect((await ok(reader, "list-environments")).environments).toContain(name)
    const updated = await call(writer, "update-environment", { environment_name: name, max_workers: 3 })
    // A new environment is CREATING; MWAA refuses updates until it is AVAILABLE, and says so.
    if (updated.isError) expect(updated.text).toMatch(/CREATING|not available|status/i)
    const updatedOther = await ok(writer, "update-environment", { environment_name: ENVIRONMENTS[0]!.name, max_workers: 4 })
    expect(updatedOther.name).toBe(ENVIRONMENTS[0]!.name)
    const deleted = await ok(writer, "delete-environment", { environment_name: name, confirm_environment_name: name })
    expect(deleted.name).toBe(name)
  })
})

describe("what the wire saw", () => {
  it("no InvokeRestApi path over 64; the webserver only for paths that do not fit, after a login; no credential in any answer or log", () => {
    const requests = fake.requests()
    expectRoutesFit(requests, "whole file")
    expectLoginBeforeWebserver(requests)
    for (const credential of issuedCredentials(fake)) issued.add(credential)
    // The fake hands out credentials for every webserver login: where the route was used, there are some to look for.
    expect(requests.some((r) => r.operation === "AirflowWebserver")).toBe(true)
    expect(issued.size, "the webserver route was used, yet the fake issued no credential").toBeGreaterThan(0)
    const everything = [...reader.answers, ...writer.answers].map((a) => `${a.text}\n${JSON.stringify(a.structured ?? null)}`)
    everything.push(reader.session.stderr(), writer.session.stderr())
    for (const credential of issued) {
      expect(credential.length).toBeGreaterThan(0)
      for (const text of everything) expect(text.includes(credential), `issued credential ${credential.slice(0, 12)}… leaked`).toBe(false)
    }
  })
})
