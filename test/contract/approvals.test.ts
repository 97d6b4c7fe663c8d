import { describe, expect, it } from "vitest"
import { MATRIX_VERSIONS, matrixEnvironmentName } from "../../src/adapters/fake-mwaa/index.js"
import { APPROVAL_DAG, APPROVAL_TASK, ANSWERED_APPROVAL_RUN, PENDING_APPROVAL_RUN } from "../../src/adapters/fake-mwaa/demo/approvals.js"
import { DATA_LABEL } from "../../src/app/data-label.js"
import { MAX_PATH_LENGTH } from "../../src/domain/paths.js"
import type { ToolCallResult } from "../../src/ports/ToolHost.js"
import { approvalsSeed, HOSTILE_APPROVAL, LONG_APPROVAL, PARAM_SECRET } from "../support/approvals-seed.js"
import { FRAGMENTS } from "../support/hostile-seed.js"
import { validatorFor } from "../support/openapi.js"
import { contractBackends, contractSession } from "./backends.js"

/**
 * list-pending-approvals and respond-to-approval through the catalogue, on the in-memory fake and on
 * the AWS SDK gateway over the HTTP fake: Airflow 3.2 and 3.3 answer (every answer validated against
 * 3.2's OpenAPI document, no Path over 64 sent to InvokeRestApi, long ids through the webserver);
 * 3.0 and 2.11 are told which version the tools need, and nothing is sent.
 */

// The matrix helper adds a 3.3 document later; until then 3.3 is checked against 3.2's.

/** The payout request still waiting on a person, in the demo story of 3.1 and later. */
const payoutRequest = { dag_id: APPROVAL_DAG, dag_run_id: PENDING_APPROVAL_RUN, task_id: APPROVAL_TASK }

const textBeforeData = (r: ToolCallResult) => r.text.split(DATA_LABEL)[0] ?? ""

