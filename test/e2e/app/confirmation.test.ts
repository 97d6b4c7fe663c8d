import { Client } from "@modelcontextprotocol/client"
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio"
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/client"
import { Client as LegacyClient } from "@modelcontextprotocol/sdk/client/index.js"
import { StdioClientTransport as LegacyStdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js"
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3, DEMO_MANUAL_RUN, demoSeed, ORDERS_DAG } from "../../../src/adapters/fake-mwaa/index.js"
import { makeConfirmationCodec } from "../../../src/adapters/mcp/confirmation.js"
import { type HttpConnection, serveHttp } from "../../../src/adapters/mcp/http.js"
import { binPath } from "../../support/bin-path.js"
import { makeSecurityHarness } from "../../support/security-harness.js"
import { type LoggedCall, tempCallLog } from "./stdio-helpers.js"

/**
 * Destructive writes ask the user first, through clients that can ask (2026-07-28: an input-required
 * result; 2025: elicitation), showing what will be deleted or cleared. A refusal changes nothing and
 * says so; a client that cannot ask keeps the rules it had (confirm_environment_name, dry runs).
 */

type Answer = "accept" | "decline" | "cancel"

interface Asking {
  /** The questions the user was shown, in order. */
  readonly asked: Array<string>
  /** How the user answers the next questions. */
  answer: Answer
}

const asking = (): Asking => ({ asked: [], answer: "accept" })

const reply = (who: Asking, message: string) => {
  who.asked.push(message)
  return who.answer === "accept" ? { action: "accept" as const, content: { confirm: true } } : { action: who.answer }
}

const textOf = (result: object) =>
  (("content" in result ? result.content : []) as Array<{ type: string; text?: string }>)
    .filter((c) => c.type === "text")
    .map((c) => c.text ?? "")
    .join("\n")

type Era = "2026-07-28" | "2025 (v2 client)" | "2025 (1.32 client)"

interface Session {
  readonly call: (name: string, args: Record<string, unknown>) => Promise<{ isError: boolean; text: string }>
  readonly close: () => Promise<void>
}

/** The built bin on stdio (demo, writes allowed), with a client in `era` that answers questions as `who` says. */
const stdioSession = async (era: Era, who: Asking | undefined, callLog: string): Promise<Session> => {
  const env = { ...(process.env as Record<string, string>), MWAA_MCP_FAKE_CALL_LOG: callLog }
  const args = [binPath, "--demo", "--allow-write", "--log-level", "none"]
  if (era === "2025 (1.32 client)") {
    const client = new LegacyClient(
      { name: "legacy-test", version: "1.32" },
      { capabilities: who === undefined ? {} : { elicitation: {} } }
    )
    if (who !== undefined) client.setRequestHandler(ElicitRequestSchema, async (request) => reply(who, request.params.message))
    await client.connect(new LegacyStdioClientTransport({ command: process.execPath, args, env, stderr: "ignore" }))
    return {
      call: async (name, a) => {
        const result = await client.callTool({ name, arguments: a })
        return { isError: result.isError === true, text: textOf(result) }
      },
      close: () => client.close()
    }
  }
  const client = new Client(
    { name: "confirm-test", version: "2.4" },
    {
      capabilities: who === undefined ? {} : { elicitation: { form: {} } },
      versionNegotiation: { mode: era === "2026-07-28" ? { pin: "2026-07-28" } : "legacy" }
    }
  )
  if (who !== undefined) client.setRequestHandler("elicitation/create", async (request) => reply(who, request.params.message))
  await client.connect(new StdioClientTransport({ command: process.execPath, args, env, stderr: "ignore" }))
  return {
    call: async (name, a) => {
      const result = await client.callTool({ name, arguments: a })
      return { isError: result.isError === true, text: textOf(result) }
    },
    close: () => client.close()
  }
}

const deletes = (calls: ReadonlyArray<LoggedCall>) => calls.filter((c) => c.api === "DeleteEnvironment")
const clears = (calls: ReadonlyArray<LoggedCall>) => calls.filter((c) => c.path?.endsWith("/clearTaskInstances") === true)

