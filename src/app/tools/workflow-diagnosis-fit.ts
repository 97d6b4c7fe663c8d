import type { WorkflowDiagnosis } from "../../domain/usecases/diagnose-workflow.js"
import { maskThenCut } from "../../domain/redaction.js"
import type { WordedStep } from "../next-steps.js"
import { wordWorkflowStep } from "../workflow-next-steps.js"
import { fitInSteps, headAndTail, sizeOf, UPSTREAM_SHOWN } from "./fit-steps.js"

/** A workflow run's diagnosis as diagnose-workflow-run answers it: its next steps worded as tool calls. */
export type WorkflowDiagnosisAnswer = Omit<WorkflowDiagnosis, "next_steps"> & { readonly next_steps: ReadonlyArray<WordedStep> }

export const wordWorkflowDiagnosis = (d: WorkflowDiagnosis): WorkflowDiagnosisAnswer => ({
  ...d,
  next_steps: d.next_steps.map(wordWorkflowStep)
})

/**
 * The diagnosis within a byte budget, cut where it loses least, as diagnose-dag-run's: the long
 * upstream list and a large conf first, then error messages, then traceback lines (each exception
 * line itself is kept), then the failed tasks read last.
 */
export const fitWorkflowDiagnosis = (d: WorkflowDiagnosisAnswer, maxBytes: number) => {
  const bounded = {
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
  type Fitted = typeof bounded
  // Masked before the cut (again: masking is idempotent), so a cut never splits a secret unmasked.
  const cut = (text: string | null, chars: number) => (text === null ? null : maskThenCut(text, chars))
  const cutMessages =
    (chars: number) =>
    (f: Fitted): Fitted => ({
      ...f,
      run: f.run === null ? null : { ...f.run, error_message: cut(f.run.error_message, chars) },
      failed_tasks: f.failed_tasks.map((t) => ({ ...t, error_message: cut(t.error_message, chars) }))
    })
  const cutExcerpts =
    (lines: number) =>
    (f: Fitted): Fitted => ({
      ...f,
      failed_tasks: f.failed_tasks.map((t) => ({
        ...t,
        error: t.error === null ? null : { ...t.error, lines: headAndTail(t.error.lines, lines) }
      }))
    })
  return fitInSteps(
    bounded,
    [cutMessages(1000), cutExcerpts(16), cutExcerpts(10), cutMessages(300), cutExcerpts(6), cutExcerpts(3), cutExcerpts(0)],
    maxBytes
  )
}
