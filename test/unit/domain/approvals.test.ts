import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import * as fc from "fast-check"
import { type Approval, checkAnswer } from "../../../src/domain/approvals.js"
import { MAX_PATH_LENGTH } from "../../../src/domain/paths.js"
import { answerApproval, listApprovals } from "../../../src/domain/routes-approvals.js"

/** Planning human-in-the-loop calls, and the checks made before an answer is sent. */

const id = fc.stringMatching(/^[A-Za-z0-9_.-]{1,250}$/)
const page = { limit: 25, offset: 0 }

describe("approval routes", () => {
  it("lists across the environment with '~', and never plans a list path over 64 without the webserver route", () => {
    expect(listApprovals(undefined, undefined, page, false)).toMatchObject({
      call: { method: "GET", path: "/dags/~/dagRuns/~/hitlDetails" },
      exact: true
    })
    fc.assert(
      fc.property(fc.option(id, { nil: undefined }), fc.option(id, { nil: undefined }), (dag, run) => {
        const planned = listApprovals(dag, dag === undefined ? undefined : run, page, false)
        expect(planned.call.path.length).toBeLessThanOrEqual(MAX_PATH_LENGTH)
        // A lossy plan narrows by the DAG's id as a pattern: the caller then matches exactly.
        if (!planned.exact) expect(planned.call.query?.["dag_id_pattern"]).toBe(dag)
      })
    )
  })

  it("uses the direct list path whatever its length when the webserver route can carry it", () => {
    fc.assert(
      fc.property(id, id, (dag, run) => {
        const planned = listApprovals(dag, run, page, true)
        expect(planned.exact).toBe(true)
        expect(planned.call.path).toContain("/hitlDetails")
      })
    )
  })

  it("answers by PATCH on the request's own path, with exactly the payload Airflow accepts", () => {
    expect(answerApproval("d", "r", "t", -1, { chosen_options: ["Approve"] })).toEqual({
      method: "PATCH",
      path: "/dags/d/dagRuns/r/taskInstances/t/-1/hitlDetails",
      body: { chosen_options: ["Approve"] }
    })
  })
})

const request = (over: Partial<Approval> = {}): Approval => ({
  dag_id: "d",
  dag_run_id: "r",
  task_id: "t",
  map_index: -1,
  task_state: "deferred",
  subject: "s",
  body: null,
  options: ["Approve", "Reject"],
  defaults: null,
  multiple: false,
  params: {},
  assignees: [],
  created_at: "2026-11-25T08:00:00Z",
  waited_seconds: 60,
  answered: false,
  responded_by: null,
  responded_at: null,
  chosen_options: null,
  params_input: {},
  ...over
})
const key = { dagId: "d", runId: "r", taskId: "t", mapIndex: -1 }
const refusal = (r: Approval, chosen: ReadonlyArray<string>) => Either.getLeft(checkAnswer(key, r, chosen))

describe("checkAnswer", () => {
  it("lets a choice among the options through", () => {
    expect(Either.isRight(checkAnswer(key, request(), ["Approve"]))).toBe(true)
    expect(Either.isRight(checkAnswer(key, request({ multiple: true }), ["Approve", "Reject"]))).toBe(true)
  })

  it("refuses an answered request, naming who answered, when, and what they chose", () => {
    const answered = request({
      answered: true,
      responded_by: { id: "maria.lopez", name: "Maria Lopez" },
      responded_at: "2026-11-25T08:47:12Z",
      chosen_options: ["Approve"]
    })
    expect(refusal(answered, ["Approve"])).toMatchObject({
      _tag: "Some",
      value: {
        reason: "AlreadyAnswered",
        respondedBy: "Maria Lopez (maria.lopez)",
        respondedAt: "2026-11-25T08:47:12Z",
        chosenBefore: ["Approve"]
      }
    })
  })

  it("refuses options not offered, naming them and the allowed ones, and two options where one is allowed", () => {
    expect(refusal(request(), ["approve"])).toMatchObject({
      value: { reason: "UnknownOptions", unknown: ["approve"], options: ["Approve", "Reject"] }
    })
    expect(refusal(request(), ["Approve", "Reject"])).toMatchObject({ value: { reason: "OneOptionOnly" } })
  })
})