describe.each<Era>(["2026-07-28", "2025 (v2 client)", "2025 (1.32 client)"])("over stdio, %s", (era) => {
  const log = tempCallLog()
  afterAll(() => log.remove())

  it("asks before deleting an environment, naming it, and deletes once the user accepts", async () => {
    const who = asking()
    const session = await stdioSession(era, who, log.path)
    try {
      const mark = log.mark()
      const answer = await session.call("delete-environment", { environment_name: DEMO_ENVIRONMENT_3 })
      expect(answer.isError, answer.text).toBe(false)
      expect(who.asked).toHaveLength(1)
      expect(who.asked[0]).toContain(`Delete the MWAA environment "${DEMO_ENVIRONMENT_3}" (Airflow 3`)
      expect(who.asked[0]).toContain("cannot be undone")
      expect(deletes(log.since(mark)).map((c) => c.environmentName)).toEqual([DEMO_ENVIRONMENT_3])
    } finally {
      await session.close()
    }
  })

  it("changes nothing, and says so, when the user declines or dismisses the question", async () => {
    for (const answer of ["decline", "cancel"] as const) {
      const who = asking()
      who.answer = answer
      const session = await stdioSession(era, who, log.path)
      try {
        const mark = log.mark()
        // Even with the name restated: the user's no wins.
        const refused = await session.call("delete-environment", {
          environment_name: DEMO_ENVIRONMENT_2,
          confirm_environment_name: DEMO_ENVIRONMENT_2
        })
        expect(refused.isError).toBe(true)
        expect(refused.text).toMatch(/declined.*nothing was changed/i)
        expect(who.asked).toHaveLength(1)
        expect(deletes(log.since(mark))).toEqual([])
      } finally {
        await session.close()
      }
    }
  })

  it("shows what clearing would re-run, from a dry run, and clears only after a yes", async () => {
    const who = asking()
    const session = await stdioSession(era, who, log.path)
    try {
      who.answer = "decline"
      let mark = log.mark()
      const args = { environment_name: DEMO_ENVIRONMENT_2, dag_id: ORDERS_DAG, dag_run_id: DEMO_MANUAL_RUN, dry_run: false }
      expect((await session.call("clear-task-instances", args)).text).toMatch(/declined/i)
      expect(who.asked[0]).toContain(`task instance(s) of DAG "${ORDERS_DAG}" in environment "${DEMO_ENVIRONMENT_2}"`)
      expect(who.asked[0]).toContain("aggregate_daily_totals")
      // Only the dry run reached Airflow.
      expect(clears(log.since(mark)).map((c) => c.body?.dry_run)).toEqual([true])

      who.answer = "accept"
      mark = log.mark()
      const cleared = await session.call("clear-task-instances", args)
      expect(cleared.isError, cleared.text).toBe(false)
      expect(cleared.text).toMatch(/^Cleared \d+ task instance/)
      expect(clears(log.since(mark)).map((c) => c.body?.dry_run)).toEqual([true, false])

      // A dry run asks nothing.
      const asked = who.asked.length
      expect((await session.call("clear-task-instances", { ...args, dry_run: true })).isError).toBe(false)
      expect(who.asked).toHaveLength(asked)
    } finally {
      await session.close()
    }
  })

  it("keeps the old rules for a client that cannot ask: the name restated, or nothing is deleted", async () => {
    const session = await stdioSession(era, undefined, log.path)
    try {
      const mark = log.mark()
      const refused = await session.call("delete-environment", { environment_name: DEMO_ENVIRONMENT_3 })
      expect(refused.isError).toBe(true)
      expect(refused.text).toContain("confirm_environment_name")
      const wrong = await session.call("delete-environment", { environment_name: DEMO_ENVIRONMENT_3, confirm_environment_name: "demo" })
      expect(wrong.isError).toBe(true)
      expect(deletes(log.since(mark))).toEqual([])
      const done = await session.call("delete-environment", {
        environment_name: DEMO_ENVIRONMENT_3,
        confirm_environment_name: DEMO_ENVIRONMENT_3
      })
      expect(done.isError, done.text).toBe(false)
      expect(deletes(log.since(mark))).toHaveLength(1)
    } finally {
      await session.close()
    }
  })
})

