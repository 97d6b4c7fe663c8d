import type { FailOptions, FaultKind, FaultTarget, Operation, RateLimitOptions } from "./types.js"

/**
 * The faults a test asks for, consumed in the order they were added by the requests they
 * target (InvokeRestApi unless a test names another operation, or "*" for any).
 */
export type Injected =
  | { readonly kind: "throttle" }
  | { readonly kind: "fail"; readonly status: number; readonly as?: FailOptions["as"] }
  | { readonly kind: "malformed" }
  | { readonly kind: "html" }
  | { readonly kind: "reset"; readonly processed: boolean }

/** What the fake must do to one request. */
export interface Drawn {
  readonly delayMs: number
  readonly fault?: Injected | undefined
  /** The rate limit's bucket was empty. */
  readonly limited: boolean
}

/** The buckets a request may take a token from: RateLimitOptions.per picks one. */
export interface BucketKeys {
  /** The world and environment (else the operation). */
  readonly environment: string
  /** The world (account and region); else the operation. */
  readonly account: string
}

interface Rule<A> {
  readonly target: Operation | "*"
  remaining: number
  readonly value: A
}

export interface Faults {
  readonly add: (fault: Injected, count: number, target: FaultTarget | undefined) => void
  readonly addDelay: (ms: number, target: FaultTarget | undefined) => void
  readonly setRateLimit: (options: RateLimitOptions | undefined) => void
  /** Consumes what applies to this request; `keys` name its rate-limit buckets. */
  readonly draw: (operation: Operation, keys: BucketKeys) => Drawn
  readonly reset: () => void
}

export const faultKindOf = (drawn: Drawn): FaultKind | undefined =>
  drawn.fault?.kind ?? (drawn.limited ? "rateLimit" : drawn.delayMs > 0 ? "delay" : undefined)

const targetOf = (target: FaultTarget | undefined): Operation | "*" => target?.api ?? "InvokeRestApi"

const take = <A>(rules: Array<Rule<A>>, operation: Operation): A | undefined => {
  const rule = rules.find((r) => r.remaining > 0 && (r.target === "*" || r.target === operation))
  if (rule === undefined) return undefined
  rule.remaining -= 1
  return rule.value
}

export const makeFaults = (now: () => number = () => performance.now()): Faults => {
  let rules: Array<Rule<Injected>> = []
  let delays: Array<Rule<number>> = []
  let limit: { readonly options: RateLimitOptions; readonly buckets: Map<string, { tokens: number; at: number }> } | undefined

  /** A token bucket: `burst` tokens at start, refilled at `perSecond`; a call takes one. */
  const admit = (operation: Operation, keys: BucketKeys): boolean => {
    if (limit === undefined) return true
    const target = targetOf(limit.options)
    if (target !== "*" && target !== operation) return true
    const key = limit.options.per === "account" ? keys.account : keys.environment
    const t = now()
    const bucket = limit.buckets.get(key) ?? { tokens: limit.options.burst, at: t }
    bucket.tokens = Math.min(limit.options.burst, bucket.tokens + ((t - bucket.at) / 1000) * limit.options.perSecond)
    bucket.at = t
    limit.buckets.set(key, bucket)
    if (bucket.tokens < 1) return false
    bucket.tokens -= 1
    return true
  }

  return {
    add: (fault, count, target) => {
      rules.push({ target: targetOf(target), remaining: count, value: fault })
    },
    addDelay: (ms, target) => {
      delays.push({ target: targetOf(target), remaining: 1, value: ms })
    },
    setRateLimit: (options) => {
      limit = options === undefined ? undefined : { options, buckets: new Map() }
    },
    draw: (operation, keys) => {
      const delayMs = take(delays, operation) ?? 0
      const fault = take(rules, operation)
      return { delayMs, fault, limited: fault === undefined && !admit(operation, keys) }
    },
    reset: () => {
      rules = []
      delays = []
      limit = undefined
    }
  }
}
