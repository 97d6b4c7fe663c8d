import { Effect } from "effect"
import type { FakeApi } from "./call-log.js"

/**
 * A fault a test injects into the fake at its ports, in the HTTP fake's vocabulary
 * (test/support/http-fake/faults.ts) so one contract test can drive both: throttling, a timeout,
 * a 5xx, or a malformed answer (the call runs, its answer is reshaped so the edge's Schema refuses it).
 */
export type FakeFault =
  | { readonly kind: "throttle" }
  | { readonly kind: "timeout" }
  | { readonly kind: "fail"; readonly status: 500 | 502 | 503 | 504 }
  | { readonly kind: "malformed" }

/** Which calls a fault applies to: one operation (InvokeRestApi unless named, as in the HTTP fake) or "*" for any. */
export interface FakeFaultTarget {
  readonly api?: FakeApi | "*" | undefined
}

/** The fault levers on the FakeMwaa inspector; each fault is consumed, in the order added, by the calls it targets. */
export interface FakeFaults {
  /** MwaaError Throttled (as ThrottlingException maps) for the next n matching calls; the calls do not run. */
  readonly throttleNext: (n: number, target?: FakeFaultTarget) => Effect.Effect<void>
  /** Throttled for every matching call until `reset`. */
  readonly throttleAlways: (target?: FakeFaultTarget) => Effect.Effect<void>
  /** MwaaError Timeout for the next n matching calls; the calls do not run. */
  readonly timeoutNext: (n: number, target?: FakeFaultTarget) => Effect.Effect<void>
  /**
   * A 5xx for the next n matching calls; the calls do not run. AWS's own services answer it as
   * Unavailable; Airflow's (AirflowApi) as AirflowServerError carrying `status`.
   */
  readonly failNext: (n: number, options: { readonly status: 500 | 502 | 503 | 504 } & FakeFaultTarget) => Effect.Effect<void>
  /**
   * The next n matching calls run, and their answers come back in a shape the edge refuses: each
   * member of another type (GetEnvironment: UnexpectedAnswer naming the member; AirflowApi: a body
   * the domain's Schema rejects). An answer no Schema reads (a list, an S3 object) is unreadable: Internal.
   */
  readonly malformedNext: (target?: FakeFaultTarget, n?: number) => Effect.Effect<void>
  /** Drops every fault not yet consumed. */
  readonly reset: Effect.Effect<void>
}

interface Rule {
  readonly target: FakeApi | "*"
  remaining: number
  readonly fault: FakeFault
}

export interface FaultQueue {
  readonly levers: FakeFaults
  /** The fault this call meets, consumed; undefined for most calls. */
  readonly draw: (api: FakeApi) => Effect.Effect<FakeFault | undefined>
}

/** The faults, kept in a plain array: each add and draw is one synchronous step. */
export const makeFaultQueue = (): FaultQueue => {
  let rules: Array<Rule> = []
  const add = (fault: FakeFault, count: number, target: FakeFaultTarget | undefined) =>
    Effect.sync(() => {
      rules.push({ target: target?.api ?? "InvokeRestApi", remaining: count, fault })
    })
  return {
    levers: {
      throttleNext: (n, target) => add({ kind: "throttle" }, n, target),
      throttleAlways: (target) => add({ kind: "throttle" }, Number.POSITIVE_INFINITY, target),
      timeoutNext: (n, target) => add({ kind: "timeout" }, n, target),
      failNext: (n, { status, api }) => add({ kind: "fail", status }, n, { api }),
      malformedNext: (target, n = 1) => add({ kind: "malformed" }, n, target),
      reset: Effect.sync(() => {
        rules = []
      })
    },
    draw: (api) =>
      Effect.sync(() => {
        // Most calls meet no fault: no search then.
        if (rules.length === 0) return undefined
        const rule = rules.find((r) => r.remaining > 0 && (r.target === "*" || r.target === api))
        if (rule === undefined) return undefined
        rule.remaining -= 1
        rules = rules.filter((r) => r.remaining > 0)
        return rule.fault
      })
  }
}
