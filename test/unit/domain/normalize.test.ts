import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { DagAnswer } from "../../../src/domain/answers/dags.js"
import { DagRunAnswer } from "../../../src/domain/answers/dag-runs.js"
import { TaskInstanceAnswer } from "../../../src/domain/answers/task-instances.js"
import { linesFromCloudWatchMessage, linesFromRestContent } from "../../../src/domain/log-lines.js"

const normalizeDag = Schema.decodeUnknownSync(DagAnswer)
const normalizeDagRun = Schema.decodeUnknownSync(DagRunAnswer)
const normalizeTaskInstance = Schema.decodeUnknownSync(TaskInstanceAnswer)
import { dagFileS3Location } from "../../../src/domain/routes-misc.js"

describe("one shape for Airflow 2 and 3", () => {
  it("maps Airflow 2's execution_date to logical_date and keeps 3's logical_date", () => {
    const v2 = normalizeDagRun({ dag_id: "d", dag_run_id: "r", execution_date: "2026-11-24T00:00:00+00:00", state: "failed" })
    const v3 = normalizeDagRun({ dag_id: "d", dag_run_id: "r", logical_date: "2026-11-24T00:00:00Z", run_after: "x", state: "failed" })
    expect(v2.logical_date).toBe("2026-11-24T00:00:00+00:00")
    expect(v3.logical_date).toBe("2026-11-24T00:00:00Z")
    expect(Object.keys(v2)).toEqual(Object.keys(v3))
    expect(normalizeTaskInstance({ dag_id: "d", dag_run_id: "r", task_id: "t", execution_date: "e" }).logical_date).toBe("e")
  })

  it("reads schedules and activity from either version's DAG", () => {
    const v2 = normalizeDag({
      dag_id: "d",
      schedule_interval: { __type: "CronExpression", value: "0 6 * * *" },
      is_active: true,
      tags: [{ name: "finance" }]
    })
    const v3 = normalizeDag({ dag_id: "d", timetable_summary: "0 6 * * *", is_stale: false, tags: [{ name: "finance", dag_id: "d" }] })
    expect(v2).toMatchObject({ schedule: "0 6 * * *", is_active: true, tags: ["finance"] })
    expect(v3).toMatchObject({ schedule: "0 6 * * *", is_active: true, tags: ["finance"] })
  })

  it("turns Airflow 2 text, Airflow 3 structured entries and CloudWatch JSON events into lines", () => {
    expect(linesFromRestContent("a\nb\n")).toEqual(["a", "b"])
    expect(
      linesFromRestContent([
        {
          timestamp: "2026-11-25T06:15:41Z",
          level: "error",
          logger: "task",
          event: "Task failed with exception",
          error_detail: [{ exc_type: "HTTPError", exc_value: "503", frames: [{ filename: "fx.py", lineno: 27, name: "fetch" }] }]
        }
      ])
    ).toEqual([
      "[2026-11-25T06:15:41Z] {task} ERROR - Task failed with exception",
      "Traceback (most recent call last):",
      '  File "fx.py", line 27, in fetch',
      "HTTPError: 503"
    ])
    expect(linesFromCloudWatchMessage('{"event":"hello","level":"info"}')).toEqual(["INFO - hello"])
    expect(linesFromCloudWatchMessage("{not json")).toEqual(["{not json"])
  })
})

describe("DAG files in S3", () => {
  it("maps an MWAA fileloc to the bucket key under DagS3Path, and refuses anything outside the dags folder", () => {
    expect(dagFileS3Location("arn:aws:s3:::b", "dags", "/usr/local/airflow/dags/team/etl.py")).toMatchObject({
      _tag: "Some",
      value: { bucketArn: "arn:aws:s3:::b", key: "dags/team/etl.py" }
    })
    expect(dagFileS3Location("arn:aws:s3:::b", "dags/", "/usr/local/airflow/dags/../plugins/x.py")._tag).toBe("None")
    expect(dagFileS3Location("arn:aws:s3:::b", "dags", "/etc/passwd")._tag).toBe("None")
    expect(dagFileS3Location(undefined, "dags", "/usr/local/airflow/dags/x.py")._tag).toBe("None")
  })
})

describe("Airflow 2.10 REST log content", () => {
  it("reads the Python str() of [(host, text)] tuples back into lines", () => {
    const content = "[('worker-1', '*** Found logs\\nERROR - column \\'discount_code\\' does not exist\\n'), (\"w2\", 'caf\\xe9')]"
    expect(linesFromRestContent(content)).toEqual(["*** Found logs", "ERROR - column 'discount_code' does not exist", "café"])
    expect(linesFromRestContent("[(not python")).toEqual(["[(not python"])
  })
})
