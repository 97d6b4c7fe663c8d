import { Effect, Schema } from "effect"
import { EnvironmentCatalog } from "../../domain/environment-catalog.js"
import { failureText } from "../../domain/usecases/environment-health.js"
import { type Target, accountOfArn } from "../../domain/targets.js"
import type { Fleet } from "./Fleet.js"

/** One target as list-environments shows it: how it is named, where it is, and what MWAA says of it, or why it could not be asked. */
export const TargetStatus = Schema.Struct({
  environment_name: Schema.String,
  alias: Schema.NullOr(Schema.String),
  region: Schema.String,
  account: Schema.NullOr(Schema.String),
  /** What to pass as environment_name to act on it. */
  address: Schema.String,
  writes: Schema.Boolean,
  status: Schema.NullOr(Schema.String),
  airflow_version: Schema.NullOr(Schema.String),
  error: Schema.NullOr(Schema.String)
})
export type TargetStatus = typeof TargetStatus.Type

/** Several targets are asked at once, within each one's own rate limit; a larger fleet waits its turn. */
export const TARGET_CONCURRENCY = 8

/** GetEnvironment on the target's own services (cached there), its failure kept as the target's error. */
export const targetStatus = (fleet: Fleet["Type"], target: Target): Effect.Effect<TargetStatus> =>
  Effect.gen(function* () {
    const services = yield* fleet.servicesOf(target)
    const described = yield* Effect.flatMap(EnvironmentCatalog, (catalog) => catalog.describe(target.name)).pipe(
      Effect.provide(services),
      Effect.either
    )
    const base = {
      environment_name: target.name,
      alias: target.alias,
      region: target.region,
      account: target.account,
      address: target.key,
      writes: target.writes
    }
    if (described._tag === "Left") return { ...base, status: null, airflow_version: null, error: failureText(described.left) }
    const environment = described.right
    return {
      ...base,
      account: target.account ?? accountOfArn(environment.arn),
      status: environment.status,
      airflow_version: environment.airflow_version,
      error: null
    }
  })
