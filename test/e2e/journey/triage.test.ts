import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { HttpFake } from "../../support/http-fake/index.js"
import { call, expectRoutesFit, issuedCredentials, type Json, type JourneyServer, ok, startFake, startServer } from "./support/harness.js"
import { BIG_CASE, BIG_LOG_FIRST_LINE, bigLogLines, ENVIRONMENTS, journeySeed } from "./support/journey-seed.js"

/**
 * Issue 12 point 7, part 3: the triage journey a user walks when a DAG failed overnight, once per
 * Airflow major, over stdio in AWS mode: get-environment-health → list-dag-runs state=failed →
 * diagnose-dag-run → get-task-logs paged with continuation_token back to the FIRST line of a ~20 MB
 * log → clear-task-instances dry run (nothing changes) → clear for real with --allow-write →
 * list-task-instances shows the tasks cleared.
 *
 * The writer session raises MWAA_MCP_MAX_RESPONSE_BYTES to 1 MiB so that max_bytes 1,000,000 is the
 * bound that counts; the reader keeps the default 64 KiB, where the same request must still lose
 * no line between pages.
 */

const PAGE_BYTES = 1_000_000
const TAIL_LINES = 5000
const WRITER_MAX_RESPONSE_BYTES = 1_048_576

let fake: HttpFake
let reader: JourneyServer
let writer: JourneyServer
const LOG = bigLogLines()

beforeAll(async () => {
  fake = await startFake(journeySeed({ bigLog: true, cases: [] }))
  reader = await startServer(fake)
  writer = await startServer(fake, { allowWrite: true, maxResponseBytes: WRITER_MAX_RESPONSE_BYTES })
}, 60_000)

afterAll(async () => {
  await reader?.session.close()
  await writer?.session.close()
  await fake?.close()
})

const c = BIG_CASE
const utf8 = (text: string) => Buffer.byteLength(text, "utf8")

interface LogPage {
  readonly lines: ReadonlyArray<string>
  readonly newest: number
  readonly oldest: number
}

/** The lines a page must hold, by its lines_from_end (1 = the last line of the log). */
const expectedSlice = (p: LogPage) => LOG.slice(LOG.length - p.oldest, LOG.length - p.newest + 1)

