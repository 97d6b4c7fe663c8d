import { describe, expect, it } from "vitest"
import type { FailedWorkflowTask, WorkflowDiagnosis } from "../../../src/domain/usecases/diagnose-workflow.js"
import { fitWorkflowDiagnosis, wordWorkflowDiagnosis } from "../../../src/app/tools/workflow-diagnosis-fit.js"

/**
 * diagnose-workflow-run's budget, as diagnose-dag-run's: cut where it loses least (long lists,
 * error messages, traceback lines but never the exception line), failed tasks dropped last and
 * counted, masked before every cut.
 */

const SECRET = "QZXJKVQZXJKVQZXJKVQZXJ"
const failedTask = (i: number, message?: string): FailedWorkflowTask => ({
  task_instance_id: `task-${i}`,
  task_id: `task_${i}`,
  state: "failed",
  status: "FAILED",
  try_number: 1,
  operator: "PythonOperator",
  start_date: "2026-11-25T01:00:00Z",
  end_date: `2026-11-25T01:${String(10 + i).padStart(2, "0")}:00Z`,
  duration: 60,
  // A secret where the cuts fall: masked first, it never shows in part.
  error_message: message ?? `${"context ".repeat(100 + i * 37)} password=${SECRET} ${"tail ".repeat(400)}`,
  log_stream: `stream-${i}`,
  error: {
    exception: `ValueError: task ${i} failed`,
    lines: [
      "Traceback (most recent call last):",
      ...Array.from({ length: 40 }, (_, k) => `  File "/dags/t.py", line ${k}, in f${k}`),
      `ValueError: task ${i} failed`
    ],
    line_from_end: 3
  },
  log_problem: null
})

const diagnosis = (failed: number, upstream: number, small = false): WorkflowDiagnosis => ({
  workflow: "big",
  run: {
    workflow: "big",
    run_id: "r",
    state: "failed",
    status: "FAILED",
    run_type: "manual",
    workflow_version: "v",
    queued_at: null,
    start_date: null,
    end_date: null,
    duration: null,
    conf: small ? null : { big: "x".repeat(5000) },
    error_message: small ? "boom" : "x".repeat(1900),
    task_instance_count: failed + upstream
  },
  picked: "given",
  succeeded_with_failed_tasks: false,
  counts: { failed, up_for_retry: 0, upstream_failed: upstream },
  failed_tasks: Array.from({ length: failed }, (_, i) => failedTask(i, small ? "short" : undefined)),
  failed_tasks_not_read: 0,
  upstream_failed: Array.from({ length: upstream }, (_, i) => `upstream-${i}`),
  tasks_listed_completely: true,
  workflow_versions: null,
  workflow_versions_note: null,
  next_steps: [{ next: "rerun-workflow", workflow: "big" }]
})

describe("diagnose-workflow-run's budget", () => {
  it.each([4096, 8000, 12_000, 60_000])(
    "fits %i bytes, keeps each exception line, counts what it dropped, never cuts a secret in part",
    (max) => {
      const fitted = fitWorkflowDiagnosis(wordWorkflowDiagnosis(diagnosis(8, 300)), max)
      const text = JSON.stringify(fitted)
      expect(text.length).toBeLessThanOrEqual(max)
      // A cut never leaves part of a secret: masked first, it is cut as "***" (left whole, present() masks the answer).
      for (const piece of text.match(/[QZXJKV]{4,}/g) ?? []) expect(piece).toBe(SECRET)
      if (max < 60_000) expect(text).not.toContain(SECRET.slice(0, 4))
      expect(fitted.upstream_failed).toHaveLength(20)
      expect(fitted.upstream_failed_not_shown).toBe(280)
      expect(fitted.run?.conf).toEqual({ omitted: "conf is large: get-workflow-run shows it" })
      expect(fitted.failed_tasks.length + fitted.failed_tasks_not_read).toBe(8)
      expect(fitted.failed_tasks.length).toBeGreaterThanOrEqual(1)
      for (const t of fitted.failed_tasks) expect(t.error?.exception).toMatch(/^ValueError: task \d failed$/)
      expect(fitted.next_steps[0]).toMatchObject({ tool: "start-workflow-run", arguments: { workflow: "big" } })
    }
  )

  it("leaves a small diagnosis whole", () => {
    const fitted = fitWorkflowDiagnosis(wordWorkflowDiagnosis(diagnosis(1, 2, true)), 12_000)
    expect(fitted.failed_tasks[0]?.error?.lines).toHaveLength(42)
    expect(fitted.upstream_failed_not_shown).toBe(0)
  })
})
