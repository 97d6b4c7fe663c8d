import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { FakeMwaa, matrixEnvironmentName, versionMatrixSeed } from "../../../../src/adapters/fake-mwaa/index.js"
import {
  ANSWERED_APPROVAL_RUN,
  APPROVAL_DAG,
  APPROVAL_TASK,
  PENDING_APPROVAL_RUN
} from "../../../../src/adapters/fake-mwaa/demo/approvals.js"
import { pathOf } from "../../../../src/domain/paths.js"
import type { RestRequest } from "../../../../src/ports/AirflowApi.js"
import { viaInvoke, viaWebserver } from "../../../support/airflow-routes.js"
import { loadSpecValidator } from "../../../support/openapi.js"

/** The fake's human-in-the-loop routes, as Airflow 3.2's routes/public/hitl.py answers them. */

const layer = () => FakeMwaa.layer(versionMatrixSeed())
const ENV = matrixEnvironmentName("3.2.1")
const spec = loadSpecValidator("3.2")
const one = (runId: string) => pathOf("dags", APPROVAL_DAG, "dagRuns", runId, "taskInstances", APPROVAL_TASK, "-1", "hitlDetails")
/** Paths over 64 characters (a request's own path with the demo's run ids) go through the webserver, as MWAA needs. */
const call = (request: Omit<RestRequest, "environmentName">, environmentName = ENV) =>
  request.path.length <= 64 ? viaInvoke({ environmentName, ...request }) : viaWebserver({ environmentName, airflowMajor: 3, ...request })
const valid = (request: Omit<RestRequest, "environmentName">, status: number, body: unknown) =>
  expect(spec.validate(request.method, request.path, status, body)).toEqual([])

describe("fake MWAA human-in-the-loop details", () => {
  it.effect("lists with '~', filters by response_received, subject and body search, and pages", () =>
    Effect.gen(function* () {
      const all = { method: "GET" as const, path: "/dags/~/dagRuns/~/hitlDetails" }
      const listed = yield* call(all)
      valid(all, listed.status, listed.body)
      expect(listed.body).toMatchObject({ total_entries: 2 })
      const waiting = yield* call({ ...all, queryParameters: { response_received: false } })
      expect((waiting.body as any).hitl_details.map((h: any) => h.task_instance.dag_run_id)).toEqual([PENDING_APPROVAL_RUN])
      expect((waiting.body as any).hitl_details[0].task_instance.state).toBe("deferred")
      const bySubject = yield* call({ ...all, queryParameters: { subject_search: "batch of 2026-11-24" } })
      expect((bySubject.body as any).total_entries).toBe(1)
      const byBody = yield* call({ ...all, queryParameters: { body_search: "new supplier | nothing" } })
      expect((byBody.body as any).total_entries).toBe(1)
      const paged = yield* call({ ...all, queryParameters: { limit: 1, offset: 1, order_by: "-created_at" } })
      expect((paged.body as any).hitl_details.map((h: any) => h.task_instance.dag_run_id)).toEqual([ANSWERED_APPROVAL_RUN])
    }).pipe(Effect.provide(layer()))
  )

  it.effect("is not served before Airflow 3.1: 404 as any unknown path", () =>
    Effect.gen(function* () {
      for (const v of ["3.0.6", "2.11.2"]) {
        const e = yield* Effect.flip(call({ method: "GET", path: "/dags/~/dagRuns/~/hitlDetails" }, matrixEnvironmentName(v)))
        expect(e.airflowStatus).toBe(404)
      }
    }).pipe(Effect.provide(layer()))
  )

  it.effect("PATCH validates the body as FastAPI does, answers once, records who and when, and resumes the task", () =>
    Effect.gen(function* () {
      const patch = (body: unknown) => call({ method: "PATCH", path: one(PENDING_APPROVAL_RUN), body })
      const extra = yield* Effect.flip(patch({ chosen_options: ["Approve"], comment: "x" }))
      expect(extra.airflowStatus).toBe(422)
      expect(extra.airflowBody).toMatchObject({ detail: [{ type: "extra_forbidden", loc: ["body", "comment"] }] })
      const empty = yield* Effect.flip(patch({ chosen_options: [] }))
      expect(empty.airflowBody).toMatchObject({ detail: [{ type: "too_short", loc: ["body", "chosen_options"] }] })
      const missing = yield* Effect.flip(patch({}))
      expect(missing.airflowBody).toMatchObject({ detail: [{ type: "missing", loc: ["body", "chosen_options"] }] })
      const answered = yield* patch({ chosen_options: ["Approve"], params_input: { note: "ok" } })
      valid({ method: "PATCH", path: one(PENDING_APPROVAL_RUN) }, answered.status, answered.body)
      expect(answered.body).toMatchObject({
        chosen_options: ["Approve"],
        params_input: { note: "ok" },
        responded_by: { id: "mwaa-rest-api" }
      })
      const again = yield* Effect.flip(patch({ chosen_options: ["Reject"] }))
      expect(again.airflowStatus).toBe(409)
      expect(String((again.airflowBody as any).detail)).toContain("already been updated")
      const read = yield* call({ method: "GET", path: one(PENDING_APPROVAL_RUN) })
      valid({ method: "GET", path: one(PENDING_APPROVAL_RUN) }, read.status, read.body)
      expect(read.body).toMatchObject({ response_received: true, chosen_options: ["Approve"], task_instance: { state: "scheduled" } })
    }).pipe(Effect.provide(layer()))
  )

  it.effect("refuses an answer from a user the request is not assigned to, with 403 as hitl.py does", () => {
    const seed = versionMatrixSeed()
    const assigned = {
      ...seed,
      environments: seed.environments.map((env) => ({
        ...env,
        hitlDetails: (env.hitlDetails ?? []).map((h) => ({ ...h, assignedUsers: [{ id: "maria.lopez", name: "Maria Lopez" }] }))
      }))
    }
    return Effect.gen(function* () {
      const e = yield* Effect.flip(call({ method: "PATCH", path: one(PENDING_APPROVAL_RUN), body: { chosen_options: ["Approve"] } }))
      expect(e.airflowStatus).toBe(403)
      expect(String((e.airflowBody as any).detail)).toContain("is not a respondent for the task")
    }).pipe(Effect.provide(FakeMwaa.layer(assigned)))
  })

  it.effect("answers 404 for a task without a request, and 422 for a map index that is not a number", () =>
    Effect.gen(function* () {
      const noHitl = pathOf("dags", APPROVAL_DAG, "dagRuns", PENDING_APPROVAL_RUN, "taskInstances", "release_payouts", "-1", "hitlDetails")
      const e = yield* Effect.flip(call({ method: "GET", path: noHitl }))
      expect(e.airflowStatus).toBe(404)
      expect(String((e.airflowBody as any).detail)).toContain("Human-in-the-loop detail does not exist")
      const bad = yield* Effect.flip(call({ method: "GET", path: one(PENDING_APPROVAL_RUN).replace("/-1/", "/x/") }))
      expect(bad.airflowStatus).toBe(422)
    }).pipe(Effect.provide(layer()))
  )
})
