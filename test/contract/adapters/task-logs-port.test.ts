import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import { AwsGateway } from "../../../src/adapters/aws/index.js"
import { FakeMwaa, logGroupArn } from "../../../src/adapters/fake-mwaa/index.js"
import { TaskLogs, type TaskLogWhere } from "../../../src/ports/TaskLogs.js"
import { type HttpFake, startHttpFake } from "../../support/http-fake/index.js"
import { hermeticAwsEnv } from "./aws/gateway-harness.js"
import { tinySeed } from "../../support/tiny-seed.js"

/**
 * The TaskLogs port as the domain meets it, on both adapters: the in-memory fake, and the AWS
 * adapter over the HTTP fake's CloudWatch Logs (the SDK, the wire, the tokens). Same seed, same answers.
 */

const LINES = Array.from({ length: 25 }, (_, i) => `line ${i}`)
const seed = () => tinySeed({ "dag_id=d/run_id=big/task_id=t/attempt=1.log": LINES })
const task = { dag_id: "d", dag_run_id: "r", task_id: "t", map_index: -1, try_number: 2 }
const where = (extra: Partial<TaskLogWhere> = {}): TaskLogWhere => ({ ...task, logGroupArn: `${logGroupArn("tiny-2")}:*`, ...extra })

/** Every page of a try's log, newest first, following the cursors to the start. */
const allPages = (at: TaskLogWhere, pageEvents: number) =>
  Effect.gen(function* () {
    const logs = yield* TaskLogs
    const pages: Array<ReadonlyArray<string>> = []
    let cursor = Option.none<string>()
    for (let n = 0; n < 20; n++) {
      const page = yield* logs.readBackward(at, cursor, pageEvents)
      pages.push(page.messages)
      if (Option.isNone(page.older)) return pages
      cursor = page.older
    }
    return pages
  })

let http: HttpFake
hermeticAwsEnv()
beforeAll(async () => {
  http = await startHttpFake({ seed: seed() })
})
afterAll(() => http.close())

const backends: ReadonlyArray<readonly [string, () => Layer.Layer<TaskLogs>]> = [
  ["in-memory fake", () => FakeMwaa.layer(seed())],
  [
    "AWS adapter over the HTTP fake",
    () =>
      AwsGateway.layer({
        region: "us-east-1",
        endpoints: { mwaa: http.url, logs: http.url, s3: http.url },
        credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" }
      })
  ]
]

for (const [name, layer] of backends) {
  describe(`TaskLogs on the ${name}`, () => {
    it.effect("reads a log a page at a time from its end, oldest first in each page, to the start", () =>
      Effect.gen(function* () {
        const pages = yield* allPages(where({ dag_run_id: "big", try_number: 1 }), 10)
        // CloudWatch's last answer, once the start is reached, is empty: the cursor then ends.
        expect(pages).toEqual([LINES.slice(15), LINES.slice(5, 15), LINES.slice(0, 5), []])
        expect(pages.flat().length).toBe(25)
      }).pipe(Effect.provide(Layer.suspend(layer)))
    )

    it.effect("a short log is one page, and the page after it ends the read", () =>
      Effect.gen(function* () {
        const pages = yield* allPages(where(), 1000)
        expect(pages.flat()).toEqual(["{x.py:1} INFO - second try starts", "{x.py:1} ERROR - still broken"])
      }).pipe(Effect.provide(Layer.suspend(layer)))
    )

    it.effect("a try without a stream is TaskLogMissing, listing the tries that have one", () =>
      Effect.gen(function* () {
        const logs = yield* TaskLogs
        const missing = yield* Effect.flip(logs.readBackward(where({ try_number: 3 }), Option.none(), 100))
        expect(missing).toMatchObject({ _tag: "TaskLogMissing", task: { ...task, try_number: 3 }, tries: [1, 2] })
        const none = yield* Effect.flip(logs.readBackward(where({ task_id: "u", try_number: 1 }), Option.none(), 100))
        expect(none.message).toBe("No CloudWatch log for try 1 of task u (run r, DAG d). No try of this task has a log stream yet.")
      }).pipe(Effect.provide(Layer.suspend(layer)))
    )
  })
}
