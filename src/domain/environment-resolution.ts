import { Effect, Option, Schema } from "effect"
import { AppConfig } from "../ports/AppConfig.js"
import { Environments } from "../ports/Environments.js"
import { nameInRegion } from "./targets.js"

/**
 * No environment was named, none is configured, and the region does not hold exactly one. It
 * carries the choice; the app words how to name one (src/app/tool-errors.ts).
 */
export class EnvironmentUnresolved extends Schema.TaggedError<EnvironmentUnresolved>("mwaa-mcp/EnvironmentUnresolved")(
  "EnvironmentUnresolved",
  {
    available: Schema.Array(Schema.String),
    region: Schema.String,
    /** Set on a server that reaches several targets: `available` are their names, across regions and accounts. */
    severalTargets: Schema.optional(Schema.Boolean)
  }
) {
  override get message(): string {
    if (this.severalTargets === true) return `This server reaches several MWAA environments: ${this.available.join(", ")}.`
    return this.available.length === 0
      ? `No MWAA environments exist in region ${this.region}.`
      : `Several MWAA environments exist in region ${this.region}: ${this.available.join(", ")}.`
  }
}

// A blank name (e.g. MWAA_ENVIRONMENT="" or environment_name: " ") means "not given":
// MWAA names cannot contain spaces, so trimming loses nothing.
const given = (name: string | undefined): Option.Option<string> =>
  Option.fromNullable(name).pipe(
    Option.map((n) => n.trim()),
    Option.filter((n) => n.length > 0)
  )

/** The environment a call names, else the configured default; None when neither is given. */
export const chosenEnvironment = (explicit: string | undefined, fallback: Option.Option<string>): Option.Option<string> =>
  Option.orElse(given(explicit), () => Option.flatMap(fallback, given))

/**
 * Picks the environment a tool call acts on, on a server that reaches one region: the name in the
 * call (or its `region/name` or ARN), then the configured default, then the region's only
 * environment. Guessing among several would risk acting on the wrong one.
 */
export class EnvironmentResolver extends Effect.Service<EnvironmentResolver>()("mwaa-mcp/EnvironmentResolver", {
  effect: Effect.gen(function* () {
    const environments = yield* Environments
    const config = yield* AppConfig

    // Untraced: on every call, under the tool's span; a span costs about 20 µs a call (see bench/README.md).
    const resolve = Effect.fnUntraced(function* (explicit: string | undefined) {
      const chosen = chosenEnvironment(explicit, config.defaultEnvironment)
      // `region/name` and an ARN name this region's environment, or one this server cannot reach.
      if (Option.isSome(chosen)) return yield* nameInRegion(chosen.value, config.region)
      const available = yield* environments.list()
      const [only] = available
      if (available.length === 1 && only !== undefined) return only
      return yield* new EnvironmentUnresolved({ available, region: config.region })
    })

    return { resolve } as const
  })
}) {}
