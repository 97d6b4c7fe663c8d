import { Duration, Effect } from "effect"
import { MwaaError } from "../../ports/MwaaError.js"
import { toMwaaError } from "./to-mwaa-error.js"

/**
 * Every SDK promise is wrapped here, once: the fiber's interruption aborts the HTTP request
 * (through the abort signal), failures become MwaaError, and a call that outlives `timeout`
 * fails with reason Timeout (and is aborted).
 */
export const send = <A>(
  operation: string,
  timeout: Duration.DurationInput,
  run: (signal: AbortSignal) => Promise<A>
): Effect.Effect<A, MwaaError> =>
  Effect.tryPromise({ try: run, catch: toMwaaError(operation) }).pipe(
    Effect.timeoutFail({
      duration: timeout,
      onTimeout: () =>
        new MwaaError({ reason: "Timeout", operation, message: `No answer within ${Duration.format(Duration.decode(timeout))}.` })
    })
  )
