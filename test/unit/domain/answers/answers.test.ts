import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { DagAnswer, DagListAnswer, DagSourceAnswer, dagOf } from "../../../../src/domain/answers/dags.js"
import { DagRunAnswer } from "../../../../src/domain/answers/dag-runs.js"
import { HealthAnswer } from "../../../../src/domain/answers/health.js"
import { ConnectionListAnswer, ImportErrorListAnswer, VariableListAnswer } from "../../../../src/domain/answers/objects.js"
import { TaskInstanceAnswer } from "../../../../src/domain/answers/task-instances.js"
import { TaskLogAnswer } from "../../../../src/domain/answers/task-log.js"
import { linesFromRestContent } from "../../../../src/domain/log-lines.js"
import { loadSpecValidator } from "../../../support/openapi.js"
import { type AnswerPair, PAIRS } from "./fixtures.js"

/**
 * Each answer Schema decodes Airflow 2's and Airflow 3's answer for the same object into the same
 * model, from answers that Airflow's own OpenAPI documents accept.
 */

const specs = { 2: loadSpecValidator(2), 3: loadSpecValidator(3) } as const

/** Both answers of a pair, checked against their version's spec, then decoded and read. */
const decodedPair = <A, I>(pair: AnswerPair, schema: Schema.Schema<A, I>) =>
  ([2, 3] as const).map((v) => {
    expect(specs[v].validate("GET", pair.request[v], 200, pair.answer[v])).toEqual([])
    return Schema.decodeUnknownSync(schema, { onExcessProperty: "ignore" })(pair.answer[v])
  })

describe("Airflow 2 and 3 answers decode into one model", () => {
  it("the fixtures' check against the specs bites", () => {
    for (const v of [2, 3] as const) {
      expect(specs[v].validate("GET", "/dags/orders_etl", 200, { ...PAIRS.dag.answer[v], dag_id: 5 })).not.toEqual([])
    }
  })

  it("a DAG: is_active from is_stale, the schedule from schedule_interval or timetable_summary, tags by name", () => {
    const [v2, v3] = decodedPair(PAIRS.dag, DagAnswer)
    expect(v2).toEqual(v3)
    expect(v3).toEqual({
      dag_id: "orders_etl",
      description: "Nightly orders load",
      is_paused: false,
      is_active: true,
      owners: ["data-eng"],
      tags: ["finance"],
      schedule: "0 6 * * *",
      next_dagrun_logical_date: "2026-11-26T06:00:00+00:00",
      fileloc: "/usr/local/airflow/dags/orders_etl.py",
      has_import_errors: false,
      max_active_runs: 1
    })
  })

  it("a DAG list, with Airflow's count", () => {
    const [v2, v3] = decodedPair(PAIRS.dags, DagListAnswer)
    expect(v2?.dags.map(dagOf)).toEqual(v3?.dags.map(dagOf))
    expect([v2?.total_entries, v3?.total_entries]).toEqual([7, 7])
  })

  it("a DAG run: logical_date whichever version names it", () => {
    const [v2, v3] = decodedPair(PAIRS.dagRun, DagRunAnswer)
    expect(v2).toEqual(v3)
    expect(v3).toMatchObject({ dag_run_id: "scheduled__2026-11-24T06:00:00+00:00", state: "failed", conf: {}, note: null })
  })

  it("a task instance: logical_date from execution_date, operator from either name", () => {
    const [v2, v3] = decodedPair(PAIRS.taskInstance, TaskInstanceAnswer)
    expect(v2).toEqual(v3)
    expect(v3).toMatchObject({ task_id: "load_orders", map_index: -1, try_number: 2, operator: "PythonOperator" })
    expect(v3?.logical_date).toBe("2026-11-24T06:00:00+00:00")
  })

  it("import errors, connections and variables", () => {
    const [e2, e3] = decodedPair(PAIRS.importErrors, ImportErrorListAnswer)
    expect(e2).toEqual(e3)
    const [c2, c3] = decodedPair(PAIRS.connections, ConnectionListAnswer)
    expect(c2).toEqual(c3)
    const [v2, v3] = decodedPair(PAIRS.variables, VariableListAnswer)
    expect(v2).toEqual(v3)
  })

  it("health: a component neither version runs is null", () => {
    const [v2, v3] = decodedPair(PAIRS.health, HealthAnswer)
    expect(v2).toEqual(v3)
    expect(v3).toEqual({
      metadatabase: { status: "healthy", latest_heartbeat: null },
      scheduler: { status: "healthy", latest_heartbeat: "2026-11-25T09:29:57+00:00" },
      triggerer: null,
      dag_processor: null
    })
  })

  it("a DAG file's source", () => {
    const [v2, v3] = decodedPair(PAIRS.dagSource, DagSourceAnswer)
    expect([v2, v3]).toEqual(["from airflow import DAG\n", "from airflow import DAG\n"])
  })

  it("a task log: Airflow 2.10's text and Airflow 3's structured entries give the same lines", () => {
    const path = "/dags/orders_etl/dagRuns/r/taskInstances/load_orders/logs/2"
    const [v2, v3] = decodedPair(
      {
        request: { 2: path, 3: path },
        answer: {
          2: { content: "[('ip-10-0-1-23', '[2026-11-25T06:15:41Z] {task} ERROR - boom\\n')]", continuation_token: "eyJ" },
          3: {
            content: [{ timestamp: "2026-11-25T06:15:41Z", event: "boom", level: "error", logger: "task" }],
            continuation_token: null
          }
        }
      },
      TaskLogAnswer
    )
    expect(linesFromRestContent(v2?.content ?? "")).toEqual(["[2026-11-25T06:15:41Z] {task} ERROR - boom"])
    expect(linesFromRestContent(v3?.content ?? "")).toEqual(linesFromRestContent(v2?.content ?? ""))
  })
})
