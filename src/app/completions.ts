import { Effect, Option, Schema } from "effect"
import type { EnvironmentResolver } from "../domain/environment-resolution.js"
import { EnvironmentAddress } from "../domain/ids.js"
import { Suggestions } from "../domain/usecases/suggestions.js"
import type { CompletionRequest, CompletionValues } from "../ports/ToolHost.js"
import type { PromptSpec } from "./prompts.js"
import { withEnvironment } from "./with-environment.js"

export const NO_VALUES: CompletionValues = { values: [], hasMore: false }

// What may be typed so far of each id: the characters its full form allows, never longer. Anything
// else can complete to nothing, and is not sent on as a DAG id pattern.
const ENVIRONMENT_PREFIX = /^[A-Za-z0-9_-]{0,80}$/
const DAG_ID_PREFIX = /^[A-Za-z0-9_.-]{0,250}$/

const environmentNamed = Schema.decodeUnknownOption(EnvironmentAddress)

/**
 * Values for a prompt's argument as the user types it: `environment_name` from the region's
 * environments, `dag_id` from the DAGs of the environment the other arguments name (or the default
 * one). Every failure (throttled, no default environment, a prefix no id could have) is no values:
 * completion is a convenience, never an error in the user's way.
 */
export const completePromptArgument = (
  prompts: ReadonlyArray<PromptSpec>,
  request: CompletionRequest
): Effect.Effect<CompletionValues, never, Suggestions | EnvironmentResolver> => {
  const prompt = prompts.find((p) => p.descriptor.name === request.prompt)
  if (prompt === undefined || !prompt.descriptor.arguments.some((a) => a.name === request.argument)) return Effect.succeed(NO_VALUES)
  const typed = request.value
  const found = Effect.gen(function* () {
    const suggestions = yield* Suggestions
    if (request.argument === "environment_name" && ENVIRONMENT_PREFIX.test(typed)) return yield* suggestions.environmentNames(typed)
    if (request.argument === "dag_id" && DAG_ID_PREFIX.test(typed)) {
      const named = Option.getOrUndefined(environmentNamed(request.otherArguments["environment_name"]))
      // Resolved like a tool's environment_name: on a server with several targets, asked of the target's own services.
      return yield* withEnvironment(named, (environment) => Effect.flatMap(Suggestions, (own) => own.dagIds(environment, typed)))
    }
    return NO_VALUES
  })
  return found.pipe(Effect.catchAllCause(() => Effect.succeed(NO_VALUES)))
}
