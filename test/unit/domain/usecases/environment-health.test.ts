import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import {
  DEMO_ENVIRONMENT_2,
  DEMO_ENVIRONMENT_3,
  demoSeed,
  FakeMwaa,
  type FakeSeed,
  FX_DAG,
  ORDERS_DAG
} from "../../../../src/adapters/fake-mwaa/index.js"
import { MAX_PATH_LENGTH } from "../../../../src/domain/paths.js"
import { wordHealth } from "../../../../src/app/next-steps.js"
import { environmentHealth as healthIntents } from "../../../../src/domain/usecases/environment-health.js"
import { MwaaError } from "../../../../src/ports/MwaaError.js"
import type { AirflowRoute, RestRequest, RestResponse } from "../../../../src/ports/AirflowApi.js"
import { fakeToolServicesWrappingAirflow } from "../../../support/test-layer.js"

/**
 * get-environment-health's use case on the in-memory fake: both demo environments (Airflow 2.10
 * and 3.0), environments MWAA does not report AVAILABLE, and Airflow probes that fail.
 */

type Fault = (request: RestRequest) => Effect.Effect<RestResponse, MwaaError> | undefined

/** The fake, with InvokeRestApi answered by `fault` where it returns an effect. */
/** The report as the tool words it: its findings' pointers to other tools are the app's words. */
const environmentHealth = (env: string) => healthIntents(env).pipe(Effect.map(wordHealth))

const layerOf = (seed: FakeSeed, fault: Fault = () => undefined) =>
  fakeToolServicesWrappingAirflow(seed, { maxRequestsPerSecond: 1000 }, (api) => ({
    send: (route: AirflowRoute, request: RestRequest) =>
      (route._tag === "InvokeRestApi" ? fault(request) : undefined) ?? api.send(route, request)
  }))

const restCalls = Effect.gen(function* () {
  const calls = yield* (yield* FakeMwaa).calls
  return calls.filter((c) => c.api === "InvokeRestApi")
})

const denied = (path: string) =>
  new MwaaError({
    reason: "AccessDenied",
    operation: `InvokeRestApi GET ${path}`,
    message: "User is not authorized to perform airflow:InvokeRestApi"
  })

const withEnvironment = (name: string, airflowVersion: string, status: string, mwaa: Record<string, unknown> = {}): FakeSeed => ({
  environments: [{ name, airflowVersion, status, mwaa }]
})

describe("environment health on the demo", () => {
  for (const [env, version, processor] of [
    [DEMO_ENVIRONMENT_2, "2.10.3", null],
    [DEMO_ENVIRONMENT_3, "3.3.1", { status: "healthy", latest_heartbeat: "2026-11-25T09:29:55Z" }]
  ] as const) {
    it.effect(`${env}: MWAA and Airflow in one shape, the broken DAGs found`, () =>
      Effect.gen(function* () {
        const report = yield* environmentHealth(env)
        expect(report.mwaa).toMatchObject({
          status: "AVAILABLE",
          airflow_version: version,
          last_update: { status: "SUCCESS", error_code: null }
        })
        const beat = (s: number) => (version.startsWith("3") ? `2026-11-25T09:29:5${s}Z` : `2026-11-25T09:29:5${s}+00:00`)
        expect(report.airflow.health).toEqual({
          metadatabase: { status: "healthy", latest_heartbeat: null },
          scheduler: { status: "healthy", latest_heartbeat: beat(7) },
          triggerer: { status: "healthy", latest_heartbeat: beat(6) },
          // Airflow 2 reports a DAG processor with no status and no heartbeat: none runs on its own.
          dag_processor: processor,
          error: null
        })
        expect(report.airflow.available).toBe(true)
        expect(report.airflow.import_errors).toEqual({ count: 1, error: null })
        // Airflow 3.1+ tells the approval story too: one more DAG.
        expect(report.airflow.dags).toEqual({ paused: 1, active: version.startsWith("3") ? 6 : 5, error: null })
        // The window ends at the scheduler's heartbeat (the fake's clock), not at this machine's time.
        expect(report.airflow.failing_dags).toMatchObject({
          dag_ids: [FX_DAG, ORDERS_DAG].sort(),
          count: 2,
          complete: true,
          window_start: "2026-11-24T09:29:57.000Z",
          window_end: "2026-11-25T09:29:57.000Z",
          error: null
        })
        expect(report.verdict).toBe("degraded")
        expect(report.findings.join("\n")).toMatch(/1 DAG file\(s\) fail to parse/)
        expect(report.findings.join("\n")).toContain(
          `2 DAG(s) had failed runs in the 24 h to 2026-11-25T09:29:57.000Z: ${[FX_DAG, ORDERS_DAG].sort().join(", ")}`
        )

        const calls = yield* restCalls
        for (const c of calls) expect(c.path!.length).toBeLessThanOrEqual(MAX_PATH_LENGTH)
        expect(calls.map((c) => `${c.method} ${c.path}`).sort()).toEqual(
          [
            version.startsWith("3") ? "GET /monitor/health" : "GET /health",
            "GET /importErrors",
            "GET /dags",
            "GET /dags",
            "POST /dags/~/dagRuns/list"
          ].sort()
        )
        const failedRuns = calls.find((c) => c.method === "POST")
        expect(failedRuns?.body).toMatchObject({ states: ["failed"], end_date_gte: "2026-11-24T09:29:57.000Z", page_limit: 100 })
      }).pipe(Effect.provide(layerOf(demoSeed())))
    )
  }

  it.effect("reports healthy, with one finding saying so, when nothing is wrong", () =>
    Effect.gen(function* () {
      const report = yield* environmentHealth("quiet")
      expect(report.verdict).toBe("healthy")
      expect(report.findings).toHaveLength(1)
      expect(report.findings[0]).toMatch(
        /^No problems found: MWAA status AVAILABLE; metadatabase, scheduler, triggerer, dag_processor healthy/
      )
      expect(report.airflow.failing_dags).toMatchObject({ count: 0, dag_ids: [], failed_runs: 0, complete: true })
      expect(report.airflow.dags).toEqual({ paused: 0, active: 0, error: null })
    }).pipe(Effect.provide(layerOf(withEnvironment("quiet", "3.0.6", "AVAILABLE"))))
  )
})

