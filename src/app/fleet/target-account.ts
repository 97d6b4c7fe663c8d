import { Effect } from "effect"
import { EnvironmentCatalog } from "../../domain/environment-catalog.js"
import { accountOfArn, type Target } from "../../domain/targets.js"

/**
 * The target with its account: the role's when it assumes one, else read from its environment's
 * ARN (the catalogue's cached description; on the target's own services). Unchanged when that
 * cannot be read: the account is shown, never needed.
 */
export const withAccount = (target: Target): Effect.Effect<Target, never, EnvironmentCatalog> =>
  target.account !== null
    ? Effect.succeed(target)
    : Effect.flatMap(EnvironmentCatalog, (catalog) => catalog.describe(target.name)).pipe(
        Effect.map((environment) => ({ ...target, account: accountOfArn(environment.arn) })),
        Effect.orElseSucceed(() => target)
      )
