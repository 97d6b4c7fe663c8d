import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { FakeMwaa, logGroupArn, sourceBucketArn } from "../../../../src/adapters/fake-mwaa/index.js"
import { CALL_LOG_KEPT } from "../../../../src/adapters/fake-mwaa/call-log.js"
import { Environments } from "../../../../src/ports/Environments.js"
import { DagFiles } from "../../../../src/ports/DagFiles.js"
import { tinySeed } from "../../../support/tiny-seed.js"
import { viaInvoke } from "../../../support/airflow-routes.js"

const someCalls = Effect.gen(function* () {
  yield* (yield* Environments).list()
  yield* viaInvoke({ environmentName: "tiny-3", method: "GET", path: "/dags", queryParameters: { limit: 5 } })
  yield* Effect.flip(viaInvoke({ environmentName: "tiny-3", method: "PATCH", path: "/dags/d", body: { is_paused: true, x: 1 } }))
  yield* (yield* FakeMwaa).cloudWatchLogs.describeLogStreams(logGroupArn("tiny-2"), "dag_id=d/")
  yield* (yield* DagFiles).read(sourceBucketArn("tiny-2"), "dags/d.py")
})

describe("fake MWAA call log", () => {
  it.effect("records every gateway call in order, failed ones included, and clears on demand", () =>
    Effect.gen(function* () {
      const fake = yield* FakeMwaa
      yield* someCalls
      const calls = yield* fake.calls
      expect(calls.map((c) => c.api)).toEqual(["ListEnvironments", "InvokeRestApi", "InvokeRestApi", "DescribeLogStreams", "GetObject"])
      expect(calls[1]).toEqual({
        api: "InvokeRestApi",
        environmentName: "tiny-3",
        method: "GET",
        path: "/dags",
        queryParameters: { limit: 5 }
      })
      expect(calls[2]?.body).toEqual({ is_paused: true, x: 1 })
      expect(calls[3]).toMatchObject({ environmentName: "tiny-2", logStreamNamePrefix: "dag_id=d/" })
      expect(calls[4]).toMatchObject({ environmentName: "tiny-2", key: "dags/d.py" })
      yield* fake.clearCalls
      expect(yield* fake.calls).toEqual([])
    }).pipe(Effect.provide(FakeMwaa.layer(tinySeed())))
  )

  it.effect("keeps the most recent calls, at least CALL_LOG_KEPT of them, instead of growing without end", () =>
    Effect.gen(function* () {
      const fake = yield* FakeMwaa
      const environments = yield* Environments
      const total = 2 * CALL_LOG_KEPT + 5
      for (let i = 0; i < total; i++) yield* environments.get(`env-${i}`).pipe(Effect.ignore)
      const calls = yield* fake.calls
      expect(calls.length).toBeGreaterThanOrEqual(CALL_LOG_KEPT)
      expect(calls.length).toBeLessThanOrEqual(2 * CALL_LOG_KEPT)
      // The newest call is last, and what is kept is a contiguous run of the newest ones.
      expect(calls.at(-1)?.environmentName).toBe(`env-${total - 1}`)
      expect(calls[0]?.environmentName).toBe(`env-${total - calls.length}`)
    }).pipe(Effect.provide(FakeMwaa.layer(tinySeed())))
  )

  const path = join(mkdtempSync(join(tmpdir(), "fake-mwaa-")), "calls.jsonl")
  it.effect("with callLogPath, appends each call to the file as one JSON line", () =>
    Effect.gen(function* () {
      yield* someCalls
      const lines = readFileSync(path, "utf8")
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line))
      expect(lines.map((c) => c.api)).toEqual(["ListEnvironments", "InvokeRestApi", "InvokeRestApi", "DescribeLogStreams", "GetObject"])
      expect(lines).toEqual(yield* Effect.flatMap(FakeMwaa, (f) => f.calls))
    }).pipe(Effect.provide(FakeMwaa.layer(tinySeed(), { callLogPath: path })))
  )
})