describe("environment health when MWAA does not report AVAILABLE", () => {
  for (const status of ["UNAVAILABLE", "CREATE_FAILED", "CREATING"]) {
    it.effect(`${status}: Airflow reported unavailable, not probed; the tool still answers`, () =>
      Effect.gen(function* () {
        const report = yield* environmentHealth("broken")
        expect(report.mwaa.status).toBe(status)
        expect(report.verdict).toBe("unhealthy")
        expect(report.airflow).toEqual({
          available: false,
          unavailable_reason: expect.stringContaining(`MWAA status is ${status}`),
          health: null,
          import_errors: null,
          dags: null,
          failing_dags: null
        })
        expect(report.findings[0]).toMatch(new RegExp(`^MWAA status ${status}: `))
        expect(yield* restCalls).toEqual([])
      }).pipe(Effect.provide(layerOf(withEnvironment("broken", "2.10.3", status))))
    )
  }

  it.effect("MAINTENANCE: degraded, not probed", () =>
    Effect.gen(function* () {
      const report = yield* environmentHealth("busy")
      expect(report.verdict).toBe("degraded")
      expect(report.airflow.available).toBe(false)
      expect(report.findings[0]).toMatch(/MWAA status MAINTENANCE: .*Check again once it is AVAILABLE/)
      expect(yield* restCalls).toEqual([])
    }).pipe(Effect.provide(layerOf(withEnvironment("busy", "2.10.3", "MAINTENANCE"))))
  )

  it.effect("UPDATE_FAILED: the last update's error is a finding, and the restored Airflow is still probed", () =>
    Effect.gen(function* () {
      const report = yield* environmentHealth("rolled-back")
      expect(report.mwaa.last_update).toMatchObject({ status: "FAILED", error_code: "INCORRECT_CONFIGURATION" })
      expect(report.verdict).toBe("degraded")
      expect(report.findings[0]).toContain("UPDATE_FAILED")
      expect(report.findings[0]).toContain("INCORRECT_CONFIGURATION: requirements.txt: no matching distribution for pandas==9.9")
      expect(report.airflow.available).toBe(true)
      expect(report.airflow.health?.scheduler?.status).toBe("healthy")
      expect((yield* restCalls).length).toBe(5)
    }).pipe(
      Effect.provide(
        layerOf(
          withEnvironment("rolled-back", "2.10.3", "UPDATE_FAILED", {
            LastUpdate: {
              Status: "FAILED",
              CreatedAt: "2026-11-25T08:00:00+00:00",
              Error: { ErrorCode: "INCORRECT_CONFIGURATION", ErrorMessage: "requirements.txt: no matching distribution for pandas==9.9" }
            }
          })
        )
      )
    )
  )
})

