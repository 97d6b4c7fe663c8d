import { Client } from "@modelcontextprotocol/sdk/client/index.js"
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js"
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { matrixEnvironmentName } from "../../../src/adapters/fake-mwaa/index.js"
import { APPROVAL_DAG, APPROVAL_TASK, PENDING_APPROVAL_RUN } from "../../../src/adapters/fake-mwaa/demo/approvals.js"
import { approvalsSeed, HOSTILE_APPROVAL } from "../../support/approvals-seed.js"
import { binPath } from "../../support/bin-path.js"
import type { HttpFake } from "../../support/http-fake/index.js"
import { startHttpFake } from "../../support/http-fake/index.js"
import { awsModeEnv } from "../../support/stdio-client.js"

/**
 * respond-to-approval asks the user first where the client can ask (elicitation), showing the
 * request as it stands and the choice; a no sends nothing, a yes sends the answer. A request already
 * answered is refused without a question.
 */

const environment_name = matrixEnvironmentName("3.2.1")
const pending = { environment_name, dag_id: APPROVAL_DAG, dag_run_id: PENDING_APPROVAL_RUN, task_id: APPROVAL_TASK }

let fake: HttpFake
let client: Client
const asked: Array<string> = []
let answer: "accept" | "decline" = "decline"

const patches = () => fake.requests().filter((r) => r.method === "PATCH" && r.path.includes("hitlDetails"))
const call = async (args: Record<string, unknown>) => {
  const result = await client.callTool({ name: "respond-to-approval", arguments: args })
  const text = (result.content as Array<{ type: string; text?: string }>).map((c) => c.text ?? "").join("\n")
  return { isError: result.isError === true, text }
}

beforeAll(async () => {
  fake = await startHttpFake({ seed: approvalsSeed() })
  const env = Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !e[0].startsWith("AWS_"))
  )
  client = new Client({ name: "approvals-confirm", version: "1.0" }, { capabilities: { elicitation: {} } })
  client.setRequestHandler(ElicitRequestSchema, async (request) => {
    asked.push(request.params.message)
    return answer === "accept" ? { action: "accept" as const, content: { confirm: true } } : { action: answer }
  })
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [binPath, "--allow-write", "--log-level", "none"],
      env: { ...env, ...awsModeEnv(fake.url) },
      stderr: "ignore"
    })
  )
})
afterAll(async () => {
  await client?.close()
  await fake?.close()
})

describe("respond-to-approval asks the user before answering", () => {
  it("masks a secret in the request's body in the question, and sends nothing when the user declines", async () => {
    answer = "decline"
    const hostile = { environment_name, dag_id: HOSTILE_APPROVAL.dag, dag_run_id: HOSTILE_APPROVAL.run, task_id: HOSTILE_APPROVAL.task }
    const before = asked.length
    const refused = await call({ ...hostile, chosen_options: ["Approve"] })
    expect(refused.isError).toBe(true)
    expect(asked).toHaveLength(before + 1)
    expect(asked.at(-1)).toContain("Body: ")
    expect(asked.at(-1)).not.toContain("hunter2-approval")
    expect(patches()).toHaveLength(0)
    asked.splice(before)
  })

  it("shows the request and the choice, and sends nothing when the user declines", async () => {
    answer = "decline"
    const refused = await call({ ...pending, chosen_options: ["Approve"] })
    expect(refused.isError).toBe(true)
    expect(refused.text).toMatch(/declined.*nothing was changed/i)
    expect(asked).toHaveLength(1)
    expect(asked[0]).toContain(`task ${APPROVAL_TASK}`)
    expect(asked[0]).toContain('with "Approve"?')
    expect(asked[0]).toContain("Subject: Release the supplier payout batch of 2026-11-25?")
    expect(asked[0]).toContain('Options: "Approve", "Reject"')
    expect(patches()).toEqual([])
  })

  it("answers once the user accepts, and a second answer is refused without a question", async () => {
    answer = "accept"
    const done = await call({ ...pending, chosen_options: ["Reject"], params_input: { note: "Supplier not verified." } })
    expect(done.isError, done.text).toBe(false)
    expect(asked).toHaveLength(2)
    expect(patches()).toHaveLength(1)
    const again = await call({ ...pending, chosen_options: ["Approve"] })
    expect(again.isError).toBe(true)
    expect(again.text).toContain("was already answered")
    expect(again.text).toContain("responded_by: ")
    expect(asked).toHaveLength(2)
    expect(patches()).toHaveLength(1)
  })
})
