import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import { FakeMwaa } from "../../../../src/adapters/fake-mwaa/index.js"
import type { SeedWorkflow, SeedWorkflowRun } from "../../../../src/adapters/fake-mwaa-serverless/index.js"
import { listWorkflowRuns, MAX_RUN_PAGES, RUN_PAGE_SIZE } from "../../../../src/domain/usecases/workflow-runs.js"
import { getWorkflowRun } from "../../../../src/domain/usecases/workflow-tasks.js"
import { readWorkflowDefinition } from "../../../../src/domain/usecases/workflows.js"
import { resolveWorkflow } from "../../../../src/domain/workflow-resolution.js"
import { fakeToolServices } from "../../../support/test-layer.js"

/** The workflow use cases on the in-memory fake: the bounded run scan and its token, the run's flag, the definition's cut. */

const RUNS = 620
const SECRET = "Zq9-never-shown-77"

const iso = (minutesAgo: number) => new Date(Date.UTC(2026, 10, 25, 0, 0) - minutesAgo * 60_000).toISOString().replace(/\.000Z$/, "Z")

/** Newest first by creation: run i was created i minutes before the newest. The oldest three failed, and every 100th from 50. */
const runs: ReadonlyArray<SeedWorkflowRun> = Array.from({ length: RUNS }, (_, i) => ({
  runId: `run-${String(i).padStart(4, "0")}`,
  runType: "SCHEDULED",
  status: i >= RUNS - 3 || i % 100 === 50 ? "FAILED" : "SUCCESS",
  createdAt: iso(i),
  startedAt: iso(i),
  endedAt: iso(i),
  tasks:
    i === 1
      ? [
          { taskInstanceId: "a-1", taskId: "a", operatorName: "PythonOperator", status: "SUCCESS", attemptNumber: 1 },
          { taskInstanceId: "b-1", taskId: "b", operatorName: "PythonOperator", status: "FAILED", attemptNumber: 1 }
        ]
      : []
}))

/** A definition whose secret line straddles byte 100. */
// The second line is not ASCII: the bound is in bytes, and a cut never splits a character.
const DEFINITION = `${"#".repeat(80)}\n# Überweisungen — nightly 💸\nbusy_wf:\n  conn_uri: postgresql://u:${SECRET}@db:5432/x\n  password: ${SECRET}\n`

const busy: SeedWorkflow = {
  name: "busy-wf",
  arnSuffix: "Bb1Uu2Ss3Y",
  roleName: "busy",
  logGroupName: "/aws/mwaa-serverless/busy-wf",
  status: "READY",
  createdAt: "2026-01-01T00:00:00Z",
  versions: [
    {
      version: "aaaabbbbccccddddeeeeffff00001111",
      createdAt: "2026-01-01T00:00:00Z",
      definition: { bucket: "b", objectKey: "busy.yaml" },
      definitionYaml: DEFINITION
    }
  ],
  runs
}
const other: SeedWorkflow = { ...busy, name: "other-wf", arnSuffix: "Oo1Tt2Hh3R", runs: runs.slice(0, 3) }

const layer = fakeToolServices({ environments: [], serverless: { workflows: [busy, other], now: "2026-11-25T00:00:00Z" } })

const onFake = <A, E>(body: Effect.Effect<A, E, any>) => body.pipe(Effect.provide(layer)) as Effect.Effect<A, E>

const listRunsCalls = Effect.map(
  Effect.flatMap(FakeMwaa, (f) => f.calls),
  (calls) => calls.filter((c) => c.api === "AmazonMWAAServerless.ListWorkflowRuns").length
)
const clearCalls = Effect.flatMap(FakeMwaa, (f) => f.clearCalls)

