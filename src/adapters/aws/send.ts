import { Duration, Effect } from "effect"
import { MwaaError } from "../../ports/MwaaError.js"
import { Telemetry } from "../../ports/Telemetry.js"
import { type AwsCall, observeCall } from "./observed-call.js"
import { toMwaaError } from "./to-mwaa-error.js"

export type { AwsCall, AwsService } from "./observed-call.js"

const ignore = (_: unknown) => {}

/**
 * Every SDK promise is wrapped here, once: the fiber's interruption aborts the HTTP request
 * (through the abort signal), failures become MwaaError, and a call that outlives `timeout`
 * fails with reason Timeout (and is aborted). With telemetry on (the Telemetry reference), the call
 * gets its span and metrics (observed-call.ts); off, the only cost is reading that reference.
 * `run` passes an answer that is not the SDK's own (e.g. an S3 body read to text) to `seen`.
 */
export const send = <A>(
  call: AwsCall,
  timeout: Duration.DurationInput,
  run: (signal: AbortSignal, seen: (sdkAnswer: unknown) => void) => Promise<A>
): Effect.Effect<A, MwaaError> => {
  const operation = call.label ?? call.operation
  const attempt = (seen: (value: unknown) => void) =>
    Effect.tryPromise({
      try: async (signal) => {
        const answer = await run(signal, seen)
        seen(answer)
        return answer
      },
      catch: (cause) => {
        seen(cause)
        return toMwaaError(operation)(cause)
      }
    }).pipe(
      Effect.timeoutFail({
        duration: timeout,
        onTimeout: () =>
          new MwaaError({ reason: "Timeout", operation, message: `No answer within ${Duration.format(Duration.decode(timeout))}.` })
      })
    )
  return Effect.flatMap(Telemetry, (telemetry) =>
    telemetry.traces || telemetry.metrics ? observeCall(call, telemetry, attempt) : attempt(ignore)
  )
}
