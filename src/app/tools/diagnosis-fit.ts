import type { Diagnosis } from "../../domain/usecases/diagnose-run.js"
import { maskSecretsInText } from "../../domain/redaction.js"
import { type WordedStep, wordDiagnosisStep } from "../next-steps.js"

/** A diagnosis as diagnose-dag-run answers it: its next steps worded as tool calls. */
export type DiagnosisAnswer = Omit<Diagnosis, "next_steps"> & { readonly next_steps: ReadonlyArray<WordedStep> }

/** The diagnosis with its intents worded; measured and cut afterwards, so the budget counts the words. */
export const wordDiagnosis = (d: Diagnosis): DiagnosisAnswer => ({ ...d, next_steps: d.next_steps.map(wordDiagnosisStep) })

const sizeOf = (value: unknown) => JSON.stringify(value).length

/** Upstream-failed tasks listed at most: the count says how many there are. */
const UPSTREAM_SHOWN = 20

/**
 * The diagnosis within a byte budget, cut where it loses least: long upstream lists first, then
 * import stack traces, then traceback lines, a differing try's too (each exception line itself
 * is kept), then the failed tasks read last.
 */
export const fitDiagnosis = (d: DiagnosisAnswer, maxBytes: number) => {
  let fitted = {
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
  const cutTraces = (chars: number) => ({
    ...fitted,
    import_errors: fitted.import_errors.map((e) => ({
      ...e,
      // Masked before the cut (again: masking is idempotent), so the cut never splits a secret unmasked.
      stack_trace:
        e.stack_trace !== null && e.stack_trace.length > chars ? `…${maskSecretsInText(e.stack_trace).text.slice(-chars)}` : e.stack_trace
    }))
  })
  // The first line (the traceback's head) and the last ones (where the exception is) are kept.
  const cutLines = (all: ReadonlyArray<string>, lines: number) =>
    all.length <= lines ? all : lines === 0 ? [] : [...all.slice(0, 1), ...all.slice(-(lines - 1))]
  const cutExcerpts = (lines: number) => ({
    ...fitted,
    failed_tasks: fitted.failed_tasks.map((t) => ({
      ...t,
      error: t.error === null ? null : { ...t.error, lines: cutLines(t.error.lines, lines) },
      tries:
        t.tries?.differing == null
          ? t.tries
          : { ...t.tries, differing: { ...t.tries.differing, lines: cutLines(t.tries.differing.lines, lines) } }
    }))
  })
  for (const step of [
    () => cutTraces(2000),
    () => cutTraces(600),
    () => cutExcerpts(16),
    () => cutExcerpts(10),
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