describe("listWorkflowRuns", () => {
  it.effect("reads at most five service pages a call, and its token resumes the scan where it stopped", () =>
    onFake(
      Effect.gen(function* () {
        const wf = yield* resolveWorkflow("busy-wf")
        yield* clearCalls
        const first = yield* listWorkflowRuns(wf, { states: ["failed"] }, 25, undefined)
        expect(yield* listRunsCalls).toBe(MAX_RUN_PAGES)
        expect(first.scanned).toBe(MAX_RUN_PAGES * RUN_PAGE_SIZE)
        expect(first.scan_limited).toBe(true)
        expect(first.runs.map((r) => r.run_id)).toEqual(["run-0050", "run-0150", "run-0250", "run-0350", "run-0450"])
        expect(first.next_token).not.toBeNull()
        const rest = yield* listWorkflowRuns(wf, { states: ["failed"] }, 25, first.next_token ?? undefined)
        expect(rest.runs.map((r) => r.run_id)).toEqual(["run-0550", "run-0617", "run-0618", "run-0619"])
        expect(rest).toMatchObject({ scanned: RUNS - 500, scan_limited: false, next_token: null })
      })
    )
  )

  it.effect("stops inside a page once it has max_results runs, and resumes with the next one: no run twice, none missed", () =>
    onFake(
      Effect.gen(function* () {
        const wf = yield* resolveWorkflow("busy-wf")
        const seen: Array<string> = []
        let token: string | undefined
        for (let i = 0; i < 20; i++) {
          const page = yield* listWorkflowRuns(wf, { start_date_gte: iso(149) }, 40, token)
          seen.push(...page.runs.map((r) => r.run_id))
          token = page.next_token ?? undefined
          if (token === undefined) break
        }
        expect(seen).toEqual(Array.from({ length: 150 }, (_, i) => `run-${String(i).padStart(4, "0")}`))
      })
    )
  )

  it.effect("refuses a token of another workflow or other filters, and one it did not give out, before asking the service", () =>
    onFake(
      Effect.gen(function* () {
        const busyWf = yield* resolveWorkflow("busy-wf")
        const otherWf = yield* resolveWorkflow("other-wf")
        const page = yield* listWorkflowRuns(busyWf, {}, 2, undefined)
        yield* clearCalls
        for (const [wf, filters, token] of [
          [otherWf, {}, page.next_token],
          [busyWf, { states: ["failed"] }, page.next_token],
          [busyWf, { start_date_lte: iso(3) }, page.next_token],
          [busyWf, {}, "not-a-token"],
          [busyWf, {}, Buffer.from('{"v":1,"p":null,"k":500,"l":"00000000"}').toString("base64url")]
        ] as const) {
          const exit = yield* Effect.exit(listWorkflowRuns(wf, filters, 2, token ?? undefined))
          expect(Exit.isFailure(exit)).toBe(true)
          if (Exit.isFailure(exit))
            expect(String(exit.cause)).toMatch(/next_token (belongs to another listing|is not one this server gave out)/)
        }
        expect(yield* listRunsCalls).toBe(0)
      })
    )
  )
})

describe("getWorkflowRun", () => {
  it.effect("flags a run the service reports SUCCESS while one of its tasks FAILED", () =>
    onFake(
      Effect.gen(function* () {
        const wf = yield* resolveWorkflow("busy-wf")
        const run = yield* getWorkflowRun(wf, "run-0001")
        expect(run).toMatchObject({ state: "success", succeeded_with_failed_tasks: true, failed_task_instance_ids: ["b-1"] })
        expect((yield* getWorkflowRun(wf, "run-0002")).succeeded_with_failed_tasks).toBe(false)
      })
    )
  )
})

describe("readWorkflowDefinition", () => {
  it.effect("masks the whole read before cutting, and cuts at a line's end: a secret across the cut never shows", () =>
    onFake(
      Effect.gen(function* () {
        const wf = yield* resolveWorkflow("busy-wf")
        // Masked, the document is shorter: a bound it fits in once masked cuts nothing.
        const maskedLength = Buffer.byteLength((yield* readWorkflowDefinition(wf, undefined, 1000)).content)
        for (const maxBytes of [85, 100, 105, 110, 112, 130, 150, 200, 1000]) {
          const d = yield* readWorkflowDefinition(wf, undefined, maxBytes)
          expect(d.content).not.toContain(SECRET.slice(0, 6))
          expect(d.content).not.toContain(SECRET.slice(-6))
          expect(Buffer.byteLength(d.content)).toBeLessThanOrEqual(maxBytes)
          expect(d.total_bytes).toBe(Buffer.byteLength(DEFINITION))
          expect(d.truncated).toBe(maxBytes < maskedLength)
          if (d.truncated) expect(d.content === "" || d.content.endsWith("\n")).toBe(true)
        }
        const whole = yield* readWorkflowDefinition(wf, undefined, 1000)
        expect(whole.content).toContain("conn_uri: ***")
        expect(whole.content).toContain("password: ***")
        expect(whole.masked).toBe(true)
      })
    )
  )
})
