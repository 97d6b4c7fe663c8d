import type { WorkflowDiagnosis } from "../../domain/usecases/diagnose-workflow.js"
import { maskThenCut } from "../../domain/redaction.js"
import type { WordedStep } from "../next-steps.js"
import { wordWorkflowStep } from "../workflow-next-steps.js"

/** A workflow run's diagnosis as diagnose-workflow-run answers it: its next steps worded as tool calls. */
export type WorkflowDiagnosisAnswer = Omit<WorkflowDiagnosis, "next_steps"> & { readonly next_steps: ReadonlyArray<WordedStep> }

export const wordWorkflowDiagnosis = (d: WorkflowDiagnosis): WorkflowDiagnosisAnswer => ({
  ...d,
  next_steps: d.next_steps.map(wordWorkflowStep)
})

const sizeOf = (value: unknown) => JSON.stringify(value).length

/** Upstream-failed task instances listed at most: the count says how many there are. */
const UPSTREAM_SHOWN = 20

/**
 * The diagnosis within a byte budget, cut where it loses least, as diagnose-dag-run's: the long
 * upstream list and a large conf first, then error messages, then traceback lines (each exception
 * line itself is kept), then the failed tasks read last.
 */
export const fitWorkflowDiagnosis = (d: WorkflowDiagnosisAnswer, maxBytes: number) => {
  let fitted = {
    ...d,
    run:
      d.run === null
        ? null
        : {
            ...d.run,
            conf: d.run.conf !== null && sizeOf(d.run.conf) > 1000 ? { omitted: "conf is large: get-workflow-run shows it" } : d.run.conf
          },
    upstream_failed: d.upstream_failed.slice(0, UPSTREAM_SHOWN),
    upstream_failed_not_shown: Math.max(0, d.upstream_failed.length - UPSTREAM_SHOWN)
  }
  // Masked before the cut (again: masking is idempotent), so a cut never splits a secret unmasked.
  const cut = (text: string | null, chars: number) => (text === null ? null : maskThenCut(text, chars))
  const cutMessages = (chars: number) => ({
    ...fitted,
    run: fitted.run === null ? null : { ...fitted.run, error_message: cut(fitted.run.error_message, chars) },
    failed_tasks: fitted.failed_tasks.map((t) => ({ ...t, error_message: cut(t.error_message, chars) }))
  })
  // The first line (the traceback's head) and the last ones (where the exception is) are kept.
  const cutLines = (all: ReadonlyArray<string>, lines: number) =>
    all.length <= lines ? all : lines === 0 ? [] : [...all.slice(0, 1), ...all.slice(-(lines - 1))]
  const cutExcerpts = (lines: number) => ({
    ...fitted,
    failed_tasks: fitted.failed_tasks.map((t) => ({
      ...t,
      error: t.error === null ? null : { ...t.error, lines: cutLines(t.error.lines, lines) }
    }))
  })
  for (const step of [
    () => cutMessages(1000),
    () => cutExcerpts(16),
    () => cutExcerpts(10),
    () => cutMessages(300),
    () => cutExcerpts(6),
    () => cutExcerpts(3),
    () => cutExcerpts(0)
  ]) {
    if (sizeOf(fitted) <= maxBytes) return fitted
    fitted = step()
  }
  while (sizeOf(fitted) > maxBytes && fitted.failed_tasks.length > 1) {
    fitted = { ...fitted, failed_tasks: fitted.failed_tasks.slice(0, -1), failed_tasks_not_read: fitted.failed_tasks_not_read + 1 }
  }
  return fitted
}
