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
    const structured = linesFromRestContent([{ timestamp: "2026-11-24T00:00:01Z", level: "info", event: `conf:\n${conf}` }])
    const text = linesFromRestContent(`*** Reading local file\n${conf}\n`)
    for (const lines of [structured, text]) for (const secret of secrets) expect(lines.join("\n")).not.toContain(secret)
  })

  it("leave a one-line event to the per-line masking, unchanged here", () => {
    expect(linesFromCloudWatchMessage("password=hunter2")).toEqual(["password=hunter2"])
  })
})
