import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  DEMO_API_TOKEN,
  DEMO_DB_PASSWORD,
  LATEST_PAYOUTS_RUN,
  PAYOUTS_RUN_COUNT
} from "../../../src/adapters/fake-mwaa-serverless/index.js"
import { FRAGMENTS } from "../../support/hostile-seed.js"
import { type HttpFake, startHttpFake } from "../../support/http-fake/index.js"
import { awsModeEnv, connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { HOSTILE_WORKFLOW, LONG_TASK_INSTANCE, LONG_WORKFLOW_RUN, workflowsSeed } from "../../support/workflows-seed.js"
import { callTool, fails, type Json, type ToolAnswer } from "./stdio-helpers.js"

/**
 * The workflow read tools as an assistant meets them: the built bin in AWS mode (the SDK's
 * MWAA Serverless client, CloudWatch Logs and S3) against the HTTP fake, over stdio. It pages a
 * workflow's 45 runs, reads the failed one and its task instances, and the fake's log shows every
 * call was an AmazonMWAAServerless.* target signed for airflow-serverless.
 */

const PAYOUTS = "payouts-nightly"

let fake: HttpFake
let session: StdioSession
const answers: Array<ToolAnswer> = []

beforeAll(async () => {
  const seed = workflowsSeed()
  fake = await startHttpFake({ seed, ...(seed.serverless === undefined ? {} : { serverless: seed.serverless }) })
  session = await connectStdio([], awsModeEnv(fake.url))
})
afterAll(async () => {
  await session?.close()
  await fake?.close()
})

const ok = async (name: string, args: Record<string, unknown>): Promise<Json> => {
  const answer = await callTool(session, name, args)
  answers.push(answer)
  expect(answer.isError, `${name} ${JSON.stringify(args)}: ${answer.text}`).toBe(false)
  return answer.structured
}

describe("workflow read tools over stdio (AWS mode, HTTP fake)", () => {
  it(`finds the workflow, pages its ${PAYOUTS_RUN_COUNT} runs, and reads the failed one with its task instances`, async () => {
    const listed = await ok("list-workflows", {})
    expect(listed.workflows.map((w: Json) => w.name)).toContain(PAYOUTS)
    const s3Reads = () => fake.requests().filter((r) => r.service === "s3").length
    const before = s3Reads()
    const workflow = await ok("get-workflow", { workflow: PAYOUTS })
    expect(workflow.latest_run).toMatchObject({ run_id: LATEST_PAYOUTS_RUN, state: "failed" })
    // The definition's location is shown; its text is read only by get-workflow-definition.
    expect(workflow.definition_location.bucket).toBe("demo-workflow-definitions")
    expect(s3Reads()).toBe(before)

    const runIds: Array<string> = []
    let next_token: string | undefined
    for (let call = 0; call < 5; call++) {
      const page = await ok("list-workflow-runs", { workflow: PAYOUTS, max_results: 20, ...(next_token ? { next_token } : {}) })
      runIds.push(...page.runs.map((r: Json) => r.run_id))
      next_token = page.next_token ?? undefined
      if (next_token === undefined) break
    }
    expect(next_token).toBeUndefined()
    expect(runIds).toHaveLength(PAYOUTS_RUN_COUNT)
    expect(new Set(runIds).size).toBe(PAYOUTS_RUN_COUNT)
    const failed = await ok("list-workflow-runs", { workflow: PAYOUTS, state: "failed" })
    expect(failed.runs.map((r: Json) => r.run_id)).toEqual([LATEST_PAYOUTS_RUN])

    const run = await ok("get-workflow-run", { workflow: workflow.arn, run_id: LATEST_PAYOUTS_RUN })
    expect(run).toMatchObject({ state: "failed", status: "FAILED", succeeded_with_failed_tasks: false })
    expect(answers.at(-1)?.summary).toContain("diagnose-workflow-run")
    const tasks = await ok("list-workflow-task-instances", { workflow: PAYOUTS, run_id: LATEST_PAYOUTS_RUN, include_details: true })
    const load = tasks.task_instances.find((t: Json) => t.task_id === "load_payouts")
    expect(load).toMatchObject({ state: "failed", try_number: 2, xcom: { db_password: "***", api_token: "***" } })
    expect(load.error_message).toContain("payouts_writer:***@")

    const definition = await ok("get-workflow-definition", { workflow: PAYOUTS })
    expect(definition.content).toContain("conn_uri: ***")
  })

  it("serves hostile content below the data label only: planted text, invisible characters, 255-character ids, a 64K XCom", async () => {
    const runs = await ok("list-workflow-runs", { workflow: HOSTILE_WORKFLOW })
    expect(runs.runs.map((r: Json) => r.run_id)).toEqual([LONG_WORKFLOW_RUN])
    const run = await ok("get-workflow-run", { workflow: HOSTILE_WORKFLOW, run_id: LONG_WORKFLOW_RUN })
    expect(run.task_instances[0].task_instance_id).toBe(LONG_TASK_INSTANCE)
    const task = await ok("list-workflow-task-instances", {
      workflow: HOSTILE_WORKFLOW,
      run_id: LONG_WORKFLOW_RUN,
      task_instance_id: LONG_TASK_INSTANCE
    })
    expect(task.task_instances[0].error_message).toContain(FRAGMENTS[1])
    expect(typeof task.task_instances[0].xcom.return_value).toBe("string")
    const workflows = await ok("list-workflows", { full: true })
    const hostile = workflows.workflows.find((w: Json) => w.name === HOSTILE_WORKFLOW)
    expect(hostile.description).toContain(FRAGMENTS[0])
    for (const answer of answers.slice(-4)) {
      for (const fragment of FRAGMENTS) expect(answer.summary).not.toContain(fragment)
      expect(answer.text).not.toMatch(/[\u200B\u202E]|\u{E0041}/u)
    }
  })

  it("refuses bad input naming the field", async () => {
    expect(await fails(session, "get-workflow", { workflow: "arn:aws:s3:::bucket/key" })).toMatch(/workflow/)
    expect(await fails(session, "get-workflow-run", { workflow: PAYOUTS, run_id: "runs/../x" })).toContain("run_id")
    expect(await fails(session, "list-workflow-runs", { workflow: PAYOUTS, max_results: 0 })).toContain("max_results")
  })

  it("sent only AmazonMWAAServerless.* targets signed for airflow-serverless, and no answer held the demo's secrets", () => {
    const serverless = fake.requests().filter((r) => r.service === "airflow-serverless")
    expect(serverless.length).toBeGreaterThan(10)
    for (const r of serverless) {
      expect(r.operation).toMatch(
        /^AmazonMWAAServerless\.(ListWorkflows|GetWorkflow|ListWorkflowVersions|ListWorkflowRuns|GetWorkflowRun|ListTaskInstances|GetTaskInstance)$/
      )
      expect(r.signingService).toBe("airflow-serverless")
      expect(r.region).toBe("us-east-1")
      expect(r.status).toBe(200)
    }
    expect(new Set(serverless.map((r) => r.operation))).toEqual(
      new Set(
        [
          "ListWorkflows",
          "GetWorkflow",
          "ListWorkflowVersions",
          "ListWorkflowRuns",
          "GetWorkflowRun",
          "ListTaskInstances",
          "GetTaskInstance"
        ].map((op) => `AmazonMWAAServerless.${op}`)
      )
    )
    // The definition came from S3, signed for s3.
    expect(fake.requests().some((r) => r.service === "s3" && r.signingService === "s3")).toBe(true)
    expect(answers.length).toBeGreaterThan(10)
    for (const answer of answers) {
      expect(answer.text).not.toContain(DEMO_DB_PASSWORD)
      expect(answer.text).not.toContain(DEMO_API_TOKEN)
    }
  })

  // Last: its 429s would otherwise be in the log the test above reads.
  it("retries a throttled read under the domain's policy: the SDK's one attempt answered 429, the tool still answers", async () => {
    fake.throttleNext(2, { api: "AmazonMWAAServerless.GetWorkflowRun" })
    const from = fake.requests().length
    const run = await ok("get-workflow-run", { workflow: "payouts-nightly", run_id: LATEST_PAYOUTS_RUN })
    expect(run.run_id).toBe(LATEST_PAYOUTS_RUN)
    const statuses = fake
      .requests()
      .slice(from)
      .filter((r) => r.operation === "AmazonMWAAServerless.GetWorkflowRun")
      .map((r) => r.status)
    expect(statuses).toEqual([429, 429, 200])
  })
})
