import { Context, type Effect, Schema } from "effect"
import type { EnvironmentUnresolved } from "../../domain/environment-resolution.js"
import { accountOfArn, type Target, type TargetAmbiguous, type TargetUnknown } from "../../domain/targets.js"
import type { MwaaError } from "../../ports/MwaaError.js"
import type { ToolServices } from "../tool-spec.js"

/** A discovery region whose environments could not be listed, and why. */
export interface UnlistedRegion {
  readonly region: string
  readonly error: MwaaError
}

/** Every target the server reaches now: the configured ones and those found in the discovery regions. */
export interface TargetListing {
  readonly targets: ReadonlyArray<Target>
  readonly unlisted: ReadonlyArray<UnlistedRegion>
}

/**
 * The environments of a server configured with several targets (--config, --regions). Each target
 * runs on services of its own (its SDK clients and credentials, its rate limit, its caches, its
 * webserver sessions), so one target's expired credentials or throttling never touches another.
 * Absent on a server without a configuration, which reaches one region as it always has.
 */
export class Fleet extends Context.Tag("mwaa-mcp/Fleet")<
  Fleet,
  {
    readonly listing: Effect.Effect<TargetListing>
    /** The target an address names, or the default (the configured one, or the only target). */
    readonly resolve: (address: string | undefined) => Effect.Effect<Target, TargetUnknown | TargetAmbiguous | EnvironmentUnresolved>
    /** The target's own services, built on its first use and kept for the server's life. */
    readonly servicesOf: (target: Target) => Effect.Effect<Context.Context<ToolServices>>
    /** Every distinct reach of the plan, where MWAA Serverless workflows are listed and reached (with-workflow.ts). */
    readonly reaches: ReadonlyArray<FleetReach>
    /** The reach's own services (its region, its credentials' SDK clients), built on first use. */
    readonly servicesOfReach: (reach: FleetReach) => Effect.Effect<Context.Context<ToolServices>>
  }
>() {}

/** Where one target's calls go: its region and credentials (a profile, a role to assume, or the default chain). */
export const Reach = Schema.Struct({
  region: Schema.String,
  profile: Schema.optional(Schema.String),
  role_arn: Schema.optional(Schema.String),
  external_id: Schema.optional(Schema.String)
})
export type Reach = typeof Reach.Type

/** Targets sharing a reach share its SDK clients and credentials: one key per reach. */
export const reachKey = (reach: Reach): string =>
  JSON.stringify([reach.region, reach.profile ?? null, reach.role_arn ?? null, reach.external_id ?? null])

/** The account a role lives in, known before anything is asked. */
export const accountOfReach = (reach: Reach): string | null => accountOfArn(reach.role_arn)

/**
 * One reach of the plan as workflows see it: the configured targets' reaches and each discovery
 * region's (the default credentials), once each. A discovery region with no environment is still a
 * reach: its workflows are listed there.
 */
export interface FleetReach {
  /** reachKey of `reach`. */
  readonly key: string
  readonly reach: Reach
  /** The reach's region (reach.region), where its workflows are. */
  readonly region: string
  /** A role's account, known before anything is asked; else null (a profile, the default chain). */
  readonly account: string | null
  /** The aliases of the configured targets asked through this reach (none for a discovery region's default credentials alone). */
  readonly targets: ReadonlyArray<string>
  /** The aliases of those that say "writes": false: their reach's workflows are read-only too. */
  readonly readOnlyTargets: ReadonlyArray<string>
}
