import { describe, expect, it } from "vitest"
import { linesFromCloudWatchMessage, linesFromRestContent } from "../../../src/domain/log-lines.js"

/** A value written over several lines is only recognisable whole: each event is masked before it is split. */
const conf = JSON.stringify(
  { user: "etl", password: ["hunter2-first-line", "s3cr3t-second-line"], token: { value: "tok-9f8e7d6c" } },
  null,
  2
)
const secrets = ["hunter2-first-line", "s3cr3t-second-line", "tok-9f8e7d6c"]

describe("log lines", () => {
  it("mask a secret spread over the lines of one CloudWatch event", () => {
    const lines = linesFromCloudWatchMessage(`[2026-11-24T00:00:01] INFO - conf:\n${conf}`)
    expect(lines.length).toBeGreaterThan(5)
    for (const secret of secrets) expect(lines.join("\n")).not.toContain(secret)
    expect(lines.join("\n")).toContain('"user": "etl"')
  })

  it("mask it in Airflow 3's structured entries and in Airflow 2's REST text too", () => {
    const structured = linesFromRestContent([{ timestamp: "2026-11-24T00:00:01Z", level: "info", logger: null, event: `conf:\n${conf}` }])
    const text = linesFromRestContent(`*** Reading local file\n${conf}\n`)
    for (const lines of [structured, text]) for (const secret of secrets) expect(lines.join("\n")).not.toContain(secret)
  })

  it("leave a one-line event to the per-line masking, unchanged here", () => {
    expect(linesFromCloudWatchMessage("password=hunter2")).toEqual(["password=hunter2"])
  })
})

describe("Airflow 3's structured entries, decoded by their Schemas", () => {
  const detail = [{ exc_type: "ValueError", exc_value: "bad row 7", frames: [{ filename: "/dags/etl.py", lineno: 42, name: "load" }] }]

  it("renders a CloudWatch JSON line with its traceback as Airflow's classic lines", () => {
    const line = JSON.stringify({
      timestamp: "2026-11-24T00:00:01Z",
      level: "error",
      logger: "task",
      event: "failed",
      error_detail: detail
    })
    expect(linesFromCloudWatchMessage(line)).toEqual([
      "[2026-11-24T00:00:01Z] {task} ERROR - failed",
      "Traceback (most recent call last):",
      '  File "/dags/etl.py", line 42, in load',
      "ValueError: bad row 7"
    ])
  })

  it("keeps an entry whose error_detail has a shape it does not know, without a traceback", () => {
    const line = JSON.stringify({ level: "error", event: "failed", error_detail: { not: "a list" } })
    expect(linesFromCloudWatchMessage(line)).toEqual(["ERROR - failed"])
  })

  it("keeps as text a line that opens like JSON but is not an entry: no event, a field of another type, or not JSON", () => {
    for (const text of ['{"msg": "no event here"}', '{"event": "x", "level": 3}', "{ not json"]) {
      expect(linesFromCloudWatchMessage(text)).toEqual([text])
    }
  })
})