for (const backend of contractBackends) {
  describe(`approvals: ${backend.name}`, () => {
    const session = contractSession(backend, approvalsSeed, { allowWrite: true })
    const { exchanges, call } = session

    const ok = async (name: string, args: Record<string, unknown>) => {
      const result = await call(name, args)
      expect(result.isError, `${name}: ${result.text}`).toBe(false)
      return result
    }

    for (const version of ["3.2.1", "3.3.1"]) {
      const environment_name = matrixEnvironmentName(version)
      describe(`Airflow ${version}`, () => {
        it("lists the requests still waiting, across the environment, with subject, options and how long they waited", async () => {
          const answer = (await ok("list-pending-approvals", { environment_name })).structuredContent as any
          expect(answer.total_entries).toBe(3)
          const payout = answer.approvals.find((a: any) => a.dag_id === APPROVAL_DAG)
          expect(payout).toMatchObject({
            dag_run_id: PENDING_APPROVAL_RUN,
            task_id: APPROVAL_TASK,
            map_index: -1,
            task_state: "deferred",
            subject: "Release the supplier payout batch of 2026-11-25?",
            options: ["Approve", "Reject"],
            defaults: ["Reject"],
            multiple: false,
            answered: false,
            responded_by: null
          })
          expect(payout.params.note).toMatchObject({ value: "" })
          expect(payout.waited_seconds).toBeGreaterThan(3600)
          expect(answer.approvals.map((a: any) => a.dag_id)).toContain(LONG_APPROVAL.dag)
        })

        it("narrows to one DAG or one run, and lists answered requests with who answered", async () => {
          const all = (await ok("list-pending-approvals", { environment_name, dag_id: APPROVAL_DAG, status: "all" }))
            .structuredContent as any
          expect(all.approvals.map((a: any) => a.dag_run_id)).toEqual([ANSWERED_APPROVAL_RUN, PENDING_APPROVAL_RUN])
          expect(all.approvals[0]).toMatchObject({
            answered: true,
            responded_by: { id: "maria.lopez", name: "Maria Lopez" },
            chosen_options: ["Approve"],
            assignees: [
              { id: "maria.lopez", name: "Maria Lopez" },
              { id: "sam.okafor", name: "Sam Okafor" }
            ]
          })
          const run = (
            await ok("list-pending-approvals", { environment_name, dag_id: APPROVAL_DAG, dag_run_id: ANSWERED_APPROVAL_RUN, status: "all" })
          ).structuredContent as any
          expect(run.approvals).toHaveLength(1)
          const paged = (await ok("list-pending-approvals", { environment_name, limit: 1, offset: 1 })).structuredContent as any
          expect(paged).toMatchObject({ total_entries: 3, offset: 1, limit: 1, next_offset: 2 })
        })

        it("refuses an option the request does not offer, and two options where it takes one, before sending", async () => {
          const before = exchanges.filter((x) => x.request.method === "PATCH").length
          const unknown = await call("respond-to-approval", { environment_name, ...payoutRequest, chosen_options: ["Maybe"] })
          expect(unknown.isError).toBe(true)
          expect(unknown.text).toContain("chosen_options must be among the options")
          expect(unknown.text).toContain('"Approve", "Reject"')
          const two = await call("respond-to-approval", { environment_name, ...payoutRequest, chosen_options: ["Approve", "Reject"] })
          expect(two.isError).toBe(true)
          expect(two.text).toContain("chosen_options must hold exactly one option")
          const empty = await call("respond-to-approval", { environment_name, ...payoutRequest, chosen_options: [] })
          expect(empty.isError).toBe(true)
          expect(empty.text).toContain("chosen_options")
          expect(exchanges.filter((x) => x.request.method === "PATCH").length).toBe(before)
        })

        it("answers a request, shows it back, and refuses a second answer naming who answered and when", async () => {
          const answered = (
            await ok("respond-to-approval", {
              environment_name,
              ...payoutRequest,
              chosen_options: ["Approve"],
              params_input: { note: "Checked." }
            })
          ).structuredContent as any
          expect(answered.request).toMatchObject({ subject: "Release the supplier payout batch of 2026-11-25?", answered: false })
          expect(answered.response).toMatchObject({ chosen_options: ["Approve"], params_input: { note: "Checked." } })
          const by = answered.response.responded_by.name as string
          const again = await call("respond-to-approval", { environment_name, ...payoutRequest, chosen_options: ["Reject"] })
          expect(again.isError).toBe(true)
          // Named below the data label: a user's name is the environment's word, not the server's.
          const [own, quoted] = again.text.split(DATA_LABEL)
          expect(own).toContain("was already answered")
          expect(own).not.toContain(by)
          expect(quoted).toContain(`responded_by: ${by}\nresponded_at: ${answered.response.responded_at}`)
          const now = (await ok("list-pending-approvals", { environment_name, dag_id: APPROVAL_DAG, status: "answered" }))
            .structuredContent as any
          expect(now.approvals).toHaveLength(2)
          expect(now.approvals[1]).toMatchObject({ answered: true, chosen_options: ["Approve"], task_state: "scheduled" })
        })

        it("answers a request whose ids are 250 characters through the webserver, with several options where allowed", async () => {
          const answered = (
            await ok("respond-to-approval", {
              environment_name,
              dag_id: LONG_APPROVAL.dag,
              dag_run_id: LONG_APPROVAL.run,
              task_id: LONG_APPROVAL.task,
              chosen_options: ["Ship", "Split"]
            })
          ).structuredContent as any
          expect(answered.response.chosen_options).toEqual(["Ship", "Split"])
          const patch = exchanges.find((x) => x.request.method === "PATCH" && x.request.path.includes(LONG_APPROVAL.task))
          expect(patch?.api).toBe("Webserver")
        })

        it("masks secrets in params and keeps planted text below the data label", async () => {
          const result = await ok("list-pending-approvals", { environment_name, dag_id: HOSTILE_APPROVAL.dag })
          expect(result.text).not.toContain(PARAM_SECRET)
          expect(result.text).not.toContain("hunter2-approval")
          expect(result.text).not.toContain("\u200B")
          for (const f of FRAGMENTS) expect(textBeforeData(result)).not.toContain(f)
          const approval = (result.structuredContent as any).approvals[0]
          expect(approval.params.api_token).toBe("***")
          const answer = await call("respond-to-approval", {
            environment_name,
            dag_id: HOSTILE_APPROVAL.dag,
            dag_run_id: HOSTILE_APPROVAL.run,
            task_id: HOSTILE_APPROVAL.task,
            chosen_options: ["Approve"],
            params_input: { api_token: "mine-secret-value" }
          })
          expect(answer.isError).toBe(false)
          expect(answer.text).not.toContain("mine-secret-value")
          expect(answer.text).not.toContain(PARAM_SECRET)
          for (const f of FRAGMENTS) expect(textBeforeData(answer)).not.toContain(f)
        })
      })
    }

    for (const version of ["3.0.6", "2.11.2"]) {
      const environment_name = matrixEnvironmentName(version)
      it(`on Airflow ${version}, both tools say they need Airflow 3.1 and send nothing`, async () => {
        const before = exchanges.length
        const list = await call("list-pending-approvals", { environment_name })
        const respond = await call("respond-to-approval", { environment_name, ...payoutRequest, chosen_options: ["Approve"] })
        for (const r of [list, respond]) {
          expect(r.isError).toBe(true)
          expect(r.text).toContain("needs Airflow 3.1 or later")
          expect(r.text).toContain(`runs Airflow ${version}`)
        }
        expect(exchanges.length).toBe(before)
      })
    }

    it("sent only Paths MWAA accepts, and got only answers each release's OpenAPI document allows", () => {
      expect(exchanges.some((x) => x.api === "Webserver")).toBe(true)
      const problems = exchanges.flatMap((x) => {
        if (x.api === "InvokeRestApi" && x.request.path.length > MAX_PATH_LENGTH) return [`Path over 64: ${x.request.path}`]
        if (x.response === undefined) return []
        const version = MATRIX_VERSIONS.find((v) => matrixEnvironmentName(v) === x.request.environmentName)
        if (version === undefined) return [`no release for environment ${x.request.environmentName}`]
        return validatorFor(version).validate(x.request.method, x.request.path, x.response.status, x.response.body)
      })
      expect(problems).toEqual([])
      expect(session.wireProblems(["airflow", "webserver"])).toEqual([])
    })
  })
}

