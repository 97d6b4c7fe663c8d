import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { DEMO_ENVIRONMENT_2, DEMO_FAILED_TASK, DEMO_MANUAL_RUN, FX_DAG, ORDERS_DAG } from "../../src/adapters/fake-mwaa/index.js"
import type { ToolCallResult } from "../../src/ports/ToolHost.js"
import { type FaultBackend, httpBackend, inMemoryBackend, MAX_ATTEMPTS } from "./fault-backends.js"

/**
 * The retry and error paths, through the tools, on both backends with the same faults: the
 * in-memory fake (faults at its ports, TestClock) and the AWS adapter against the HTTP fake
 * (faults on the wire). Reads and idempotent writes are retried on throttling and 5xx; another
 * write only on throttling; every failure is worded by its reason, with the attempts made.
 */
const backends: ReadonlyArray<readonly [string, () => Promise<FaultBackend>]> = [
  ["in-memory fake", async () => inMemoryBackend()],
  ["AWS adapter over the HTTP fake", httpBackend]
]

for (const [name, start] of backends) {
  describe(`faults: ${name}`, () => {
    let backend: FaultBackend
    let failedRunId: string
    const call = (tool: string, args: Record<string, unknown> = {}) => backend.call(tool, { environment_name: DEMO_ENVIRONMENT_2, ...args })
    const ok = async (tool: string, args: Record<string, unknown> = {}) => {
      const result = await call(tool, args)
      expect(result.isError, `${tool}: ${result.text}`).toBe(false)
      return result
    }
    const failed = async (tool: string, args: Record<string, unknown> = {}): Promise<string> => {
      const result: ToolCallResult = await call(tool, args)
      expect(result.isError, `${tool} should fail`).toBe(true)
      return result.text
    }
    const getDag = { dag_id: FX_DAG }

    beforeAll(async () => {
      backend = await start()
      // The environment is described once (and cached) before any fault: attempts count one operation.
      await ok("get-dag", getDag)
      const runs = (await ok("list-dag-runs", { dag_id: FX_DAG, state: "failed" })).structuredContent as { dag_runs: Array<any> }
      failedRunId = runs.dag_runs[0].dag_run_id
    })
    afterEach(() => backend.reset())
    afterAll(() => backend.close())

    const attemptsOf = async (api: "GetEnvironment" | "InvokeRestApi", run: () => Promise<unknown>, path?: RegExp) => {
      await backend.clearLog()
      await run()
      return backend.attempts(api, path)
    }

    it("retries a throttled read until it succeeds: GetEnvironment and an Airflow GET", async () => {
      await backend.throttleNext(2, "GetEnvironment")
      expect(await attemptsOf("GetEnvironment", () => ok("get-environment"))).toBe(3)
      await backend.throttleNext(1, "InvokeRestApi")
      expect(await attemptsOf("InvokeRestApi", () => ok("get-dag", getDag))).toBe(2)
    })

    it("retries a read and an idempotent write on Airflow's 5xx", async () => {
      await backend.failNext(1, 503, "InvokeRestApi")
      expect(await attemptsOf("InvokeRestApi", () => ok("get-dag", getDag))).toBe(2)
      await backend.failNext(1, 502, "InvokeRestApi")
      expect(await attemptsOf("InvokeRestApi", () => ok("pause-dag", getDag))).toBe(2)
      await ok("unpause-dag", getDag)
    })

    it("retries a throttled write that is not idempotent, and never one Airflow answered 5xx", async () => {
      const clear = { dag_id: FX_DAG, dag_run_id: failedRunId }
      const clearPath = /\/clearTaskInstances$/
      // The clearing call is the tool's first; a dry run on Airflow 2 then reads the states (a batch POST).
      await backend.throttleNext(1, "InvokeRestApi")
      expect(await attemptsOf("InvokeRestApi", () => ok("clear-task-instances", clear), clearPath)).toBe(2)
      await backend.failNext(1, 502, "InvokeRestApi")
      let text = ""
      expect(
        await attemptsOf(
          "InvokeRestApi",
          async () => {
            text = await failed("clear-task-instances", clear)
          },
          clearPath
        )
      ).toBe(1)
      expect(text).toMatch(/: AirflowServerError \[InvokeRestApi POST \/dags\/[^\]]+\/clearTaskInstances\]\. Airflow answered HTTP 502\./)
    })

    it("words a throttle that does not end with the attempts made", async () => {
      await backend.throttleAlways("GetEnvironment")
      expect(await failed("get-environment")).toContain(`: Throttled (after ${MAX_ATTEMPTS} attempts) [GetEnvironment].`)
      await backend.reset()
      await backend.throttleAlways("InvokeRestApi")
      const text = await failed("get-dag", getDag)
      expect(text).toContain(`: Throttled (after ${MAX_ATTEMPTS} attempts) [InvokeRestApi GET /dags/${FX_DAG}].`)
      expect(text).toContain("Hint: MWAA throttled the calls")
    })

    it("words a timeout as Timeout, without retrying it", async () => {
      await backend.timeoutNext("InvokeRestApi")
      let text = ""
      expect(
        await attemptsOf("InvokeRestApi", async () => {
          text = await failed("get-dag", getDag)
        })
      ).toBe(1)
      expect(text).toContain(`: Timeout [InvokeRestApi GET /dags/${FX_DAG}].`)
      await backend.timeoutNext("GetEnvironment")
      expect(await failed("get-environment")).toContain(": Timeout [GetEnvironment].")
    })

    it("retries a throttled CloudWatch read, and words a 5xx that does not end as Unavailable with the attempts", async () => {
      const log = { dag_id: ORDERS_DAG, dag_run_id: DEMO_MANUAL_RUN, task_id: DEMO_FAILED_TASK }
      await backend.clearLog()
      await ok("get-task-logs", log)
      const pagesRead = await backend.attempts("GetLogEvents")
      await backend.clearLog()
      await backend.throttleNext(1, "GetLogEvents")
      expect((await ok("get-task-logs", log)).text).toContain(`Log of ${DEMO_FAILED_TASK} try 2`)
      expect(await backend.attempts("GetLogEvents")).toBe(pagesRead + 1)
      await backend.failNext(5, 503, "GetLogEvents")
      expect(await failed("get-task-logs", log)).toContain(": Unavailable (after 3 attempts) [GetLogEvents].")
      await backend.reset()
      expect((await ok("get-task-logs", log)).text).toContain(`Log of ${DEMO_FAILED_TASK} try 2`)
    })

    it("words an Airflow answer in another shape as UnexpectedAnswer naming the field", async () => {
      await backend.malformedNext("InvokeRestApi")
      const text = await failed("get-dag", getDag)
      expect(text).toContain(`: UnexpectedAnswer [InvokeRestApi GET /dags/${FX_DAG}].`)
      expect(text).toMatch(/\nfield: dag_id\nexpected: /)
    })
  })
}

// The SDK types MWAA's members itself (a member of another type fails in its deserializer, before the
// edge's Schema), so GetEnvironment's reshaped answer is a contract of the in-memory port alone.
describe("faults: in-memory fake, GetEnvironment in another shape", () => {
  it("is UnexpectedAnswer naming the member", async () => {
    const backend = inMemoryBackend()
    await backend.malformedNext("GetEnvironment")
    const result = await backend.call("get-environment", { environment_name: DEMO_ENVIRONMENT_2 })
    expect(result.isError).toBe(true)
    expect(result.text).toContain(": UnexpectedAnswer [GetEnvironment].")
    expect(result.text).toMatch(/\nfield: Name\nexpected: /)
    await backend.close()
  })
})
