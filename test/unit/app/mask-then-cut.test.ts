import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ManagedRuntime, Option } from "effect"
import fc from "fast-check"
import type { ToolHost } from "../../../src/ports/ToolHost.js"
import { DEMO_ENVIRONMENT_3, taskLogStreamName } from "../../../src/adapters/fake-mwaa/index.js"
import { toMwaaError } from "../../../src/adapters/aws/to-mwaa-error.js"
import { catalogue } from "../../../src/app/catalogue.js"
import { instructions } from "../../../src/app/instructions.js"
import { prompts } from "../../../src/app/prompts.js"
import { errorText } from "../../support/tool-error-text.js"
import { failureText } from "../../../src/domain/usecases/environment-health.js"
import { failure, makeToolHost } from "../../../src/app/tool-host.js"
import { MwaaError } from "../../../src/ports/MwaaError.js"
import { LONG_DAG, LONG_RUN, LONG_TASK, longIdsSeed } from "../../support/long-ids-seed.js"
import { SHAPES } from "../../support/adversarial-shapes.js"
import { leaks, secretForms, withSecretAt } from "../../support/secret-straddle.js"
import { fakeToolServices } from "../../support/test-layer.js"

/**
 * Error texts are masked whole, then cut: the tool host's 4,000 characters, the rendered Airflow
 * body's 2,000, an error message's 1,000, and the Airflow detail the AWS adapter quotes. And the
 * continuation token get-task-logs issues comes back usable, not masked as a "token".
 */

describe("error texts: masked, then cut", () => {
  it("the tool host's error text, wherever the secret sits around the cut (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3940, max: 4010 }), fc.constantFrom(...secretForms), (at, form) => {
        const text = failure(`get-dag failed: ${withSecretAt(at, form)}`).text
        expect(text.length).toBeLessThan(4100)
        expect(leaks(text), text.slice(3900)).toBe(false)
      }),
      { numRuns: 150 }
    )
  })

  it("Airflow's body and the error message, rendered (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 940, max: 2010 }), fc.constantFrom(...secretForms), (at, form) => {
        const error = new MwaaError({
          reason: "AirflowClientError",
          operation: "InvokeRestApi GET /dags",
          message: withSecretAt(at, form),
          airflowStatus: 400,
          airflowBody: withSecretAt(at, form)
        })
        expect(leaks(errorText("get-dag", "env", error))).toBe(false)
      }),
      { numRuns: 150 }
    )
  })

  it("Airflow's detail as the AWS adapter quotes it (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 240, max: 310 }), fc.constantFrom(...secretForms), (at, form) => {
        const error = toMwaaError("InvokeRestApi GET /dags")({
          name: "RestApiClientException",
          message: "Airflow failed",
          RestApiStatusCode: 400,
          RestApiResponse: { detail: withSecretAt(at, form) }
        })
        expect(leaks(failure(errorText("get-dag", "env", error)).text)).toBe(false)
      }),
      { numRuns: 150 }
    )
  })

  it("a failed part of get-environment-health, in one line of 300 characters (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 240, max: 310 }), fc.constantFrom(...secretForms), (at, form) => {
        const error = new MwaaError({ reason: "AirflowServerError", operation: "x", message: withSecretAt(at, form) })
        expect(leaks(failureText(error))).toBe(false)
      }),
      { numRuns: 150 }
    )
  })
})

describe("get-task-logs' continuation token through the tool host", () => {
  const LINES = 1000
  const stream = taskLogStreamName({ dagId: LONG_DAG, runId: LONG_RUN, taskId: LONG_TASK, tryNumber: 1 })
  let host: ToolHost
  let runtime: ManagedRuntime.ManagedRuntime<never, unknown>

  beforeAll(() => {
    const seed = longIdsSeed()
    const lines = Array.from({ length: LINES }, (_, i) => `[2026-11-24, 02:00:00 UTC] {x.py:1} INFO - line ${i}`)
    const layer = fakeToolServices(
      { ...seed, environments: seed.environments.map((env) => ({ ...env, logStreams: { ...env.logStreams, [stream]: lines } })) },
      { defaultEnvironment: Option.some(DEMO_ENVIRONMENT_3), maxRequestsPerSecond: 1000 }
    )
    runtime = ManagedRuntime.make(layer) as ManagedRuntime.ManagedRuntime<never, unknown>
    host = makeToolHost(runtime as never, { tools: catalogue, prompts, instructions: instructions(false), version: "test" })
  })
  afterAll(() => runtime.dispose())

  it("pages a truncated log back to its first line with the tokens it returns, none masked", async () => {
    const ids = { dag_id: LONG_DAG, dag_run_id: LONG_RUN, task_id: LONG_TASK, try_number: 1, tail_lines: 150 }
    const shown: Array<string> = []
    let token: string | undefined
    for (let call = 0; call < 20; call++) {
      const result = await host.callTool("get-task-logs", token === undefined ? ids : { ...ids, continuation_token: token }, {
        signal: new AbortController().signal
      })
      expect(result.isError, result.text).toBe(false)
      const answer = result.structuredContent as { lines: Array<string>; truncated: boolean; continuation_token: string | null }
      shown.unshift(...answer.lines)
      if (!answer.truncated) {
        expect(answer.continuation_token).toBeNull()
        break
      }
      expect(answer.continuation_token).not.toBe("***")
      expect(answer.continuation_token).toMatch(/^[A-Za-z0-9_-]{16,}$/)
      expect(result.text).toContain(answer.continuation_token)
      token = answer.continuation_token ?? undefined
    }
    expect(shown).toHaveLength(LINES)
    expect(shown.map((l) => Number(/line (\d+)$/.exec(l)?.[1]))).toEqual(Array.from({ length: LINES }, (_, i) => i))
  })
})

describe("an environment full of adversarial text cannot stall a call", () => {
  let host: ToolHost
  let runtime: ManagedRuntime.ManagedRuntime<never, unknown>
  const shapes = Object.entries(SHAPES)

  beforeAll(() => {
    const seed = longIdsSeed()
    // Every adversarial shape at 1 MB, as the values of one environment's variables: 40 MB to mask.
    const variables = shapes.map(([name, build], i) => ({ key: `v${i}`, value: build(1024 * 1024), description: name }))
    const layer = fakeToolServices(
      { ...seed, environments: seed.environments.map((env) => ({ ...env, variables })) },
      { defaultEnvironment: Option.some(DEMO_ENVIRONMENT_3), maxRequestsPerSecond: 1000 }
    )
    runtime = ManagedRuntime.make(layer) as ManagedRuntime.ManagedRuntime<never, unknown>
    host = makeToolHost(runtime as never, { tools: catalogue, prompts, instructions: instructions(false), version: "test" })
  })
  afterAll(() => runtime.dispose())

  it("list-variables masks 40 MB of worst-case values whole, then cuts the answer to its budget", { timeout: 120_000 }, async () => {
    const started = performance.now()
    const result = await host.callTool("list-variables", { limit: 200 }, { signal: new AbortController().signal })
    const elapsed = performance.now() - started
    expect(result.isError, result.text.slice(0, 500)).toBe(false)
    expect(new TextEncoder().encode(JSON.stringify(result.structuredContent)).length).toBeLessThanOrEqual(64 * 1024)
    // One second per MB is the bar for each text; 40 texts of 1 MB, with room for a loaded machine.
    expect(elapsed, `${elapsed.toFixed(0)} ms`).toBeLessThan(shapes.length * 1000)
  })
})
