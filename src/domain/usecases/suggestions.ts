import { Cache, Data, Duration, Effect, Exit } from "effect"
import { AppConfig } from "../../ports/AppConfig.js"
import { Environments } from "../../ports/Environments.js"
import { retryThrottled } from "../retry-policy.js"
import { listDags } from "./dags.js"

/** Names offered while one is typed: the first ones in order, and whether there are more. */
export interface Suggested {
  readonly values: ReadonlyArray<string>
  readonly hasMore: boolean
}

/** As many as one answer may carry (MCP's completion limit). */
const MAX_SUGGESTED = 100

/**
 * A few seconds of memory: suggestions follow each keystroke, and the names change rarely. Failures
 * are not remembered, so a throttled lookup is asked again at the next keystroke.
 */
const REMEMBER = Duration.seconds(30)

const startingWith = (names: ReadonlyArray<string>, prefix: string, more: boolean): Suggested => {
  const lower = prefix.toLowerCase()
  const matching = names.filter((name) => name.toLowerCase().startsWith(lower)).sort()
  return { values: matching.slice(0, MAX_SUGGESTED), hasMore: more || matching.length > MAX_SUGGESTED }
}

/**
 * Names to offer while a person types one: the region's environments, an environment's DAGs. Both
 * lists are remembered briefly, so typing does not spend MWAA's request budget.
 */
export class Suggestions extends Effect.Service<Suggestions>()("mwaa-mcp/Suggestions", {
  effect: Effect.gen(function* () {
    const mwaaEnvironments = yield* Environments
    const config = yield* AppConfig
    const retry = retryThrottled({ maxAttempts: config.maxAttempts })
    const rememberSuccess = (exit: Exit.Exit<unknown, unknown>) => (Exit.isSuccess(exit) ? REMEMBER : Duration.zero)

    const environments = yield* Cache.makeWith({
      capacity: 1,
      timeToLive: rememberSuccess,
      lookup: (_region: string) => retry(mwaaEnvironments.list())
    })
    // Airflow's dag_id_pattern matches anywhere in the id: asked with the prefix, then narrowed to it.
    const dags = yield* Cache.makeWith({
      capacity: 256,
      timeToLive: rememberSuccess,
      lookup: ([environment, prefix]: readonly [string, string]) =>
        listDags(environment, { limit: MAX_SUGGESTED, offset: 0, dag_id_pattern: prefix === "" ? undefined : prefix })
    })

    const environmentNames = Effect.fnUntraced(function* (prefix: string) {
      return startingWith(yield* environments.get(config.region), prefix, false)
    })
    const dagIds = Effect.fnUntraced(function* (environment: string, prefix: string) {
      // A Data tuple: keys compared by value, not by identity.
      const page = yield* dags.get(Data.tuple(environment, prefix))
      return startingWith(
        page.dags.map((dag) => dag.dag_id),
        prefix,
        page.next_offset !== null
      )
    })
    return { environmentNames, dagIds } as const
  })
}) {}
