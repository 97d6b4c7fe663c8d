import { Layer } from "effect"
import { FakeMwaa, type FakeMwaaOptions, type FakeSeed } from "../../src/adapters/fake-mwaa/index.js"
import { directoryBackend } from "../../src/app/fleet/directory.js"
import type { Fleet, Reach } from "../../src/app/fleet/Fleet.js"
import { type FleetPlan, fleetPlanOf } from "../../src/app/fleet/fleet-config.js"
import { fleetLayer } from "../../src/app/fleet/make-fleet.js"
import { appLayer } from "../../src/app/layers.js"
import type { ToolServices } from "../../src/app/tool-spec.js"
import { AppConfig, type AppConfigShape } from "../../src/ports/AppConfig.js"

/** A plan from a configuration file's JSON, as the bin reads it; a test's own typo fails the test at once. */
export const planOf = (file: unknown, regions: ReadonlyArray<string> = []): FleetPlan => {
  const plan = fleetPlanOf(JSON.stringify(file), regions, "test plan")
  if (plan._tag === "Left") throw new Error(plan.left)
  return plan.right
}

/**
 * Every service the tools use on a server with several targets, each reach on its own in-memory
 * fake (`worldOf` picks the seed, e.g. by region and role; `optionsOf` its options, e.g. a call log).
 */
export const fakeFleetToolServices = (
  plan: FleetPlan,
  worldOf: (reach: Reach) => FakeSeed,
  config: Partial<AppConfigShape> = {},
  optionsOf: (reach: Reach) => FakeMwaaOptions = () => ({})
): Layer.Layer<ToolServices | Fleet> => {
  const root = { ...AppConfig.defaults, ...config }
  const fleet = fleetLayer(plan, (reach) => FakeMwaa.layer(worldOf(reach), optionsOf(reach)), root)
  return appLayer(directoryBackend, Layer.succeed(AppConfig, root)).pipe(Layer.provideMerge(fleet))
}
