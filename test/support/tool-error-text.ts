import { Effect } from "effect"
import { toolErrorText } from "../../src/app/tool-errors.js"
import { type EnvironmentFailure, InEnvironment } from "../../src/app/tool-failure.js"

/** The tool-error text for a failure, in an environment (as withEnvironment wraps it) or before one was resolved. */
export const errorText = (tool: string, environment: string | undefined, error: EnvironmentFailure): string =>
  Effect.runSync(toolErrorText(tool, environment === undefined ? error : new InEnvironment({ environment, cause: error })))
