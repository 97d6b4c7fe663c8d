import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { matrixEnvironmentName } from "../../../src/adapters/fake-mwaa/index.js"
import { ANSWERED_APPROVAL_RUN, APPROVAL_DAG, APPROVAL_TASK, PENDING_APPROVAL_RUN } from "../../../src/adapters/fake-mwaa/demo/approvals.js"
import { DATA_LABEL } from "../../../src/app/data-label.js"
import { MAX_PATH_LENGTH } from "../../../src/domain/paths.js"
import { approvalsSeed, HOSTILE_APPROVAL, LONG_APPROVAL, PARAM_SECRET } from "../../support/approvals-seed.js"
import { FRAGMENTS } from "../../support/hostile-seed.js"
import type { HttpFake } from "../../support/http-fake/index.js"
import { startHttpFake } from "../../support/http-fake/index.js"
import { awsModeEnv, connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { callTool, fails, ok } from "./stdio-helpers.js"

/**
 * The approval tools as a user meets them: the built bin over stdio, in AWS mode against the HTTP
 * fake with the version-matrix environments. On 3.2 and 3.3 a waiting approval is listed, answered
 * with --allow-write (the fake shows the answer), and a second answer is refused; without the flag
 * nothing is sent; 3.0 and 2.11 are told the version the tools need; ids of 250 characters go
 * through the webserver route.
 */

let fake: HttpFake
let writer: StdioSession
let reader: StdioSession

beforeAll(async () => {
  fake = await startHttpFake({ seed: approvalsSeed() })
  writer = await connectStdio(["--allow-write"], awsModeEnv(fake.url))
  reader = await connectStdio([], awsModeEnv(fake.url))
})
afterAll(async () => {
  await writer?.close()
  await reader?.close()
  await fake?.close()
})

const pending = { dag_id: APPROVAL_DAG, dag_run_id: PENDING_APPROVAL_RUN, task_id: APPROVAL_TASK }
const hitlCalls = () => fake.requests().filter((r) => r.path.includes("hitlDetails"))

describe.each(["3.2.1", "3.3.1"])("approvals on Airflow %s", (version) => {
  const environment_name = matrixEnvironmentName(version)

  it("lists the waiting approval with its subject and options", async () => {
    const listed = await ok(reader, "list-pending-approvals", { environment_name, dag_id: APPROVAL_DAG })
    expect(listed.approvals).toHaveLength(1)
    expect(listed.approvals[0]).toMatchObject({
      ...pending,
      subject: "Release the supplier payout batch of 2026-11-25?",
      options: ["Approve", "Reject"],
      answered: false
    })
    expect(listed.approvals[0].waited_seconds).toBeGreaterThan(0)
  })

  it("without --allow-write refuses to answer, and sends nothing", async () => {
    const before = fake.requests().length
    expect(await fails(reader, "respond-to-approval", { environment_name, ...pending, chosen_options: ["Approve"] })).toContain(
      "--allow-write"
    )
    expect(fake.requests().length).toBe(before)
  })

  it("answers it with --allow-write: the fake records the answer, and a second answer names who answered and when", async () => {
    const answered = await ok(writer, "respond-to-approval", {
      environment_name,
      ...pending,
      chosen_options: ["Approve"],
      params_input: { note: "Checked against the ERP export." }
    })
    expect(answered.request).toMatchObject({ subject: "Release the supplier payout batch of 2026-11-25?", answered: false })
    expect(answered.response.chosen_options).toEqual(["Approve"])
    const patches = hitlCalls().filter((r) => r.method === "PATCH" && r.environmentName === environment_name)
    expect(patches).toHaveLength(1)
    const now = await ok(reader, "list-pending-approvals", { environment_name, dag_id: APPROVAL_DAG, status: "answered" })
    expect(now.approvals.map((a: { dag_run_id: string }) => a.dag_run_id)).toEqual([ANSWERED_APPROVAL_RUN, PENDING_APPROVAL_RUN])
    expect(now.approvals[1]).toMatchObject({
      answered: true,
      chosen_options: ["Approve"],
      params_input: { note: "Checked against the ERP export." },
      responded_by: answered.response.responded_by,
      task_state: "scheduled"
    })
    const again = await fails(writer, "respond-to-approval", { environment_name, ...pending, chosen_options: ["Reject"] })
    const [own, quoted] = again.split(DATA_LABEL)
    expect(own).toContain("was already answered")
    expect(quoted).toContain(`responded_by: ${answered.response.responded_by.name}\nresponded_at: ${answered.response.responded_at}`)
    expect(hitlCalls().filter((r) => r.method === "PATCH" && r.environmentName === environment_name)).toHaveLength(1)
  })

  it("refuses an option the request does not offer, naming the field and the options, before sending", async () => {
    const before = hitlCalls().filter((r) => r.method === "PATCH").length
    const text = await fails(writer, "respond-to-approval", {
      environment_name,
      dag_id: HOSTILE_APPROVAL.dag,
      dag_run_id: HOSTILE_APPROVAL.run,
      task_id: HOSTILE_APPROVAL.task,
      chosen_options: ["Approve it"]
    })
    expect(text).toContain("chosen_options must be among the options")
    expect(text).toContain('"Approve", "Reject"')
    expect(hitlCalls().filter((r) => r.method === "PATCH").length).toBe(before)
  })

  it("answers a request whose DAG, run and task ids are 250 characters, through the webserver route", async () => {
    const ids = { dag_id: LONG_APPROVAL.dag, dag_run_id: LONG_APPROVAL.run, task_id: LONG_APPROVAL.task }
    const answered = await ok(writer, "respond-to-approval", { environment_name, ...ids, chosen_options: ["Hold"] })
    expect(answered.response.chosen_options).toEqual(["Hold"])
    const patch = hitlCalls().find(
      (r) => r.method === "PATCH" && r.path.includes(LONG_APPROVAL.task) && r.environmentName === environment_name
    )
    expect(patch?.operation).toBe("AirflowWebserver")
  })

  it("masks the secrets in a request's params and keeps its planted text below the data label", async () => {
    const answer = await callTool(reader, "list-pending-approvals", { environment_name, dag_id: HOSTILE_APPROVAL.dag })
    expect(answer.isError).toBe(false)
    expect(answer.text).not.toContain(PARAM_SECRET)
    expect(answer.text).not.toContain("hunter2-approval")
    const [voice] = answer.text.split(DATA_LABEL)
    for (const f of FRAGMENTS) expect(voice).not.toContain(f)
  })
})

describe.each(["3.0.6", "2.11.2"])("approvals on Airflow %s", (version) => {
  const environment_name = matrixEnvironmentName(version)

  it("both tools say which version they need, and send nothing", async () => {
    const before = fake.requests().filter((r) => r.operation === "InvokeRestApi" || r.operation === "AirflowWebserver").length
    for (const text of [
      await fails(reader, "list-pending-approvals", { environment_name }),
      await fails(writer, "respond-to-approval", { environment_name, ...pending, chosen_options: ["Approve"] })
    ]) {
      expect(text).toContain("needs Airflow 3.1 or later")
      expect(text).toContain(`runs Airflow ${version}`)
    }
    expect(fake.requests().filter((r) => r.operation === "InvokeRestApi" || r.operation === "AirflowWebserver").length).toBe(before)
  })
})

describe("what the wire saw", () => {
  it("no Path over 64 sent to InvokeRestApi", () => {
    const long = fake.requests().filter((r) => r.operation === "InvokeRestApi" && r.path.length > MAX_PATH_LENGTH)
    expect(long.map((r) => r.path)).toEqual([])
    expect(hitlCalls().length).toBeGreaterThan(10)
  })
})
