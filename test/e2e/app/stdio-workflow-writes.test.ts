import { Client } from "@modelcontextprotocol/sdk/client/index.js"
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js"
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  answerServerless,
  EVENTS_RUNNING_RUN,
  LATEST_PAYOUTS_RUN,
  PAYOUTS_RUN_COUNT,
  workflowArnOf
} from "../../../src/adapters/fake-mwaa-serverless/index.js"
import { binPath } from "../../support/bin-path.js"
import { type HttpFake, startHttpFake } from "../../support/http-fake/index.js"
import { awsModeEnv, connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { tinySeed } from "../../support/tiny-seed.js"
import { fails, ok } from "./stdio-helpers.js"

/**
 * start-workflow-run and stop-workflow-run as a user meets them: the built bin in AWS mode (the
 * SDK's MWAA Serverless client) against the HTTP fake and its demo workflows. Without --allow-write
 * nothing reaches MWAA Serverless; with it, a start repeated with the same token, or with none,
 * starts one run; a stop is put to the user where the client can ask, and needs confirm_run_id
 * where it cannot; a run that ended is never stopped.
 */

let fake: HttpFake
let readOnly: StdioSession
let writer: StdioSession
let asking: Client
const asked: Array<string> = []
let answer: "accept" | "decline" = "decline"

const serverlessRequests = () => fake.requests().filter((r) => String(r.operation).startsWith("AmazonMWAAServerless."))
const requestsOf = (operation: string) => serverlessRequests().filter((r) => r.operation === `AmazonMWAAServerless.${operation}`)

/** The workflow's runs as ListWorkflowRuns answers them, every page. */
const runIds = (workflowArn: string): Array<string> => {
  const ids: Array<string> = []
  let token: string | undefined
  do {
    const page = answerServerless(fake.world(fake.account, fake.region).serverless, "ListWorkflowRuns", {
      WorkflowArn: workflowArn,
      MaxResults: 100,
      ...(token === undefined ? {} : { NextToken: token })
    })
    if (!page.ok) throw new Error(JSON.stringify(page.error))
    ids.push(...(page.output["WorkflowRuns"] as Array<{ RunId: string }>).map((r) => r.RunId))
    token = page.output["NextToken"] as string | undefined
  } while (token !== undefined)
  return ids
}

let PAYOUTS: string

/** Out of the last seconds of a 5-minute UTC window, so two calls in a row fall in the same one. */
const awayFromWindowEdge = async () => {
  const left = 300_000 - (Date.now() % 300_000)
  if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 100))
}

const callAsking = async (args: Record<string, unknown>) => {
  const result = await asking.callTool({ name: "stop-workflow-run", arguments: args })
  const text = (result.content as Array<{ type: string; text?: string }>).map((c) => c.text ?? "").join("\n")
  return { isError: result.isError === true, text, structured: result.structuredContent as Record<string, any> | undefined }
}

beforeAll(async () => {
  fake = await startHttpFake({ seed: tinySeed() })
  PAYOUTS = workflowArnOf({ account: fake.account, region: fake.region }, { name: "payouts-nightly", arnSuffix: "Pq7Rs2Tu9W" })
  readOnly = await connectStdio(["--log-level", "none"], awsModeEnv(fake.url))
  writer = await connectStdio(["--allow-write", "--log-level", "none"], awsModeEnv(fake.url))
  const env = Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !e[0].startsWith("AWS_"))
  )
  asking = new Client({ name: "workflow-writes-confirm", version: "1.0" }, { capabilities: { elicitation: {} } })
  asking.setRequestHandler(ElicitRequestSchema, async (request) => {
    asked.push(request.params.message)
    return answer === "accept" ? { action: "accept" as const, content: { confirm: true } } : { action: answer }
  })
  await asking.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [binPath, "--allow-write", "--log-level", "none"],
      env: { ...env, ...awsModeEnv(fake.url) },
      stderr: "ignore"
    })
  )
})
afterAll(async () => {
  await asking?.close()
  await writer?.close()
  await readOnly?.close()
  await fake?.close()
})

