import { Effect, Layer } from "effect"
import { FakeMwaa, type FakeMwaaOptions, type FakeMwaaShape, type FakeSeed } from "../../src/adapters/fake-mwaa/index.js"
import { accountOfReach, type Reach } from "../../src/app/fleet/Fleet.js"
import { type FleetPlan, fleetPlanOf } from "../../src/app/fleet/fleet-config.js"
import { fleetPorts } from "../../src/app/fleet/fleet-ports.js"
import { toolServicesOn } from "../../src/app/layers.js"
import type { ToolServices } from "../../src/app/tool-spec.js"
import { AppConfig, type AppConfigShape } from "../../src/ports/AppConfig.js"

/** A plan from a configuration file's JSON, as the bin reads it; a test's own typo fails the test at once. */
export const planOf = (file: unknown, regions: ReadonlyArray<string> = []): FleetPlan => {
  const plan = fleetPlanOf(JSON.stringify(file), regions, "test plan")
  if (plan._tag === "Left") throw new Error(plan.left)
  return plan.right
}

/** What a test may do to one reach's fake as it is built: inject faults, say. */
export type OnBuild = (reach: Reach, fake: FakeMwaaShape) => Effect.Effect<void>

/**
 * Every service the tools use on a server with several targets, each reach on its own in-memory
 * fake in the reach's region and (for a role) account: `worldOf` picks its seed, `optionsOf` adds
 * options (a call log), `onBuild` runs on it once built.
 */
export const fakeFleetToolServices = (
  plan: FleetPlan,
  worldOf: (reach: Reach) => FakeSeed,
  config: Partial<AppConfigShape> = {},
  optionsOf: (reach: Reach) => FakeMwaaOptions = () => ({}),
  onBuild: OnBuild = () => Effect.void
): Layer.Layer<ToolServices> => {
  const root = { ...AppConfig.defaults, ...config }
  const backendOf = (reach: Reach) => {
    const fake = FakeMwaa.layer(worldOf(reach), {
      region: reach.region,
      ...(accountOfReach(reach) !== null && { account: accountOfReach(reach) ?? undefined }),
      ...optionsOf(reach)
    })
    return Layer.effectDiscard(Effect.flatMap(FakeMwaa, (inspector) => onBuild(reach, inspector))).pipe(Layer.provideMerge(fake))
  }
  // The runtime holds the Fleet too (fleetPorts provides it); the tools find it there.
  return toolServicesOn(fleetPorts(plan, backendOf, root))
}
