import type { Context, Effect } from "effect"
import type { Workflows } from "../ports/Workflows.js"
import { retryThrottled } from "./retry-policy.js"

/**
 * MWAA Serverless's reads retried when throttled or briefly unavailable, as every MWAA call is: the
 * AWS adapter sends one attempt and leaves retrying to the domain. Applied once, to the port every
 * tool is given (app/layers.ts), so no use case retries a read itself and attempts never multiply.
 * The writes are not wrapped: a start retries under its client token and a stop after its check
 * (usecases/workflow-writes.ts), where a repeat is known to be harmless.
 */
export const retriedReads = (workflows: Context.Tag.Service<Workflows>, maxAttempts: number): Context.Tag.Service<Workflows> => {
  const retry = retryThrottled({ maxAttempts })
  const retried =
    <Args extends ReadonlyArray<unknown>, A, E>(f: (...args: Args) => Effect.Effect<A, E>) =>
    (...args: Args) =>
      retry(f(...args))
  return {
    ...workflows,
    list: retried(workflows.list),
    get: retried(workflows.get),
    listVersions: retried(workflows.listVersions),
    listRuns: retried(workflows.listRuns),
    getRun: retried(workflows.getRun),
    listTasks: retried(workflows.listTasks),
    getTask: retried(workflows.getTask),
    readDefinition: retried(workflows.readDefinition),
    readLogBackward: retried(workflows.readLogBackward)
  }
}