describe("environment health when an Airflow probe fails", () => {
  it.effect("a failed import-error count degrades that part only, with its error", () =>
    Effect.gen(function* () {
      const report = yield* environmentHealth(DEMO_ENVIRONMENT_3)
      expect(report.airflow.import_errors).toEqual({ count: null, error: expect.stringMatching(/^AccessDenied: User is not authorized/) })
      expect(report.airflow.available).toBe(true)
      expect(report.airflow.health?.error).toBeNull()
      expect(report.airflow.dags).toEqual({ paused: 1, active: 6, error: null })
      expect(report.airflow.failing_dags?.count).toBe(2)
      expect(report.verdict).toBe("degraded")
      expect(report.findings).toContainEqual(expect.stringMatching(/^Import errors could not be counted: AccessDenied/))
    }).pipe(Effect.provide(layerOf(demoSeed(), (r) => (r.path === "/importErrors" ? Effect.fail(denied(r.path)) : undefined))))
  )

  it.effect("a failed runs list leaves the failing-DAG part with its error and its window", () =>
    Effect.gen(function* () {
      const report = yield* environmentHealth(DEMO_ENVIRONMENT_2)
      expect(report.airflow.failing_dags).toMatchObject({
        count: null,
        dag_ids: [],
        complete: false,
        window_end: "2026-11-25T09:29:57.000Z"
      })
      expect(report.airflow.failing_dags?.error).toMatch(/^AirflowClientError: /)
      expect(report.findings).toContainEqual(expect.stringMatching(/^Failed runs could not be read: /))
    }).pipe(
      Effect.provide(
        layerOf(demoSeed(), (r) =>
          r.method === "POST"
            ? Effect.fail(
                new MwaaError({
                  reason: "AirflowClientError",
                  operation: "InvokeRestApi POST",
                  message: "Airflow answered 400",
                  airflowStatus: 400
                })
              )
            : undefined
        )
      )
    )
  )

  it.effect("Airflow's API answering 500 on the health endpoint is evidence it is down: unhealthy", () =>
    Effect.gen(function* () {
      const report = yield* environmentHealth(DEMO_ENVIRONMENT_2)
      expect(report.airflow.health).toEqual({
        metadatabase: null,
        scheduler: null,
        triggerer: null,
        dag_processor: null,
        error: expect.stringMatching(/^AirflowServerError: /)
      })
      // The other parts still answered; without a heartbeat the window ends at this server's clock.
      expect(report.airflow.import_errors?.count).toBe(1)
      expect(report.airflow.failing_dags?.meaning).toContain("this server's clock")
      expect(report.verdict).toBe("unhealthy")
      expect(report.findings).toContainEqual(expect.stringMatching(/^Airflow's API is not answering: AirflowServerError/))
    }).pipe(
      Effect.provide(
        layerOf(demoSeed(), (r) =>
          r.path === "/health"
            ? Effect.fail(
                new MwaaError({
                  reason: "AirflowServerError",
                  operation: "InvokeRestApi GET /health",
                  message: "Airflow answered 500",
                  airflowStatus: 500
                })
              )
            : undefined
        )
      )
    )
  )

  it.effect("every probe refused: Airflow unavailable, one finding, degraded (we could not look, nothing is known broken)", () =>
    Effect.gen(function* () {
      const report = yield* environmentHealth(DEMO_ENVIRONMENT_3)
      expect(report.airflow.available).toBe(false)
      expect(report.airflow.unavailable_reason).toMatch(/^AccessDenied: /)
      expect(report.verdict).toBe("degraded")
      expect(report.findings).toEqual([expect.stringMatching(/^Airflow could not be probed: AccessDenied/)])
    }).pipe(Effect.provide(layerOf(demoSeed(), (r) => Effect.fail(denied(r.path)))))
  )

  it.effect("an unhealthy scheduler makes the environment unhealthy; an unhealthy triggerer only degraded", () =>
    Effect.gen(function* () {
      const report = yield* environmentHealth(DEMO_ENVIRONMENT_3)
      expect(report.airflow.health?.scheduler).toEqual({ status: "unhealthy", latest_heartbeat: "2026-11-25T07:02:11Z" })
      expect(report.verdict).toBe("unhealthy")
      expect(report.findings).toContainEqual(
        "The scheduler is unhealthy (latest heartbeat 2026-11-25T07:02:11Z): no task is scheduled until it is back."
      )
      expect(report.findings).toContainEqual("The triggerer is unhealthy (no heartbeat): deferred tasks wait until it is back.")
      // The failed-runs window follows Airflow's clock, even a stale one: the run list is read as of then.
      expect(report.airflow.failing_dags?.window_end).toBe("2026-11-25T07:02:11.000Z")
    }).pipe(
      Effect.provide(
        layerOf(demoSeed(), (r) =>
          r.path === "/monitor/health"
            ? Effect.succeed({
                status: 200,
                body: {
                  metadatabase: { status: "healthy" },
                  scheduler: { status: "unhealthy", latest_scheduler_heartbeat: "2026-11-25T07:02:11Z" },
                  triggerer: { status: "unhealthy", latest_triggerer_heartbeat: null },
                  dag_processor: null
                }
              })
            : undefined
        )
      )
    )
  )
})
