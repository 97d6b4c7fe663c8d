import { utf8Length } from "./bound-size.js"
import type { Verdict } from "./health.js"

/**
 * The health of many environments in one answer: each one's verdict, ranked worst first, and
 * bounded so a large fleet still fits. Pure: the app gathers the reports and words the findings.
 */

/** A target whose environment could not be described at all (credentials, access, throttling) is worse than unhealthy: nothing is known. */
export type FleetVerdict = Verdict | "unreachable"

/** What every entry needs to be ranked and bounded; the rest of an entry is carried as it is. */
export interface FleetEntry {
  readonly address: string
  readonly verdict: FleetVerdict
  readonly failed_runs: number | null
  readonly import_errors: number | null
  readonly failing_dags: ReadonlyArray<string>
  /** Failing DAGs not listed in failing_dags (cut to fit). */
  readonly failing_dags_more: number
  readonly findings: ReadonlyArray<string>
}

const SEVERITY: Readonly<Record<FleetVerdict, number>> = { unreachable: 0, unhealthy: 1, degraded: 2, healthy: 3 }

/** Worst first: by verdict, then by failed runs and import errors (more first), then by address, so the order is stable. */
export const worstFirst = <E extends FleetEntry>(entries: ReadonlyArray<E>): ReadonlyArray<E> =>
  [...entries].sort(
    (a, b) =>
      SEVERITY[a.verdict] - SEVERITY[b.verdict] ||
      (b.failed_runs ?? 0) - (a.failed_runs ?? 0) ||
      (b.import_errors ?? 0) - (a.import_errors ?? 0) ||
      (a.address < b.address ? -1 : a.address > b.address ? 1 : 0)
  )

/** Each step lists fewer failing DAGs and findings per entry, until the answer fits. */
const STEPS: ReadonlyArray<{ readonly dags: number; readonly findings: number; readonly chars: number }> = [
  { dags: 25, findings: 6, chars: 300 },
  { dags: 10, findings: 3, chars: 200 },
  { dags: 5, findings: 2, chars: 120 },
  { dags: 2, findings: 1, chars: 80 },
  { dags: 0, findings: 0, chars: 0 }
]

const cut = (text: string, chars: number) => (text.length <= chars ? text : `${text.slice(0, Math.max(0, chars - 1))}…`)

const shrink = <E extends FleetEntry>(entry: E, step: (typeof STEPS)[number]): E => {
  const shown = entry.failing_dags.slice(0, step.dags)
  return {
    ...entry,
    failing_dags: shown,
    failing_dags_more: entry.failing_dags_more + entry.failing_dags.length - shown.length,
    findings: entry.findings.slice(0, step.findings).map((f) => cut(f, step.chars))
  }
}

/**
 * The entries, worst first, with as much of each as fits `maxBytes` (their JSON together with
 * `overhead` bytes of the rest of the answer). Lists shrink before entries go: every target keeps
 * its verdict and counts; past the last step, the healthiest entries are left out and counted.
 */
export const fitFleet = <E extends FleetEntry>(
  entries: ReadonlyArray<E>,
  maxBytes: number,
  overhead: number
): { readonly entries: ReadonlyArray<E>; readonly omitted: number } => {
  const ranked = worstFirst(entries)
  const size = (list: ReadonlyArray<E>) => utf8Length(JSON.stringify(list)) + overhead
  for (const step of STEPS) {
    const shrunk = ranked.map((e) => shrink(e, step))
    if (size(shrunk) <= maxBytes) return { entries: shrunk, omitted: 0 }
  }
  const smallest = ranked.map((e) => shrink(e, STEPS[STEPS.length - 1] ?? { dags: 0, findings: 0, chars: 0 }))
  let kept = smallest.length
  while (kept > 0 && size(smallest.slice(0, kept)) > maxBytes) kept--
  return { entries: smallest.slice(0, kept), omitted: smallest.length - kept }
}