describe.each(ENVIRONMENTS)("triage on $name (Airflow $major)", ({ name: environment_name }) => {
  // One journey, in steps that run in order and share the fake's state.
  it("1-3: health names the failing DAG, list-dag-runs finds the failed run, diagnose-dag-run the error", async () => {
    // 1. Is the environment healthy? It names the DAG that failed in the last 24 hours.
    const health = await ok(reader, "get-environment-health", { environment_name })
    expect(health.mwaa.status).toBe("AVAILABLE")
    expect(health.airflow.failing_dags?.dag_ids).toContain(c.dagId)

    // 2. What failed? Runs of every DAG, failed ones only, newest first.
    const failed = await ok(reader, "list-dag-runs", { environment_name, state: "failed" })
    expect(failed.dag_runs.every((r: { state: string }) => r.state === "failed")).toBe(true)
    expect(failed.dag_runs[0]).toMatchObject({ dag_id: c.dagId, dag_run_id: c.runId })

    // 3. Why? The diagnosis names the failed task and the error its log ends with.
    const diagnosis = await ok(reader, "diagnose-dag-run", { environment_name, dag_id: c.dagId })
    expect(diagnosis.run.dag_run_id).toBe(c.runId)
    expect(diagnosis.failed_tasks[0]).toMatchObject({ task_id: c.failedTask, state: "failed", try_number: 2 })
    expect(diagnosis.failed_tasks[0].error.exception).toContain(c.error)
    const logStep = diagnosis.next_steps.find((s: { tool: string }) => s.tool === "get-task-logs")
    expect(logStep?.arguments).toMatchObject({ dag_id: c.dagId, dag_run_id: c.runId, task_id: c.failedTask })
  })

  it("4: get-task-logs pages the ~20 MB log through continuation_token back to its first line", async () => {
    // 4. The whole log, a page at a time, from its end back to its first line.
    const ids = { environment_name, dag_id: c.dagId, dag_run_id: c.runId, task_id: c.failedTask }
    const pages: Array<LogPage> = []
    let token: string | null = null
    let last: Json
    do {
      const answer = await call(writer, "get-task-logs", {
        ...ids,
        max_bytes: PAGE_BYTES,
        tail_lines: TAIL_LINES,
        ...(token === null ? {} : { continuation_token: token })
      })
      expect(answer.isError, `page ${pages.length + 1}: ${answer.text.slice(0, 600)}`).toBe(false)
      last = answer.structured
      // Within its bound: the data at most max_bytes, the text at most that plus the summary and label.
      expect(utf8(JSON.stringify(last)), `page ${pages.length + 1} size`).toBeLessThanOrEqual(PAGE_BYTES)
      expect(utf8(answer.text), `page ${pages.length + 1} text size`).toBeLessThanOrEqual(PAGE_BYTES + 4096)
      expect(answer.summary).not.toMatch(/Answer cut/)
      expect(last.lines.length).toBeGreaterThan(0)
      expect(last.lines.length).toBeLessThanOrEqual(TAIL_LINES)
      pages.push({ lines: last.lines, newest: last.lines_from_end.newest, oldest: last.lines_from_end.oldest })
      token = last.continuation_token
      expect(token === null, `page ${pages.length}: truncated and continuation_token disagree`).toBe(!last.truncated)
      if (token !== null) expect(token, "the continuation token came back masked").not.toContain("***")
      expect(pages.length, "more pages than a 20 MB log can take").toBeLessThanOrEqual(60)
    } while (token !== null)

    expect(pages.length, "tens of calls").toBeGreaterThanOrEqual(10)
    expect(last.truncated).toBe(false)
    // In order, without gaps or repeats: each page starts where the previous one stopped.
    expect(pages[0]!.newest).toBe(1)
    for (let i = 1; i < pages.length; i++)
      expect(pages[i]!.newest, `page ${i + 1} starts where page ${i} stopped`).toBe(pages[i - 1]!.oldest + 1)
    expect(pages[pages.length - 1]!.oldest).toBe(LOG.length)
    for (const [i, p] of pages.entries()) {
      expect(p.lines.length, `page ${i + 1} holds its range`).toBe(p.oldest - p.newest + 1)
      expect(p.lines, `page ${i + 1} lines`).toEqual(expectedSlice(p))
    }
    const whole = [...pages].reverse().flatMap((p) => p.lines)
    expect(whole.length).toBe(LOG.length)
    expect(whole[0]).toBe(BIG_LOG_FIRST_LINE)
    expect(whole.join("\n") === LOG.join("\n"), "the pages join to the whole log").toBe(true)
  }, 180_000)

  it("5-6: clear-task-instances dry run changes nothing; with dry_run false the tasks are cleared", async () => {
    // 5. Clear, dry run first (the defaults: dry_run=true, only_failed=true): nothing changes.
    const run = { environment_name, dag_id: c.dagId, dag_run_id: c.runId }
    const dry = await call(writer, "clear-task-instances", run)
    expect(dry.isError, dry.text).toBe(false)
    expect(dry.structured).toMatchObject({ dry_run: true, only_failed: true, count: 2 })
    expect(dry.summary).toMatch(/^Dry run: 2 task instance\(s\) would be cleared/)
    expect(dry.structured.task_instances.map((t: { task_id: string }) => t.task_id).sort()).toEqual([c.failedTask, c.downstreamTask].sort())
    const unchanged = await ok(reader, "list-task-instances", run)
    const stateOf = (tis: Json, task: string) => tis.task_instances.find((t: { task_id: string }) => t.task_id === task)?.state
    expect(stateOf(unchanged, c.upstreamTask)).toBe("success")
    expect(stateOf(unchanged, c.failedTask)).toBe("failed")
    expect(stateOf(unchanged, c.downstreamTask)).toBe("upstream_failed")
    expect((await ok(reader, "get-dag-run", run)).state).toBe("failed")

    // 6. Clear for real.
    const cleared = await call(writer, "clear-task-instances", { ...run, dry_run: false })
    expect(cleared.isError, cleared.text).toBe(false)
    expect(cleared.structured).toMatchObject({ dry_run: false, count: 2 })
    const after = await ok(reader, "list-task-instances", run)
    expect(stateOf(after, c.upstreamTask)).toBe("success")
    for (const task of [c.failedTask, c.downstreamTask]) expect([null, "none", "queued", "scheduled"]).toContain(stateOf(after, task))
    expect(["queued", "running"]).toContain((await ok(reader, "get-dag-run", run)).state)
  })

  it("with the default 64 KiB bound, max_bytes 1,000,000 still pages the log without losing a line", async () => {
    // The failed task was cleared above and has a try 2 log still: read that try explicitly.
    const ids = { environment_name, dag_id: c.dagId, dag_run_id: c.runId, task_id: c.failedTask, try_number: 2 }
    let token: string | null = null
    let previousOldest = 0
    for (let i = 0; i < 4; i++) {
      const answer = await call(reader, "get-task-logs", {
        ...ids,
        max_bytes: PAGE_BYTES,
        tail_lines: TAIL_LINES,
        ...(token === null ? {} : { continuation_token: token })
      })
      expect(answer.isError, `page ${i + 1}: ${answer.text.slice(0, 600)}`).toBe(false)
      const p = answer.structured
      expect(p.lines_from_end.newest, `page ${i + 1} starts where page ${i} stopped`).toBe(previousOldest + 1)
      expect(p.lines.length, `page ${i + 1}: lines_from_end ${JSON.stringify(p.lines_from_end)} but ${p.lines.length} lines`).toBe(
        p.lines_from_end.oldest - p.lines_from_end.newest + 1
      )
      expect(p.lines).toEqual(expectedSlice({ lines: p.lines, newest: p.lines_from_end.newest, oldest: p.lines_from_end.oldest }))
      previousOldest = p.lines_from_end.oldest
      token = p.continuation_token
      expect(token).not.toBeNull()
      expect(token).not.toContain("***")
    }
  }, 60_000)
})

describe("after the journeys", () => {
  it("every request fit its route, and no issued credential reached an answer or the server's log", () => {
    expectRoutesFit(fake.requests(), "triage")
    const texts = [...reader.answers, ...writer.answers].map((a) => `${a.text}\n${JSON.stringify(a.structured ?? null)}`)
    texts.push(reader.session.stderr(), writer.session.stderr())
    for (const credential of issuedCredentials(fake)) for (const t of texts) expect(t.includes(credential)).toBe(false)
  })
})
