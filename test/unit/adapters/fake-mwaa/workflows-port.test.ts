import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import { FakeMwaa, demoSeed } from "../../../../src/adapters/fake-mwaa/index.js"
import {
  DEMO_DB_PASSWORD,
  LATEST_PAYOUTS_RUN,
  PAYOUTS_RUN_COUNT,
  workflowArnOf
} from "../../../../src/adapters/fake-mwaa-serverless/index.js"
import { Workflows } from "../../../../src/ports/Workflows.js"

const location = { account: "123456789012", region: "us-east-1" }
const PAYOUTS = workflowArnOf(location, { name: "payouts-nightly", arnSuffix: "Pq7Rs2Tu9W" })

const onDemo = <A, E>(f: (w: Workflows["Type"]) => Effect.Effect<A, E>) =>
  Effect.flatMap(Workflows, f).pipe(Effect.provide(FakeMwaa.layer(demoSeed(), location)))

describe("the in-memory Workflows port", () => {
  it.effect("lists workflows and pages a workflow's runs to the end", () =>
    onDemo((w) =>
      Effect.gen(function* () {
        const workflows = yield* w.list({ max_results: 10 })
        expect(workflows.items.map((x) => x.name)).toEqual(["events-hourly", "payouts-nightly"])
        const runs: Array<string> = []
        let token: string | undefined
        do {
          const page = yield* w.listRuns(PAYOUTS, { max_results: 20, next_token: token })
          runs.push(...page.items.map((r) => r.run_id))
          token = page.next_token ?? undefined
        } while (token !== undefined)
        expect(runs).toHaveLength(PAYOUTS_RUN_COUNT)
        expect(runs[0]).toBe(LATEST_PAYOUTS_RUN)
      })
    )
  )

  it.effect("reads a failed task with its log stream, and the stream's pages back to its start", () =>
    onDemo((w) =>
      Effect.gen(function* () {
        const workflow = yield* w.get(PAYOUTS)
        const run = yield* w.getRun(PAYOUTS, LATEST_PAYOUTS_RUN)
        expect(run.status).toBe("FAILED")
        const tasks = yield* w.listTasks(PAYOUTS, LATEST_PAYOUTS_RUN, { max_results: 100 })
        const load = tasks.items.find((t) => t.task_instance_id.startsWith("load_payouts"))
        const task = yield* w.getTask(PAYOUTS, LATEST_PAYOUTS_RUN, load?.task_instance_id ?? "")
        expect(task.status).toBe("FAILED")
        expect(task.attempt).toBe(2)
        expect(task.error_message).toContain(DEMO_DB_PASSWORD)
        let cursor: string | null = null
        const lines: Array<string> = []
        let pages = 0
        do {
          const page: { messages: ReadonlyArray<string>; older: string | null } = yield* w.readLogBackward(
            workflow.log_group ?? "",
            task.log_stream ?? "",
            cursor,
            500
          )
          lines.unshift(...page.messages)
          cursor = page.older
          pages++
        } while (cursor !== null)
        expect(pages).toBeGreaterThan(2)
        expect(lines[0]).toContain("Starting attempt 2")
        expect(lines.at(-2)).toContain(DEMO_DB_PASSWORD)
      })
    )
  )

  it.effect("reads the head of a definition at its object version, never splitting a character", () =>
    onDemo((w) =>
      Effect.gen(function* () {
        const workflow = yield* w.get(PAYOUTS)
        const location = workflow.definition_location
        expect(location?.version_id).toBe("v2.demo")
        const whole = yield* w.readDefinition(location ?? { bucket: "", object_key: "", version_id: null }, 1_000_000)
        expect(whole.truncated).toBe(false)
        expect(whole.text).toContain("load_payouts")
        const head = yield* w.readDefinition(location ?? { bucket: "", object_key: "", version_id: null }, 40)
        expect(head).toMatchObject({ truncated: true, total_bytes: whole.total_bytes })
        expect(Buffer.byteLength(head.text)).toBeLessThanOrEqual(40)
      })
    )
  )

  it.effect("answers the model's errors as MwaaError reasons", () =>
    onDemo((w) =>
      Effect.gen(function* () {
        const missing = yield* Effect.exit(w.getRun(PAYOUTS, "no-such-run"))
        expect(Exit.isFailure(missing) && JSON.stringify(missing.cause)).toContain("NotFound")
        const bad = yield* Effect.exit(w.get("not-an-arn"))
        expect(Exit.isFailure(bad) && JSON.stringify(bad.cause)).toContain("Validation")
      })
    )
  )

  it.effect("starts one run for one client token, however often it is retried", () =>
    onDemo((w) =>
      Effect.gen(function* () {
        const first = yield* w.startRun(PAYOUTS, { client_token: "retry-me-0001" })
        const again = yield* w.startRun(PAYOUTS, { client_token: "retry-me-0001" })
        expect(again.run_id).toBe(first.run_id)
        const runs = yield* w.listRuns(PAYOUTS, { max_results: 100 })
        expect(runs.items.filter((r) => r.run_id === first.run_id)).toHaveLength(1)
        const stopped = yield* w.stopRun(PAYOUTS, first.run_id)
        expect(stopped.run_id).toBe(first.run_id)
      })
    )
  )
})
