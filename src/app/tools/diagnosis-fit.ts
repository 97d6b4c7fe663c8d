import type { Diagnosis } from "../../domain/usecases/diagnose-run.js"
import { maskSecretsInText } from "../../domain/redaction.js"
import { type WordedStep, wordDiagnosisStep } from "../next-steps.js"
import { fitInSteps, headAndTail, sizeOf, UPSTREAM_SHOWN } from "./fit-steps.js"

/** A diagnosis as diagnose-dag-run answers it: its next steps worded as tool calls. */
export type DiagnosisAnswer = Omit<Diagnosis, "next_steps"> & { readonly next_steps: ReadonlyArray<WordedStep> }

/** The diagnosis with its intents worded; measured and cut afterwards, so the budget counts the words. */
export const wordDiagnosis = (d: Diagnosis): DiagnosisAnswer => ({ ...d, next_steps: d.next_steps.map(wordDiagnosisStep) })

/**
 * The diagnosis within a byte budget, cut where it loses least: long upstream lists first, then
 * import stack traces, then traceback lines, a differing try's too (each exception line itself
 * is kept), then the failed tasks read last.
 */
export const fitDiagnosis = (d: DiagnosisAnswer, maxBytes: number) => {
  const bounded = {
    ...d,
    run:
      d.run === null
        ? null
        : {
            ...d.run,
            conf: d.run.conf !== null && sizeOf(d.run.conf) > 1000 ? { omitted: "conf is large: get-dag-run shows it" } : d.run.conf
          },
    upstream_failed: d.upstream_failed.slice(0, UPSTREAM_SHOWN),
    upstream_failed_not_shown: Math.max(0, d.upstream_failed.length - UPSTREAM_SHOWN)
  }
  type Fitted = typeof bounded
  const cutTraces =
    (chars: number) =>
    (f: Fitted): Fitted => ({
      ...f,
      import_errors: f.import_errors.map((e) => ({
        ...e,
        // Masked before the cut (again: masking is idempotent), so the cut never splits a secret unmasked.
        stack_trace:
          e.stack_trace !== null && e.stack_trace.length > chars ? `…${maskSecretsInText(e.stack_trace).text.slice(-chars)}` : e.stack_trace
      }))
    })
  const cutExcerpts =
    (lines: number) =>
    (f: Fitted): Fitted => ({
      ...f,
      failed_tasks: f.failed_tasks.map((t) => ({
        ...t,
        error: t.error === null ? null : { ...t.error, lines: headAndTail(t.error.lines, lines) },
        tries:
          t.tries?.differing == null
            ? t.tries
            : { ...t.tries, differing: { ...t.tries.differing, lines: headAndTail(t.tries.differing.lines, lines) } }
      }))
    })
  return fitInSteps(
    bounded,
    [cutTraces(2000), cutTraces(600), cutExcerpts(16), cutExcerpts(10), cutExcerpts(6), cutExcerpts(3), cutExcerpts(0)],
    maxBytes
  )
}
