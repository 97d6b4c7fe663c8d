import { Effect } from "effect"
import { AppConfig } from "../ports/AppConfig.js"
import { retryThrottled } from "./retry-policy.js"

/**
 * A call (or a short run of calls) to MWAA Serverless retried when throttled, as every MWAA call
 * is: the AWS adapter sends one attempt and leaves retrying to the domain. A listing that several
 * reaches and dozens of workflows share one rate for is where throttling shows first.
 */
export const retriedWhenThrottled = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R | AppConfig> =>
  Effect.flatMap(AppConfig, (config) => retryThrottled({ maxAttempts: config.maxAttempts })(effect))
