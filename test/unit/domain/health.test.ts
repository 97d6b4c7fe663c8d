import { describe, expect, it } from "@effect/vitest"
import { Either, Schema } from "effect"
import { wordHealth } from "../../../src/app/next-steps.js"
import { HealthAnswer } from "../../../src/domain/answers/health.js"
import { type AirflowPart, assess as assessIntents, type MwaaPart } from "../../../src/domain/health.js"

const normalizeHealth = (body: unknown) => Schema.decodeUnknownSync(HealthAnswer)(body)

/** The health endpoint's two versions in one shape, and the verdict rules on their own. */

describe("HealthAnswer", () => {
  it("reads Airflow 2's HealthInfo: a DAG processor with neither status nor heartbeat is none at all", () => {
    expect(
      normalizeHealth({
        metadatabase: { status: "healthy" },
        scheduler: { status: "healthy", latest_scheduler_heartbeat: "2026-11-25T09:29:57.114391+00:00" },
        triggerer: { status: null, latest_triggerer_heartbeat: null },
        dag_processor: { status: null, latest_dag_processor_heartbeat: null }
      })
    ).toEqual({
      metadatabase: { status: "healthy", latest_heartbeat: null },
      scheduler: { status: "healthy", latest_heartbeat: "2026-11-25T09:29:57.114391+00:00" },
      triggerer: null,
      dag_processor: null
    })
  })

  it("reads Airflow 3's HealthInfoResponse, whose dag_processor may be null, and keeps an unhealthy component's old heartbeat", () => {
    expect(
      normalizeHealth({
        metadatabase: { status: "unhealthy" },
        scheduler: { status: "unhealthy", latest_scheduler_heartbeat: "2026-11-25T07:00:00Z" },
        triggerer: { status: "healthy", latest_triggerer_heartbeat: "2026-11-25T09:29:56Z" },
        dag_processor: null
      })
    ).toEqual({
      metadatabase: { status: "unhealthy", latest_heartbeat: null },
      scheduler: { status: "unhealthy", latest_heartbeat: "2026-11-25T07:00:00Z" },
      triggerer: { status: "healthy", latest_heartbeat: "2026-11-25T09:29:56Z" },
      dag_processor: null
    })
  })

  it("reads an answer without components as nothing reported, and refuses any other shape instead of reading it as nothing", () => {
    const none = { metadatabase: null, scheduler: null, triggerer: null, dag_processor: null }
    expect(normalizeHealth({})).toEqual(none)
    for (const body of [null, "ok", [], { scheduler: "healthy", metadatabase: 1 }]) {
      expect(Either.isLeft(Schema.decodeUnknownEither(HealthAnswer)(body))).toBe(true)
    }
  })
})

/** The verdict with its findings as the tool words them (their pointers to other tools are the app's). */
const assess = (...args: Parameters<typeof assessIntents>) => wordHealth(assessIntents(...args))

describe("assess", () => {
  const mwaa = (status: string, lastUpdate: Partial<MwaaPart["last_update"]> = {}): MwaaPart => ({
    status,
    airflow_version: "2.10.3",
    created_at: null,
    last_update: { status: "SUCCESS", created_at: null, error_code: null, error_message: null, ...lastUpdate }
  })
  const fine: AirflowPart = {
    available: true,
    unavailable_reason: null,
    health: {
      metadatabase: { status: "healthy", latest_heartbeat: null },
      scheduler: { status: "healthy", latest_heartbeat: "2026-11-25T09:29:57Z" },
      triggerer: { status: "healthy", latest_heartbeat: "2026-11-25T09:29:56Z" },
      dag_processor: null,
      error: null
    },
    import_errors: { count: 0, error: null },
    dags: { paused: 0, active: 3, error: null },
    failing_dags: { count: 0, dag_ids: [], failed_runs: 0, complete: true, window_start: null, window_end: null, meaning: "", error: null }
  }

  it("healthy when every part is fine", () => {
    expect(assess(mwaa("AVAILABLE"), fine, false)).toEqual({
      verdict: "healthy",
      findings: [
        "No problems found: MWAA status AVAILABLE; metadatabase, scheduler, triggerer healthy; no import errors; no failed runs in the last 24 h."
      ]
    })
  })

  it("degraded when an AVAILABLE environment's last update failed, naming the error", () => {
    const r = assess(mwaa("AVAILABLE", { status: "FAILED", error_code: "E1", error_message: "bad plugin" }), fine, false)
    expect(r).toEqual({ verdict: "degraded", findings: ["The last environment update failed (E1: bad plugin)."] })
  })

  it("says how many DAGs failed, and that there may be more when the page did not hold every failed run", () => {
    const failing = {
      ...fine.failing_dags!,
      count: 3,
      dag_ids: ["a", "b", "c"],
      failed_runs: 250,
      complete: false,
      window_end: "2026-11-25T09:29:57.000Z"
    }
    const r = assess(mwaa("AVAILABLE"), { ...fine, failing_dags: failing }, false)
    expect(r.verdict).toBe("degraded")
    expect(r.findings[0]).toMatch(/^3 or more DAG\(s\) had failed runs in the 24 h to 2026-11-25T09:29:57.000Z: a, b, c\./)
  })
})
