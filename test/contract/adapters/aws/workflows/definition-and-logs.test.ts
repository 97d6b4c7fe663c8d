import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { DEMO_DB_PASSWORD, LATEST_PAYOUTS_RUN } from "../../../../../src/adapters/fake-mwaa-serverless/index.js"
import { LOAD_BATCHES } from "../../../../../src/adapters/fake-mwaa-serverless/demo/runs.js"
import { PAYOUTS, workflowsOverHttpFake } from "./harness.js"

/**
 * What the Workflows port reads outside MWAA Serverless, on AWS against the HTTP fake: a version's
 * YAML definition from S3 (a ranged GetObject at the object's version) and a task attempt's log
 * stream from the workflow's CloudWatch log group (by its bare name), paged backwards.
 */
const { fake, workflows } = workflowsOverHttpFake()

const LOG_GROUP = "/aws/mwaa-serverless/payouts-nightly"
const LOAD_STREAM = `workflow.payouts-nightly.${LATEST_PAYOUTS_RUN}.load_payouts.attempt-2`

describe("Workflows on AWS: definitions from S3", () => {
  it.effect("the latest version's definition, whole, at its object version (read as stored: the domain masks)", () =>
    Effect.gen(function* () {
      const workflow = yield* workflows().get(PAYOUTS)
      const definition = yield* workflows().readDefinition(workflow.definition_location!, 64 * 1024)
      expect(definition.text.startsWith("payouts_nightly:\n  dag_id: payouts_nightly\n")).toBe(true)
      expect(definition.text).toContain(DEMO_DB_PASSWORD)
      expect(definition).toMatchObject({ total_bytes: Buffer.byteLength(definition.text), truncated: false })
      expect(fake().requests().at(-1)).toMatchObject({ operation: "GetObject", signingService: "s3", status: 206 })
    })
  )

  it.effect("a bounded head: the first bytes, truncated, with the object's whole size", () =>
    Effect.gen(function* () {
      const location = (yield* workflows().get(PAYOUTS)).definition_location!
      const whole = yield* workflows().readDefinition(location, 64 * 1024)
      const head = yield* workflows().readDefinition(location, 40)
      expect(head).toEqual({ text: whole.text.slice(0, 40), total_bytes: whole.total_bytes, truncated: true })
    })
  )

  it.effect("each version reads its own object; an object version S3 does not have is NotFound", () =>
    Effect.gen(function* () {
      const location = (yield* workflows().get(PAYOUTS)).definition_location!
      const latest = yield* workflows().readDefinition(location, 4096)
      const old = yield* workflows().readDefinition({ ...location, version_id: "v1.demo" }, 4096)
      expect(old.text).not.toBe(latest.text)
      expect(old.text).not.toContain(DEMO_DB_PASSWORD)
      expect(yield* Effect.flip(workflows().readDefinition({ ...location, version_id: "v9.none" }, 4096))).toMatchObject({
        reason: "NotFound",
        operation: "GetObject"
      })
    })
  )
})

describe("Workflows on AWS: task logs from CloudWatch Logs", () => {
  it.effect("the failed attempt's stream, newest page first, chained back to its first line", () =>
    Effect.gen(function* () {
      const task = yield* workflows().getTask(
        PAYOUTS,
        LATEST_PAYOUTS_RUN,
        (yield* workflows().listTasks(PAYOUTS, LATEST_PAYOUTS_RUN, { max_results: 50 })).items.find((t) => t.status === "FAILED")!
          .task_instance_id
      )
      const workflow = yield* workflows().get(PAYOUTS)
      expect([workflow.log_group, task.log_stream]).toEqual([LOG_GROUP, LOAD_STREAM])
      fake().clearRequests()

      const newest = yield* workflows().readLogBackward(LOG_GROUP, LOAD_STREAM, null, 200)
      expect(newest.messages).toHaveLength(200)
      expect(newest.messages.at(-1)).toBe("INFO - Marking task as FAILED (attempt 2 of 2)")
      expect(newest.messages.join("\n")).toContain(DEMO_DB_PASSWORD)
      const pages = [newest.messages]
      let older = newest.older
      while (older !== null) {
        const page = yield* workflows().readLogBackward(LOG_GROUP, LOAD_STREAM, older, 200)
        pages.unshift(page.messages)
        older = page.older
      }
      const lines = pages.flat()
      // Two lines before the batches, the traceback and the verdict after: none lost or repeated across pages.
      expect(lines).toHaveLength(LOAD_BATCHES + 10)
      expect(new Set(lines.filter((l) => l.includes("Loaded batch"))).size).toBe(LOAD_BATCHES)
      expect(lines[0]).toBe("INFO - Starting attempt 2 of task load_payouts (SQLExecuteQueryOperator) in workflow payouts-nightly")
      expect(lines[2]).toBe("INFO - Loaded batch 1 of payouts (500 rows)")
      const calls = fake().requests()
      expect(calls.every((r) => r.operation === "GetLogEvents" && r.signingService === "logs" && r.status === 200)).toBe(true)
      // The last call answers the start: no events and the token it was given.
      expect(calls.length).toBeGreaterThanOrEqual(Math.ceil(lines.length / 200))
    })
  )

  it.effect("a stream the group does not have, or a group that does not exist, is NotFound", () =>
    Effect.gen(function* () {
      expect(yield* Effect.flip(workflows().readLogBackward(LOG_GROUP, "workflow.payouts-nightly.none", null, 10))).toMatchObject({
        reason: "NotFound",
        operation: "GetLogEvents"
      })
      expect(yield* Effect.flip(workflows().readLogBackward("/aws/mwaa-serverless/none", LOAD_STREAM, null, 10))).toMatchObject({
        reason: "NotFound"
      })
    })
  )
})
