import { Schema } from "effect"
import type { Target } from "../../domain/targets.js"

/** How an answer names the target it came from, on a server with several: enough to tell prod from its DR copy. */
export const TargetView = Schema.Struct({
  alias: Schema.NullOr(Schema.String),
  region: Schema.String,
  account: Schema.NullOr(Schema.String),
  environment_name: Schema.String
}).annotations({ description: "The target this answer came from (servers configured with several targets only)." })
export type TargetView = typeof TargetView.Type

export const targetView = (target: Target): TargetView => ({
  alias: target.alias,
  region: target.region,
  account: target.account,
  environment_name: target.name
})

/**
 * A tool's answer Schema with the optional `target` every environment's answer carries on a server
 * with several targets. Struct answers are extended; the advertised outputSchema shows the field.
 */
// biome-ignore lint/suspicious/noExplicitAny: a catalogue's answers have every encoded type (tool-spec.ts's AnyToolSpec)
export const withTargetField = <O extends Record<string, unknown>>(output: Schema.Schema<O, any>) =>
  Schema.extend(output, Schema.Struct({ target: Schema.optional(TargetView) }))
