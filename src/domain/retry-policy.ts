import { Duration, Effect, Random, Schedule } from "effect"
import { isRetryable, MwaaError } from "../ports/MwaaError.js"
import { RetryAttempt } from "../ports/Telemetry.js"

export interface RetryThrottledOptions {
  /** Attempts in all, the first try included; 1 means no retry. */
  readonly maxAttempts: number
  /** First delay before jitter; each later one doubles. */
  readonly base?: Duration.DurationInput
  /** No single delay exceeds this, jitter included. */
  readonly cap?: Duration.DurationInput
  /** No retry starts after this much time since the first attempt failed. */
  readonly maxElapsed?: Duration.DurationInput
}

// MWAA throttles InvokeRestApi per environment at a few calls per second, so a quarter-second
// start clears most bursts; the cap keeps one tool call from stalling for long.
const defaultBase = Duration.millis(250)
const defaultCap = Duration.seconds(8)
// A tool call should answer within a minute even when MWAA keeps throttling.
const defaultMaxElapsed = Duration.seconds(30)

/** An MwaaError worth another attempt; any other error (an answer of another shape, a missing log) is not. */
const retryable = (error: unknown): error is MwaaError => error instanceof MwaaError && isRetryable(error)

/** The error as it leaves the policy: an MwaaError says how many attempts were made, any other is left as it is. */
const counted = <E>(error: E, attempts: number): E => (error instanceof MwaaError ? (withAttempts(error, attempts) as E) : error)

const withAttempts = (error: MwaaError, attempts: number): MwaaError =>
  new MwaaError({
    reason: error.reason,
    operation: error.operation,
    message: error.message,
    airflowStatus: error.airflowStatus,
    airflowBody: error.airflowBody,
    ...(error.webserverUnreachable !== undefined && { webserverUnreachable: error.webserverUnreachable }),
    ...(error.webserverAccessMode !== undefined && { webserverAccessMode: error.webserverAccessMode }),
    attempts
  })

/**
 * Retries throttled and transient failures with capped exponential backoff and full jitter
 * (each delay drawn uniformly from zero to the capped exponential, as AWS recommends), so
 * parallel tool calls never retry in lockstep. Bounded twice: attempts, and total time.
 * Delays run on Effect's Clock and Random, so TestClock and Random.fixed drive them in tests.
 * The final error carries how many attempts were made. Only MwaaError is retried: any other error
 * of the effect passes through at its first occurrence.
 */
export const retryThrottled = (options: RetryThrottledOptions) => {
  const cap = Duration.decode(options.cap ?? defaultCap)
  const retries = Math.max(0, Math.floor(options.maxAttempts) - 1)
  const schedule = Schedule.exponential(options.base ?? defaultBase, 2).pipe(
    Schedule.modifyDelayEffect((_, delay) =>
      Effect.map(Random.next, (r) => Duration.millis(Math.floor(Duration.toMillis(Duration.min(delay, cap)) * r)))
    ),
    Schedule.intersect(Schedule.recurs(retries)),
    Schedule.upTo(options.maxElapsed ?? defaultMaxElapsed)
  )
  // The schedule's machinery (its driver, the attempt count) is set up only once a first attempt
  // has failed in a way worth retrying: nearly every call succeeds at once, and setting it up for
  // each was about 0.07 ms of a call over a server's first calls, where the budget is 0.5 ms added
  // per call (npm run bench, per-call).
  return <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.catchAll(effect, (firstError) =>
      !retryable(firstError)
        ? Effect.fail(counted(firstError, 1))
        : Effect.suspend(() => {
            let attempts = 1
            // The first run of the retried effect is the attempt that already failed. Each retry
            // says which attempt it is (RetryAttempt), for the spans of the AWS calls it makes.
            const attempt = Effect.suspend(() =>
              attempts++ === 1 ? Effect.fail(firstError) : Effect.locally(effect, RetryAttempt, attempts - 1)
            )
            return attempt.pipe(
              Effect.retry({ schedule, while: retryable }),
              Effect.catchAll((error) => Effect.fail(counted(error, attempts - 1)))
            )
          })
    )
}