describe("over stateless HTTP", () => {
  const harness = makeSecurityHarness(demoSeed(), { allowWrite: true })
  let connection: HttpConnection
  beforeAll(async () => {
    connection = await serveHttp(harness.host, { port: 0, confirmations: makeConfirmationCodec(), log: () => {} })
  })
  afterAll(async () => {
    await connection.close()
    await harness.dispose()
  })
  afterEach(() => harness.clearCalls())

  const post = async (body: unknown) => {
    const response = await fetch(connection.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json, text/event-stream",
        "MCP-Protocol-Version": "2026-07-28",
        "Mcp-Method": "tools/call",
        "Mcp-Name": "delete-environment"
      },
      body: JSON.stringify(body)
    })
    return (await response.json()) as { result?: Record<string, unknown>; error?: unknown }
  }

  /** A 2026-07-28 tools/call as a client that can ask sends it, with what it carries from an earlier round. */
  const modernCall = (id: number, args: Record<string, unknown>, retry: Record<string, unknown> = {}) => ({
    jsonrpc: "2.0",
    id,
    method: "tools/call",
    params: {
      name: "delete-environment",
      arguments: args,
      ...retry,
      _meta: {
        "io.modelcontextprotocol/protocolVersion": "2026-07-28",
        "io.modelcontextprotocol/clientInfo": { name: "raw-test", version: "1" },
        "io.modelcontextprotocol/clientCapabilities": { elicitation: { form: {} } }
      }
    }
  })

  it("puts the question and takes the answer in two requests, each on a fresh server", async () => {
    const who = asking()
    const client = new Client(
      { name: "http-confirm", version: "1" },
      { capabilities: { elicitation: { form: {} } }, versionNegotiation: { mode: { pin: "2026-07-28" } } }
    )
    client.setRequestHandler("elicitation/create", async (request) => reply(who, request.params.message))
    await client.connect(new StreamableHTTPClientTransport(new URL(connection.url)))
    try {
      const result = await client.callTool({ name: "delete-environment", arguments: { environment_name: DEMO_ENVIRONMENT_2 } })
      expect(result.isError, textOf(result)).toBeFalsy()
      expect(who.asked[0]).toContain(DEMO_ENVIRONMENT_2)
      expect((await harness.calls()).filter((c) => c.api === "DeleteEnvironment")).toHaveLength(1)
    } finally {
      await client.close()
    }
  })

  it("does not let an answer given for one call stand for another: it asks again", async () => {
    const first = await post(modernCall(1, { environment_name: DEMO_ENVIRONMENT_2 }))
    expect(first.result?.["resultType"]).toBe("input_required")
    const state = first.result?.["requestState"]
    expect(typeof state).toBe("string")
    const accepted = { inputResponses: { confirm: { action: "accept", content: { confirm: true } } } }
    // The yes to deleting demo-airflow-2, replayed on a call that deletes demo-airflow-3.
    const replayed = await post(modernCall(2, { environment_name: DEMO_ENVIRONMENT_3 }, { ...accepted, requestState: state }))
    expect(replayed.result?.["resultType"]).toBe("input_required")
    // An answer with no question behind it.
    const unasked = await post(modernCall(3, { environment_name: DEMO_ENVIRONMENT_3 }, accepted))
    expect(unasked.result?.["resultType"]).toBe("input_required")
    // A forged state is refused outright.
    const forged = await post(modernCall(4, { environment_name: DEMO_ENVIRONMENT_3 }, { ...accepted, requestState: `${state}x` }))
    expect(forged.error).toBeDefined()
    expect((await harness.calls()).filter((c) => c.api === "DeleteEnvironment")).toEqual([])
  })
})
