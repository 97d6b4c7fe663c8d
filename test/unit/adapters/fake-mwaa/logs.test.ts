import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { FakeMwaa, logGroupArn } from "../../../../src/adapters/fake-mwaa/index.js"
import { tinySeed } from "../../../support/tiny-seed.js"
import { viaInvoke } from "../../../support/airflow-routes.js"

const BIG = "dag_id=d/run_id=big/task_id=t/attempt=1.log"
const bigLines = Array.from({ length: 100_000 }, (_, i) => `line ${i}`)
const layer = () => FakeMwaa.layer(tinySeed({ [BIG]: bigLines }))
const GROUP = logGroupArn("tiny-2")

describe("fake CloudWatch Logs", () => {
  it.effect("DescribeLogStreams finds the streams of a task's tries by prefix; an unknown group is NotFound", () =>
    Effect.gen(function* () {
      const cw = (yield* FakeMwaa).cloudWatchLogs
      const streams = yield* cw.describeLogStreams(GROUP, "dag_id=d/run_id=r/task_id=t/")
      expect(streams.map((s) => s.logStreamName)).toEqual([
        "dag_id=d/run_id=r/task_id=t/attempt=1.log",
        "dag_id=d/run_id=r/task_id=t/attempt=2.log"
      ])
      const error = yield* Effect.flip(cw.describeLogStreams(logGroupArn("nope"), "dag_id="))
      expect(error.reason).toBe("NotFound")
    }).pipe(Effect.provide(layer()))
  )

  it.effect("GetLogEvents pages backwards from the newest event, then repeats its token at the start", () =>
    Effect.gen(function* () {
      const cw = (yield* FakeMwaa).cloudWatchLogs
      const first = yield* cw.getLogEventsBackward(GROUP, BIG, {})
      expect(first.events).toHaveLength(10_000)
      expect(first.events[0]?.message).toBe("line 90000")
      expect(first.events[9_999]?.message).toBe("line 99999")
      const seen = [...first.events]
      let token = first.nextBackwardToken
      for (let page = 0; page < 20; page++) {
        const next = yield* cw.getLogEventsBackward(GROUP, BIG, { nextToken: token })
        if (next.events.length === 0) {
          expect(next.nextBackwardToken).toBe(token)
          break
        }
        seen.unshift(...next.events)
        token = next.nextBackwardToken
      }
      expect(seen).toHaveLength(100_000)
      expect(seen.map((e) => e.message)).toEqual(bigLines)
      expect(seen.every((e, i) => i === 0 || e.timestamp >= (seen[i - 1]?.timestamp ?? 0))).toBe(true)
    }).pipe(Effect.provide(layer()))
  )

  it.effect("a limit pages in smaller steps; an unknown stream is NotFound; a forged token is a Validation error", () =>
    Effect.gen(function* () {
      const cw = (yield* FakeMwaa).cloudWatchLogs
      const stream = "dag_id=d/run_id=r/task_id=t/attempt=2.log"
      const last = yield* cw.getLogEventsBackward(GROUP, stream, { limit: 1 })
      expect(last.events.map((e) => e.message)).toEqual(["{x.py:1} ERROR - still broken"])
      const before = yield* cw.getLogEventsBackward(GROUP, stream, { limit: 1, nextToken: last.nextBackwardToken })
      expect(before.events.map((e) => e.message)).toEqual(["{x.py:1} INFO - second try starts"])
      const start = yield* cw.getLogEventsBackward(GROUP, stream, { limit: 1, nextToken: before.nextBackwardToken })
      expect(start).toEqual({ events: [], nextBackwardToken: before.nextBackwardToken })
      expect((yield* Effect.flip(cw.getLogEventsBackward(GROUP, "nope", {}))).reason).toBe("NotFound")
      expect((yield* Effect.flip(cw.getLogEventsBackward(GROUP, stream, { nextToken: "f/123" }))).reason).toBe("Validation")
    }).pipe(Effect.provide(layer()))
  )

  it.effect("a stream name or prefix over CloudWatch's 512 characters is a Validation error, as CloudWatch answers", () =>
    Effect.gen(function* () {
      const cw = (yield* FakeMwaa).cloudWatchLogs
      const long = `dag_id=${"d".repeat(505)}`
      expect(long).toHaveLength(512)
      expect((yield* Effect.flip(cw.getLogEventsBackward(GROUP, long, {}))).reason).toBe("NotFound")
      const over = yield* Effect.flip(cw.getLogEventsBackward(GROUP, `${long}x`, {}))
      expect(over).toMatchObject({ reason: "Validation", message: expect.stringContaining("less than or equal to 512") })
      expect((yield* Effect.flip(cw.describeLogStreams(GROUP, `${long}x`))).reason).toBe("Validation")
    }).pipe(Effect.provide(layer()))
  )
})

describe("fake Airflow task log endpoint", () => {
  it.effect("Airflow 2 answers the try's CloudWatch text as str() of [(host, text)]", () =>
    Effect.gen(function* () {
      const answer = yield* viaInvoke({ environmentName: "tiny-2", method: "GET", path: "/dags/d/dagRuns/r/taskInstances/t/logs/1" })
      const body = answer.body as { content: string; continuation_token: string }
      expect(
        body.content.startsWith("[('ip-10-0-0-2.ec2.internal', \"*** Reading remote log from Cloudwatch log_group: airflow-tiny-2-Task")
      ).toBe(true)
      expect(body.content).toContain("\\n[2026-11-24 08:00:59,000] {x.py:1} ERROR - it's broken")
      expect(body.continuation_token.length).toBeGreaterThan(20)
    }).pipe(Effect.provide(layer()))
  )

  it.effect("Airflow 3 answers structured messages, JSON events merged with their CloudWatch time", () =>
    Effect.gen(function* () {
      const answer = yield* viaInvoke({ environmentName: "tiny-3", method: "GET", path: "/dags/d/dagRuns/r/taskInstances/t/logs/2" })
      const content = (answer.body as { content: ReadonlyArray<Record<string, unknown>> }).content
      expect(content[0]?.["event"]).toBe("::group::Log message source details")
      expect(content.slice(2)).toEqual([
        { timestamp: "2026-11-24T08:03:01Z", level: "info", event: "second try starts", logger: "task" },
        { timestamp: "2026-11-24T08:03:59Z", level: "error", event: "still broken", logger: "task" }
      ])
    }).pipe(Effect.provide(layer()))
  )

  it.effect("the continuation token skips what was sent; a forged token is a 400; a try without a stream says so", () =>
    Effect.gen(function* () {
      const path = "/dags/d/dagRuns/r/taskInstances/t/logs/2"
      const first = (yield* viaInvoke({ environmentName: "tiny-2", method: "GET", path })).body as { continuation_token: string }
      const again = yield* viaInvoke({
        environmentName: "tiny-2",
        method: "GET",
        path,
        queryParameters: { token: first.continuation_token }
      })
      expect((again.body as { content: string }).content).toBe("[('ip-10-0-0-2.ec2.internal', '')]")
      const forged = yield* Effect.flip(
        viaInvoke({ environmentName: "tiny-3", method: "GET", path, queryParameters: { token: "abc.def" } })
      )
      expect(forged.airflowStatus).toBe(400)
      const none = yield* viaInvoke({ environmentName: "tiny-2", method: "GET", path: "/dags/d/dagRuns/r/taskInstances/t/logs/3" })
      expect((none.body as { content: string }).content).toContain("The specified log stream does not exist.")
    }).pipe(Effect.provide(layer()))
  )
})
