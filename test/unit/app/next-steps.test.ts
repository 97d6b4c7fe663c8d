import { describe, expect, it } from "vitest"
import { healthFindingText, waitHint, wordDiagnosisStep } from "../../../src/app/next-steps.js"
import type { NextStep } from "../../../src/domain/usecases/diagnose-run.js"
import { READ_TOOLS, WRITE_TOOLS } from "../../support/tool-names.js"

/** The domain's intents in the catalogue's words: each intent's wording, pinned to the text the tools have always sent. */

const ids = { dag_id: "etl", dag_run_id: "r1" }
const every: ReadonlyArray<NextStep> = [
  { next: "read-import-errors" },
  { next: "read-dag", dag_id: "etl" },
  { next: "read-task-log", ...ids, task_id: "load", map_index: -1 },
  { next: "read-dag-source", dag_id: "etl" },
  { next: "clear-failed-tasks", ...ids, task_ids: ["load", "report"] },
  { next: "list-run-tasks", ...ids }
]

describe("diagnose-dag-run's next steps", () => {
  it("name a catalogue tool each, with arguments it takes as they are", () => {
    const tools = every.map(wordDiagnosisStep).map((s) => s.tool)
    expect(tools).toEqual([
      "get-import-errors",
      "get-dag",
      "get-task-logs",
      "get-dag-source",
      "clear-task-instances",
      "list-task-instances"
    ])
    for (const tool of tools) expect([...READ_TOOLS, ...WRITE_TOOLS]).toContain(tool)
  })

  it("read the first failed task's warnings with context, naming its map index only when it is mapped", () => {
    expect(wordDiagnosisStep({ next: "read-task-log", ...ids, task_id: "load", map_index: -1 })).toEqual({
      tool: "get-task-logs",
      arguments: { ...ids, task_id: "load", level: "warning", context_lines: 2 },
      why: "The warnings and errors of load's log, the first task that failed."
    })
    expect(wordDiagnosisStep({ next: "read-task-log", ...ids, task_id: "load", map_index: 3 }).arguments).toMatchObject({ map_index: 3 })
  })

  it("say that clearing is a dry run by default and a write", () => {
    expect(wordDiagnosisStep({ next: "clear-failed-tasks", ...ids, task_ids: ["load"] })).toEqual({
      tool: "clear-task-instances",
      arguments: { ...ids, task_ids: ["load"] },
      why: "Once the cause is fixed: re-runs the failed tasks and, with include_downstream, what they blocked (a dry run unless dry_run is false; needs --allow-write)."
    })
  })
})

describe("wait-for-dag-run's hint", () => {
  const run = (state: string | null) => ({ dag_run_id: "r1", state })
  it("keeps waiting, diagnoses a failure, or says nothing", () => {
    expect(waitHint("keep-waiting", run("running"), 59.6)).toBe(
      "Run r1 is still running after 60 s: call wait-for-dag-run again to keep waiting, or list-task-instances to see which tasks are running or queued."
    )
    expect(waitHint("keep-waiting", run(null), 5)).toMatch(/^Run r1 is still in an unknown state after 5 s/)
    expect(waitHint("diagnose", run("failed"), 5)).toBe(
      "Run r1 failed: diagnose-dag-run with this dag_id and dag_run_id gives its failed tasks and their errors in one call."
    )
    expect(waitHint(null, run("success"), 5)).toBeNull()
  })
})

describe("get-environment-health's findings", () => {
  it("join a finding's text and where to look next", () => {
    expect(healthFindingText({ text: "2 DAG file(s) fail to parse", next: "read-import-errors" })).toBe(
      "2 DAG file(s) fail to parse: get-import-errors shows the stack traces."
    )
    expect(healthFindingText({ text: "1 DAG(s) had failed runs in the 24 h to t: etl.", next: "list-failed-runs" })).toBe(
      "1 DAG(s) had failed runs in the 24 h to t: etl. Next: list-dag-runs with state=failed, then list-task-instances for a failed run."
    )
    expect(healthFindingText({ text: "The last environment update failed." })).toBe("The last environment update failed.")
  })
})