describe("without --allow-write", () => {
  it("refuses both tools naming the flag, and no MWAA Serverless request reaches AWS (not even ListWorkflows)", async () => {
    fake.clearRequests()
    const start = await fails(readOnly, "start-workflow-run", { workflow: "payouts-nightly", client_token: "refused-1" })
    const stop = await fails(readOnly, "stop-workflow-run", {
      workflow: "events-hourly",
      run_id: EVENTS_RUNNING_RUN,
      confirm_run_id: EVENTS_RUNNING_RUN
    })
    for (const text of [start, stop]) expect(text).toContain("Restart the server with --allow-write")
    expect(fake.requests()).toEqual([])
    expect(runIds(PAYOUTS)).toHaveLength(PAYOUTS_RUN_COUNT)
  })
})

describe("start-workflow-run with --allow-write", () => {
  it("the same call twice with the same client_token starts one run, signed for airflow-serverless", async () => {
    const before = runIds(PAYOUTS)
    const args = { workflow: "payouts-nightly", override_parameters: { day: "2026-11-25" }, client_token: "stdio-retry-1" }
    const first = await ok(writer, "start-workflow-run", args)
    const again = await ok(writer, "start-workflow-run", args)
    expect(again.run_id).toBe(first.run_id)
    expect(first).toMatchObject({ status: "STARTING", state: "queued", client_token: "stdio-retry-1", client_token_derived: false })
    const after = runIds(PAYOUTS)
    expect(after).toHaveLength(before.length + 1)
    expect(after.filter((id) => !before.includes(id))).toEqual([first.run_id])
    const starts = requestsOf("StartWorkflowRun")
    expect(starts.length).toBeGreaterThanOrEqual(2)
    for (const r of starts) expect(r.signingService).toBe("airflow-serverless")
  })

  it("the same call twice with no client_token starts one run, and both answers carry the token derived", async () => {
    await awayFromWindowEdge()
    const before = runIds(PAYOUTS)
    const first = await ok(writer, "start-workflow-run", {
      workflow: "payouts-nightly",
      override_parameters: { day: "2026-11-27", full: true }
    })
    const again = await ok(writer, "start-workflow-run", { workflow: PAYOUTS, override_parameters: { full: true, day: "2026-11-27" } })
    expect(first.client_token_derived).toBe(true)
    expect(first.client_token).toMatch(/^mcp-\d{8}T\d{4}Z-[0-9a-f]{32}$/)
    expect(again.client_token).toBe(first.client_token)
    expect(again.run_id).toBe(first.run_id)
    expect(runIds(PAYOUTS)).toHaveLength(before.length + 1)
    // A retry with the returned token answers the same run too.
    const retried = await ok(writer, "start-workflow-run", {
      workflow: "payouts-nightly",
      override_parameters: { day: "2026-11-27", full: true },
      client_token: first.client_token
    })
    expect(retried.run_id).toBe(first.run_id)
  })

  it("a start whose answer is lost (the connection reset after the service started it) is retried and starts one run", async () => {
    const before = runIds(PAYOUTS)
    fake.clearRequests()
    fake.resetConnectionNext({ api: "AmazonMWAAServerless.StartWorkflowRun", processed: true })
    fake.throttleNext(1, { api: "AmazonMWAAServerless.StartWorkflowRun" })
    const started = await ok(writer, "start-workflow-run", { workflow: "payouts-nightly", override_parameters: { day: "2026-11-28" } })
    expect(requestsOf("StartWorkflowRun").map((r) => r.status)).toEqual([0, 429, 200])
    // The three attempts carried one token: the service started one run, the one answered.
    const after = runIds(PAYOUTS)
    expect(after).toHaveLength(before.length + 1)
    expect(after.filter((id) => !before.includes(id))).toEqual([started.run_id])
  })

  it("a token used with other parameters is refused clearly, and starts nothing", async () => {
    const before = runIds(PAYOUTS)
    const text = await fails(writer, "start-workflow-run", {
      workflow: "payouts-nightly",
      override_parameters: { day: "2026-12-01" },
      client_token: "stdio-retry-1"
    })
    expect(text).toContain("was already used for another request")
    expect(text).toContain("Pass a new client_token")
    expect(runIds(PAYOUTS)).toEqual(before)
  })

  it("names the field of bad input, and sends nothing", async () => {
    fake.clearRequests()
    const spaced = await fails(writer, "start-workflow-run", { workflow: "payouts-nightly", client_token: "two words" })
    // The error's masking reads "client_token: <word>" as a secret pair and masks the first word: the field and the rule still show.
    expect(spaced, spaced).toMatch(/- client_token: .*must be 1 to 128 printable ASCII characters without spaces/)
    const long = await fails(writer, "start-workflow-run", { workflow: "payouts-nightly", client_token: "x".repeat(129) })
    expect(long).toMatch(/- client_token: .*must be 1 to 128/)
    for (const parameters of [["a", "b"], "day=2026-11-25", 42]) {
      const text = await fails(writer, "start-workflow-run", { workflow: "payouts-nightly", override_parameters: parameters })
      expect(text).toContain("override_parameters: override_parameters must be a JSON object")
    }
    const huge = await fails(writer, "start-workflow-run", {
      workflow: "payouts-nightly",
      override_parameters: { blob: "x".repeat(70_000) }
    })
    expect(huge).toContain("override_parameters must be at most 65536 characters")
    expect(serverlessRequests()).toEqual([])
  })
})

