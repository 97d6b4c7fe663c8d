/**
 * Robustness against a failing gateway (issue 4): the BUILT bin without --demo (the real AWS SDK
 * gateway; `npm run build` first), pointed by AWS_ENDPOINT_URL at the loopback HTTP fake MWAA —
 * through a small proxy that can replace one answer with a 50 MB body. One fault at a time on
 * list-dags, get-dag (Airflow's REST API through InvokeRestApi) and get-task-logs (CloudWatch
 * GetLogEvents): a 5xx, throttling without end, an HTML error page, malformed JSON, a reset
 * connection, a 50 MB body, an answer slower than the client's timeout. Each must give a clear
 * isError answer that names the tool and the environment (the 50 MB body may instead give a
 * success cut to the size cap), and the server must stay alive: each tool answers normally after.
 *
 * Timeouts of the gateway itself (InvokeRestApi's is 15 s, every other call's 30 s) are tested
 * in-process, on the same AWS SDK gateway with a 300 ms timeout, so the suite stays quick.
 */
import { randomBytes } from "node:crypto"
import { ManagedRuntime } from "effect"
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { AwsGateway } from "../../../src/adapters/aws/index.js"
import {
  DEMO_ENVIRONMENT_2,
  DEMO_ENVIRONMENT_3,
  DEMO_FAILED_TASK,
  DEMO_MANUAL_RUN,
  ORDERS_DAG
} from "../../../src/adapters/fake-mwaa/index.js"
import { toCallToolResult } from "../../../src/adapters/mcp/tools.js"
import { catalogue } from "../../../src/app/catalogue.js"
import { prompts } from "../../../src/app/prompts.js"
import { makeToolHost } from "../../../src/app/tool-host.js"
import { callTool, type Json, ok } from "../app/stdio-helpers.js"
import { type FaultTarget, type HttpFake, startHttpFake } from "../../support/http-fake/index.js"
import { type RewritingProxy, startRewritingProxy } from "../../support/rewriting-proxy.js"
import { awsModeEnv, connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { stubToolServices } from "../../support/test-layer.js"

/** The answer cap is 64 KiB of structured JSON; the text adds a summary line and a label. */
const MAX_ANSWER_CHARS = 70_000
const FIFTY_MB = 50 * 1024 * 1024

const credentials = { accessKeyId: "AKIDROBUSTNESS", secretAccessKey: "robustness-secret" }

interface Target {
  readonly tool: string
  readonly environment: string
  readonly args: Record<string, unknown>
  /** Which gateway call the fault hits. */
  readonly api: NonNullable<FaultTarget["api"]>
}

const TARGETS: ReadonlyArray<Target> = [
  { tool: "list-dags", environment: DEMO_ENVIRONMENT_2, args: { environment_name: DEMO_ENVIRONMENT_2 }, api: "InvokeRestApi" },
  {
    tool: "get-dag",
    environment: DEMO_ENVIRONMENT_3,
    args: { environment_name: DEMO_ENVIRONMENT_3, dag_id: ORDERS_DAG },
    api: "InvokeRestApi"
  },
  {
    tool: "get-task-logs",
    environment: DEMO_ENVIRONMENT_2,
    // try_number given: the tool goes straight to CloudWatch, so GetLogEvents is the call that fails.
    args: {
      environment_name: DEMO_ENVIRONMENT_2,
      dag_id: ORDERS_DAG,
      dag_run_id: DEMO_MANUAL_RUN,
      task_id: DEMO_FAILED_TASK,
      try_number: 2
    },
    api: "GetLogEvents"
  }
]

/** What every failure must look like to the assistant: an error, naming the tool and the environment, bounded. */
const expectClearError = (target: Target, answer: { isError: boolean; text: string }, reason: RegExp) => {
  if (process.env["MWAA_MCP_ROBUSTNESS_VERBOSE"] !== undefined) console.info(`${target.tool}: ${answer.text.slice(0, 600)}`)
  expect(answer.isError, `${target.tool} should have failed but answered: ${answer.text.slice(0, 300)}`).toBe(true)
  expect(answer.text).toContain(target.tool)
  expect(answer.text).toContain(target.environment)
  expect(answer.text).toMatch(reason)
  expect(answer.text.length).toBeLessThan(MAX_ANSWER_CHARS)
  expect(answer.text).not.toMatch(/internal error/i)
}

// Prose (words and spaces), as Airflow descriptions and logs are; long texts repeat a 1 KB paragraph.
const WORDS = "the nightly orders load read forty thousand rows from the warehouse and wrote them to the reporting schema".split(" ")
const prose = (bytes: number, salt: number): string => {
  const parts: Array<string> = []
  let size = 0
  for (let i = salt; size < Math.min(bytes, 1024); i++) {
    const w = WORDS[i % WORDS.length]!
    parts.push(w)
    size += w.length + 1
  }
  const paragraph = `${parts.join(" ")}. `
  return paragraph.repeat(Math.ceil(bytes / paragraph.length)).slice(0, bytes)
}

/** An InvokeRestApi answer (restJson1) with Airflow's response changed. */
const restJson = (body: Buffer, change: (response: Json) => Json): string => {
  const out = JSON.parse(body.toString("utf8")) as { RestApiStatusCode: number; RestApiResponse: Json }
  return JSON.stringify({ ...out, RestApiResponse: change(out.RestApiResponse) })
}

// ---- the bin over the HTTP fake -------------------------------------------------------------

describe("the bin on the AWS SDK gateway, one gateway fault at a time", () => {
  let fake: HttpFake
  let proxy: RewritingProxy
  let session: StdioSession

  beforeAll(async () => {
    fake = await startHttpFake()
    proxy = await startRewritingProxy(fake.url)
    session = await connectStdio(
      [],
      awsModeEnv(proxy.url, {
        AWS_ACCESS_KEY_ID: credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        // The fake answers in milliseconds; the default 8/s bucket would only make retries wait longer.
        MWAA_MCP_MAX_RPS: "100"
      })
    )
    await session.client.listTools()
  })
  afterAll(async () => {
    await session?.close()
    await proxy?.close()
    await fake?.close()
  })
  beforeEach(() => fake.reset())

  /** Alive and well: every target answers normally, and reached the fake for it. */
  const allAnswerNormally = async () => {
    for (const t of TARGETS) await ok(session, t.tool, t.args)
  }

  it("answers every target normally before any fault", allAnswerNormally)

  it("a 5xx: Airflow's 500 through InvokeRestApi, CloudWatch's 500", async () => {
    for (const t of TARGETS) {
      fake.failNext(50, { status: 500, api: t.api })
      const answer = await callTool(session, t.tool, t.args)
      fake.reset()
      expectClearError(t, answer, /500|Unavailable|ServiceUnavailable/)
    }
    await allAnswerNormally()
  })

  it("throttling without end: bounded retries, then a clear error", async () => {
    for (const t of TARGETS) fake.throttleAlways({ api: t.api })
    const started = performance.now()
    const answers = await Promise.all(TARGETS.map((t) => callTool(session, t.tool, t.args)))
    const elapsed = performance.now() - started
    fake.reset()
    for (const [i, t] of TARGETS.entries()) expectClearError(t, answers[i]!, /Throttl/)
    // The retry policy's total-time bound is 30 s; the attempts' backoff is far less.
    expect(elapsed).toBeLessThan(30_000)
    await allAnswerNormally()
  })

  it("an HTML error page (a proxy's 502) on every attempt", async () => {
    for (const t of TARGETS) for (let i = 0; i < 20; i++) fake.htmlNext({ api: t.api })
    const answers = await Promise.all(TARGETS.map((t) => callTool(session, t.tool, t.args)))
    fake.reset()
    for (const [i, t] of TARGETS.entries()) expectClearError(t, answers[i]!, /502|Bad Gateway|Unavailable/i)
    await allAnswerNormally()
  })

  it("malformed JSON", async () => {
    for (const t of TARGETS) {
      for (let i = 0; i < 20; i++) fake.malformedNext({ api: t.api })
      const answer = await callTool(session, t.tool, t.args)
      fake.reset()
      expectClearError(t, answer, /JSON|pars|malformed|deserializ|Unexpected|Unterminated/i)
    }
    await allAnswerNormally()
  })

  it("a connection reset on every attempt", async () => {
    for (const t of TARGETS) for (let i = 0; i < 20; i++) fake.resetConnectionNext({ api: t.api })
    const answers = await Promise.all(TARGETS.map((t) => callTool(session, t.tool, t.args)))
    fake.reset()
    for (const [i, t] of TARGETS.entries()) expectClearError(t, answers[i]!, /reset|socket|ECONNRESET|Unavailable|hang up/i)
    await allAnswerNormally()
  })

  it("an answer slower than the client's timeout: the client gives up, the server cancels and keeps serving", async () => {
    for (const t of TARGETS) fake.delayNext(20_000, { api: t.api })
    const outcomes = await Promise.all(
      TARGETS.map((t) =>
        session.client.callTool({ name: t.tool, arguments: t.args }, undefined, { timeout: 1_500 }).then(
          (result) => ({ result }),
          (error: unknown) => ({ error })
        )
      )
    )
    for (const [i, outcome] of outcomes.entries()) {
      expect("error" in outcome, `${TARGETS[i]!.tool} answered within 1.5 s despite a 20 s delay`).toBe(true)
      const error = (outcome as { error: unknown }).error
      expect(error instanceof McpError && error.code === ErrorCode.RequestTimeout, String(error)).toBe(true)
    }
    // The delayed calls are still pending at the fake; the server answers the next ones at once.
    const started = performance.now()
    await allAnswerNormally()
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  describe("a 50 MB body", () => {
    /** The answer the assistant gets is bounded, and says that it was cut, or it is a clear error. */
    const expectBounded = (t: Target, answer: { isError: boolean; text: string; structured: Json }) => {
      expect(answer.text.length, `${t.tool}: ${answer.text.length} characters of text`).toBeLessThan(MAX_ANSWER_CHARS)
      expect(JSON.stringify(answer.structured ?? {}).length).toBeLessThan(MAX_ANSWER_CHARS)
      if (answer.isError) expectClearError(t, answer, /./)
      else expect(answer.text, "a cut answer must say it was cut").toMatch(/cut|truncat/i)
      expect(proxy.rewrittenBytes().at(-1)).toBeGreaterThanOrEqual(FIFTY_MB)
    }

    // Most of each body is doc_md, which the tools do not return: the server must read and drop it.
    // What they do return (descriptions, the DAG list) is still far over the cap.
    it("list-dags: 2 000 DAGs of 26 KB each", { timeout: 60_000 }, async () => {
      const t = TARGETS[0]!
      proxy.rewriteNext({
        operation: "InvokeRestApi",
        path: /^\/dags$/,
        rewrite: (body) =>
          restJson(body, (response) => {
            const template = response.dags[0]
            const doc = prose(21_000, 3)
            const dags = Array.from({ length: 2_000 }, (_, i) => ({
              ...template,
              dag_id: `bulk_dag_${i}`,
              description: prose(5_300, i),
              doc_md: doc
            }))
            return { ...response, dags, total_entries: dags.length }
          })
      })
      const answer = await callTool(session, t.tool, t.args)
      expect(proxy.pending()).toBe(0)
      expectBounded(t, answer)
      if (!answer.isError) {
        // Paging goes on where the cut answer stopped.
        expect(answer.structured.total_entries).toBe(2_000)
        expect(answer.structured.next_offset).toBe(answer.structured.dags.length)
      }
      await allAnswerNormally()
    })

    it("get-dag: a 10 MB description and 40 MB of doc_md", { timeout: 60_000 }, async () => {
      const t = TARGETS[1]!
      proxy.rewriteNext({
        operation: "InvokeRestApi",
        // Airflow 3's get-dag reads the DAG's details (they carry its current version).
        path: new RegExp(`^/dags/${ORDERS_DAG}(/details)?$`),
        rewrite: (body) =>
          restJson(body, (dag) => ({ ...dag, description: prose(10 * 1024 * 1024, 0), doc_md: prose(40 * 1024 * 1024, 1) }))
      })
      const answer = await callTool(session, t.tool, t.args)
      expect(proxy.pending()).toBe(0)
      expectBounded(t, answer)
      if (!answer.isError) {
        expect(answer.structured.dag_id).toBe(ORDERS_DAG)
        expect(answer.structured.description.startsWith(prose(1_000, 0))).toBe(true)
      }
      await allAnswerNormally()
    })

    it("get-task-logs: a GetLogEvents page of 5 000 lines of 10 KB", { timeout: 60_000 }, async () => {
      const t = TARGETS[2]!
      proxy.rewriteNext({
        operation: "GetLogEvents",
        rewrite: (body) => {
          const page = JSON.parse(body.toString("utf8")) as Json
          const start = 1_795_000_000_000
          const events = Array.from({ length: 5_000 }, (_, i) => ({
            timestamp: start + i,
            ingestionTime: start + i + 5,
            message: `[2026-11-24T09:15:${String(i % 60).padStart(2, "0")}] {{orders.py:42}} INFO - line ${i}: ${prose(10_500, i)}`
          }))
          return JSON.stringify({ ...page, events })
        }
      })
      // The default tail (200 lines) is 2 MB here: over the cap.
      const answer = await callTool(session, t.tool, t.args)
      expect(proxy.pending()).toBe(0)
      expectBounded(t, answer)
      if (!answer.isError) {
        expect(answer.structured.truncated).toBe(true)
        // The end of the log is what explains a failure: it is kept.
        expect(answer.structured.lines.at(-1)).toContain("line 4999:")
      }
      await allAnswerNormally()
    })
  })

  // Last: if it fails, the server may stay busy a while.
  // Text from Airflow is masked for credentials: that must take time linear in its length. A
  // 100 KB run of word characters is a base64url attachment, a JWT, a hex dump in a log line.
  it("Airflow content with a 100 KB token (a base64url blob in a DAG description) is answered within 3 s", {
    timeout: 20_000
  }, async () => {
    const t = TARGETS[1]!
    const blob = randomBytes(75_000).toString("base64url")
    proxy.rewriteNext({
      operation: "InvokeRestApi",
      path: new RegExp(`^/dags/${ORDERS_DAG}$`),
      rewrite: (body) => restJson(body, (dag) => ({ ...dag, description: `Attachment: ${blob}` }))
    })
    const started = performance.now()
    const result = await session.client
      .callTool({ name: t.tool, arguments: t.args }, undefined, { timeout: 3_000 })
      .catch((error: unknown) => ({ timedOut: String(error) }))
    const elapsed = performance.now() - started
    expect(
      "timedOut" in result ? result.timedOut : undefined,
      `get-dag took over 3 s on a 100 KB token (${elapsed.toFixed(0)} ms)`
    ).toBeUndefined()
    expect(elapsed).toBeLessThan(3_000)
    expect((result as { isError?: boolean }).isError).not.toBe(true)
  })
})

// ---- the gateway's own timeouts, in-process ---------------------------------------------------

describe("the gateway's own timeouts (AWS SDK gateway in-process, 300 ms instead of 15 s and 30 s)", () => {
  let fake: HttpFake
  let runtime: ManagedRuntime.ManagedRuntime<any, any>
  let call: (tool: string, args: Record<string, unknown>) => Promise<{ isError: boolean; text: string }>

  beforeAll(async () => {
    fake = await startHttpFake()
    const gateway = AwsGateway.layer({
      region: "us-east-1",
      endpointUrl: fake.url,
      endpoints: {},
      credentials,
      invokeRestApiTimeout: "300 millis",
      callTimeout: "300 millis"
    })
    runtime = ManagedRuntime.make(stubToolServices(gateway, { maxRequestsPerSecond: 100 }))
    const host = makeToolHost(runtime, { tools: catalogue, prompts, instructions: "", version: "test" })
    call = async (tool, args) => {
      const result = toCallToolResult(await host.callTool(tool, args, { signal: new AbortController().signal }))
      const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n")
      return { isError: result.isError === true, text }
    }
  })
  afterAll(async () => {
    await runtime?.dispose()
    await fake?.close()
  })

  it("a slow InvokeRestApi or GetLogEvents fails with Timeout, naming tool and environment, and the next call answers", async () => {
    for (const t of TARGETS) {
      // Warm: the environment is described (GetEnvironment) before the slow call.
      expect((await call(t.tool, t.args)).isError).toBe(false)
      fake.delayNext(5_000, { api: t.api })
      const started = performance.now()
      const answer = await call(t.tool, t.args)
      const elapsed = performance.now() - started
      expectClearError(t, answer, /Timeout/)
      // A timeout is not retried: one 300 ms wait, not five.
      expect(elapsed).toBeLessThan(2_000)
      fake.reset()
      const again = await call(t.tool, t.args)
      expect(again.isError, again.text).toBe(false)
    }
  })
})
