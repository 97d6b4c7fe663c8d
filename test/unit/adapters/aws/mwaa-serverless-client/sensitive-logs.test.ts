import type { Logger } from "@smithy/types"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  GetWorkflowRunCommand,
  MWAAServerlessClient,
  StartWorkflowRunCommand
} from "../../../../../src/adapters/aws/mwaa-serverless-client/index.js"
import { startLoopback } from "./loopback-server.js"

/** The model marks a run's OverrideParameters sensitive (ObjectMap): the SDK's logs show neither what is sent nor what comes back. */

const ARN = "arn:aws:airflow-serverless:eu-west-1:123456789012:workflow/payouts-abcdefghij"
let server: Awaited<ReturnType<typeof startLoopback>>

beforeAll(async () => {
  server = await startLoopback(() => ({ status: 200, body: { RunId: "r1", OverrideParameters: { token: "answer-secret" } } }))
})
afterAll(() => server.close())

describe("MWAAServerlessClient logs", () => {
  it("keep OverrideParameters out, both ways, and name the command", async () => {
    const lines: Array<unknown> = []
    const logger: Logger = { trace: () => {}, debug: () => {}, info: (line) => lines.push(line), warn: () => {}, error: () => {} }
    const client = new MWAAServerlessClient({
      region: "eu-west-1",
      endpoint: server.endpoint,
      credentials: { accessKeyId: "AKIDLOOPBACK", secretAccessKey: "loopback-secret" },
      logger
    })
    await client.send(
      new StartWorkflowRunCommand({ WorkflowArn: ARN, ClientToken: "c1", OverrideParameters: { password: "input-secret" } })
    )
    await client.send(new GetWorkflowRunCommand({ WorkflowArn: ARN, RunId: "r1" }))
    const logged = JSON.stringify(lines)
    expect(lines).toHaveLength(2)
    expect(logged).toContain("StartWorkflowRunCommand")
    expect(logged).toContain(ARN)
    for (const secret of ["input-secret", "answer-secret", "loopback-secret"]) expect(logged).not.toContain(secret)
  })
})