/**
 * With the webserver route off (--airflow-route invoke): reads whose direct path does not fit use the
 * "~" list with Airflow's filters and match the ids here; an answer whose path does not fit is
 * refused before anything is read or sent.
 */
describe("approvals with the webserver route off", () => {
  const environment_name = matrixEnvironmentName("3.2.1")
  const inMemory = contractBackends.find((b) => b.name === "in-memory fake")!
  const session = contractSession(inMemory, approvalsSeed, { allowWrite: true, airflowRoute: "invoke" })
  const { exchanges } = session
  const call = (name: string, args: Record<string, unknown>) => session.call(name, { environment_name, ...args })

  it("lists one run's and one long DAG's requests through the '~' list, matched exactly", async () => {
    const run = await call("list-pending-approvals", { dag_id: APPROVAL_DAG, dag_run_id: ANSWERED_APPROVAL_RUN, status: "all" })
    expect(run.isError, run.text).toBe(false)
    expect((run.structuredContent as any).approvals.map((a: any) => a.dag_run_id)).toEqual([ANSWERED_APPROVAL_RUN])
    const long = await call("list-pending-approvals", { dag_id: LONG_APPROVAL.dag })
    expect(long.isError, long.text).toBe(false)
    expect((long.structuredContent as any).approvals.map((a: any) => a.task_id)).toEqual([LONG_APPROVAL.task])
    expect(exchanges.every((x) => x.api === "InvokeRestApi" && x.request.path.length <= MAX_PATH_LENGTH)).toBe(true)
  })

  it("reads a request through the '~' list and answers it when its path fits; refuses a long one before sending", async () => {
    const answered = await call("respond-to-approval", {
      dag_id: HOSTILE_APPROVAL.dag,
      dag_run_id: HOSTILE_APPROVAL.run,
      task_id: HOSTILE_APPROVAL.task,
      chosen_options: ["Reject"]
    })
    expect(answered.isError, answered.text).toBe(false)
    const before = exchanges.length
    const long = await call("respond-to-approval", {
      dag_id: LONG_APPROVAL.dag,
      dag_run_id: LONG_APPROVAL.run,
      task_id: LONG_APPROVAL.task,
      chosen_options: ["Ship"]
    })
    expect(long.isError).toBe(true)
    expect(long.text).toContain("--airflow-route auto")
    expect(exchanges.length).toBe(before)
    const missing = await call("respond-to-approval", { dag_id: "no_such_dag", dag_run_id: "r", task_id: "t", chosen_options: ["Approve"] })
    expect(missing.text).toContain("there is no human-in-the-loop request")
  })
})