describe("stop-workflow-run with --allow-write", () => {
  const startOne = async (token: string) =>
    (await ok(writer, "start-workflow-run", { workflow: "payouts-nightly", client_token: token })).run_id as string

  it("a client that can ask puts the run to the user: a no sends no stop, a yes stops it", async () => {
    const run_id = await startOne("stdio-stop-asked")
    fake.clearRequests()
    answer = "decline"
    const declined = await callAsking({ workflow: "payouts-nightly", run_id })
    expect(declined.isError).toBe(true)
    expect(declined.text).toMatch(/declined.*Nothing was changed/)
    expect(asked).toHaveLength(1)
    expect(asked[0]).toContain(`Stop run "${run_id}" of MWAA Serverless workflow "payouts-nightly" (STARTING (queued), started `)
    expect(requestsOf("StopWorkflowRun")).toEqual([])

    answer = "accept"
    const accepted = await callAsking({ workflow: "payouts-nightly", run_id })
    expect(accepted.isError, accepted.text).toBe(false)
    expect(accepted.structured).toMatchObject({ run_id, status: "STOPPING", previous_status: "STARTING" })
    expect(asked).toHaveLength(2)
    expect(requestsOf("StopWorkflowRun")).toHaveLength(1)
  })

  it("a client that cannot ask needs confirm_run_id: without it nothing is stopped, with it the run is", async () => {
    fake.clearRequests()
    const refused = await fails(writer, "stop-workflow-run", { workflow: "events-hourly", run_id: EVENTS_RUNNING_RUN })
    expect(refused).toContain("confirm_run_id must equal run_id exactly")
    const mismatched = await fails(writer, "stop-workflow-run", {
      workflow: "events-hourly",
      run_id: EVENTS_RUNNING_RUN,
      confirm_run_id: "scheduled-20261125T080000Z"
    })
    expect(mismatched).toContain("confirm_run_id must equal run_id exactly")
    expect(requestsOf("StopWorkflowRun")).toEqual([])
    const stopped = await ok(writer, "stop-workflow-run", {
      workflow: "events-hourly",
      run_id: EVENTS_RUNNING_RUN,
      confirm_run_id: EVENTS_RUNNING_RUN
    })
    expect(stopped).toMatchObject({ run_id: EVENTS_RUNNING_RUN, status: "STOPPING", previous_status: "RUNNING" })
    expect(stopped.next_steps[0]).toEqual({
      tool: "get-workflow-run",
      arguments: { workflow: "events-hourly", run_id: EVENTS_RUNNING_RUN },
      why: "Whether the run has STOPPED."
    })
    expect(requestsOf("StopWorkflowRun")).toHaveLength(1)
  })

  it("a run that already ended is refused before anything is sent, and the user is not asked", async () => {
    fake.clearRequests()
    const text = await fails(writer, "stop-workflow-run", {
      workflow: "payouts-nightly",
      run_id: LATEST_PAYOUTS_RUN,
      confirm_run_id: LATEST_PAYOUTS_RUN
    })
    expect(text).toContain(`workflow run "${LATEST_PAYOUTS_RUN}" for workflow payouts-nightly already ended: FAILED (failed)`)
    expect(text).toContain("nothing was sent")
    const before = asked.length
    answer = "accept"
    const viaAsking = await callAsking({ workflow: "payouts-nightly", run_id: LATEST_PAYOUTS_RUN })
    expect(viaAsking.isError).toBe(true)
    expect(viaAsking.text).toContain("already ended")
    expect(asked).toHaveLength(before)
    expect(requestsOf("StopWorkflowRun")).toEqual([])
  })
})
