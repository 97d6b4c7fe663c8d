import { describe, expect, it } from "@effect/vitest"
import { Effect, Fiber, Layer, TestClock } from "effect"
import { triggerDagRun } from "../../../../src/domain/usecases/dag-runs.js"
import { MwaaError } from "../../../../src/ports/MwaaError.js"
import { AirflowApi, type RestRequest } from "../../../../src/ports/AirflowApi.js"
import { stubEnvironments } from "../../../support/environments-stub.js"
import { unusedLogsAndFiles } from "../../../support/unused-ports.js"
import { stubToolServices } from "../../../support/test-layer.js"

/**
 * Airflow creates the run but its answer is lost (a 503 from the gateway in front of it):
 * the retry must not start a second run, and must report the first one.
 */
const lostAnswerGateway = (sent: Array<RestRequest>) => {
  const runs = new Map<string, Record<string, unknown>>()
  const airflow = Layer.succeed(AirflowApi, {
    send: (route, request) =>
      Effect.suspend(() => {
        if (route._tag !== "InvokeRestApi") return Effect.die("unexpected")
        sent.push(request)
        const body = (request.body ?? {}) as Record<string, unknown>
        if (request.method === "POST" && request.path === "/dags/etl/dagRuns") {
          const id = String(body["dag_run_id"])
          if (runs.has(id)) {
            return Effect.fail(
              new MwaaError({
                reason: "AirflowClientError",
                operation: "InvokeRestApi",
                message: "conflict",
                airflowStatus: 409,
                airflowBody: { detail: "exists" }
              })
            )
          }
          runs.set(id, { dag_id: "etl", dag_run_id: id, state: "queued", logical_date: null, conf: body["conf"] })
          return Effect.fail(
            new MwaaError({ reason: "AirflowServerError", operation: "InvokeRestApi", message: "bad gateway", airflowStatus: 503 })
          )
        }
        if (request.method === "GET" && request.path.startsWith("/dags/etl/dagRuns/")) {
          const run = runs.get(decodeURIComponent(request.path.split("/").pop()!))
          return run
            ? Effect.succeed({ status: 200, body: run })
            : Effect.fail(new MwaaError({ reason: "NotFound", operation: "x", message: "nf", airflowStatus: 404 }))
        }
        return Effect.die(`unexpected ${request.method} ${request.path}`)
      })
  })
  return Layer.mergeAll(stubEnvironments({ airflow_version: "3.0.6" }, ["env"]), airflow)
}

describe("trigger-dag-run retries", () => {
  it.scoped("a retry that meets 409 reports the run the first attempt created, and only one run exists", () =>
    Effect.gen(function* () {
      const sent: Array<RestRequest> = []
      const fiber = yield* triggerDagRun("env", "etl", { dag_run_id: "manual__2026-11-25T10:00:00+00:00", conf: { a: 1 } }).pipe(
        Effect.provide(stubToolServices(Layer.merge(lostAnswerGateway(sent), unusedLogsAndFiles))),
        Effect.fork
      )
      yield* TestClock.adjust("1 minute")
      const run = yield* Fiber.join(fiber)
      expect(run).toMatchObject({ dag_run_id: "manual__2026-11-25T10:00:00+00:00", conf: { a: 1 } })
      const posts = sent.filter((r) => r.method === "POST")
      expect(posts).toHaveLength(2)
      expect(new Set(posts.map((p) => (p.body as Record<string, unknown>)["dag_run_id"])).size).toBe(1)
    })
  )
})
