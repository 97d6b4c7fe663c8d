import { describe, expect, it } from "@effect/vitest"
import {
  DEMO_FAILED_TASK,
  DEMO_MANUAL_RUN,
  ORDERS_DAG,
  dagFileKey,
  demoSeed,
  taskLogStreamName
} from "../../../../src/adapters/fake-mwaa/index.js"

/** What the demo, the docs and other tests rely on. */
describe("demoSeed", () => {
  const seed = demoSeed()

  it("has one environment per Airflow major version: 2.10 and the newest MWAA offers, 3.3", () => {
    expect(seed.environments.map((e) => [e.name, e.airflowVersion])).toEqual([
      ["demo-airflow-2", "2.10.3"],
      ["demo-airflow-3", "3.3.1"]
    ])
  })

  it("is deterministic", () => {
    expect(JSON.stringify(demoSeed())).toBe(JSON.stringify(seed))
  })

  for (const given of seed.environments) {
    const env = {
      ...given,
      dags: given.dags ?? [],
      dagRuns: given.dagRuns ?? [],
      taskInstances: given.taskInstances ?? [],
      importErrors: given.importErrors ?? [],
      connections: given.connections ?? [],
      variables: given.variables ?? [],
      logStreams: given.logStreams ?? {},
      dagFiles: given.dagFiles ?? {}
    }
    describe(env.name, () => {
      it("has a DAG id of exactly 40 characters, a short one, a paused one, and a file in S3 for each", () => {
        expect(ORDERS_DAG).toHaveLength(40)
        expect(env.dags.map((d) => d.dagId)).toContain(ORDERS_DAG)
        expect(env.dags.some((d) => d.dagId.length <= 20 && env.dagRuns.some((r) => r.dagId === d.dagId && r.state === "failed"))).toBe(
          true
        )
        expect(env.dags.some((d) => d.isPaused)).toBe(true)
        for (const dag of env.dags) expect(env.dagFiles[dagFileKey(dag.relativeFileloc ?? "")]).toBeDefined()
      })

      it("has failed scheduled and manual runs of the 40-character DAG", () => {
        const failed = env.dagRuns.filter((r) => r.dagId === ORDERS_DAG && r.state === "failed").map((r) => r.runId)
        expect(failed).toContain("scheduled__2026-11-24T00:00:00+00:00")
        expect(failed).toContain(DEMO_MANUAL_RUN)
      })

      it("keeps a log per try of the failed task; the last try ends in the UndefinedColumn error", () => {
        const ti = env.taskInstances.find((t) => t.runId === DEMO_MANUAL_RUN && t.taskId === DEMO_FAILED_TASK)
        expect(ti).toMatchObject({ state: "failed", tryNumber: 2 })
        expect(ti?.tries?.map((t) => t.state)).toEqual(["up_for_retry", "failed"])
        const stream = (tryNumber: number) =>
          env.logStreams[taskLogStreamName({ dagId: ORDERS_DAG, runId: DEMO_MANUAL_RUN, taskId: DEMO_FAILED_TASK, tryNumber })] ?? []
        expect(stream(1).length).toBeGreaterThan(3)
        const messages = stream(2).map((l) => (typeof l === "string" ? l : l.message))
        if (env.airflowVersion.startsWith("2")) {
          expect(messages.join("\n")).toContain("Traceback (most recent call last):")
          expect(messages.join("\n")).toContain('psycopg2.errors.UndefinedColumn: column "discount_code" does not exist\n')
        } else {
          // Airflow 3 logs JSON records; the exception is structlog's error_detail.
          const failure = messages.map((m) => JSON.parse(m)).find((r) => r.event === "Task failed with exception")
          expect(failure.error_detail[0]).toMatchObject({ exc_type: "UndefinedColumn", exc_value: 'column "discount_code" does not exist' })
        }
      })

      it("has an import error, and sensitive and plain variables and connections", () => {
        expect(env.importErrors[0]?.relativeFileloc).toBe("broken_report.py")
        expect(env.connections.map((c) => c.connectionId)).toEqual(["aws_default", "postgres_warehouse", "http_slack"])
        const keys = env.variables.map((v) => v.key)
        for (const key of [
          "stripe_api_key",
          "db_password",
          "slack_webhook_token",
          "service_account_json",
          "environment_label",
          "max_batch_size",
          "feature_flags"
        ]) {
          expect(keys).toContain(key)
        }
      })
    })
  }
})
