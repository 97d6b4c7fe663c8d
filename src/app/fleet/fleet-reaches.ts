import { accountOfReach, type FleetReach, type Reach, reachKey } from "./Fleet.js"
import type { FleetPlan } from "./fleet-config.js"

/**
 * The plan's distinct reaches, configured targets' first (in the file's order), then each discovery
 * region's default credentials. A target configured without a profile or role shares its region's
 * discovery reach: the same SDK clients, so the same workflows.
 */
export const reachesOf = (plan: FleetPlan): ReadonlyArray<FleetReach> => {
  const byKey = new Map<string, { reach: Reach; targets: Array<string>; readOnly: Array<string> }>()
  const add = (reach: Reach, alias?: string, writes?: boolean) => {
    const key = reachKey(reach)
    const entry = byKey.get(key) ?? { reach, targets: [], readOnly: [] }
    if (alias !== undefined) entry.targets.push(alias)
    if (alias !== undefined && writes === false) entry.readOnly.push(alias)
    byKey.set(key, entry)
  }
  for (const { target, reach } of plan.targets) add(reach, target.key, target.writes)
  for (const region of plan.discoverRegions) add({ region })
  return [...byKey.entries()].map(([key, { reach, targets, readOnly }]) => ({
    key,
    reach,
    region: reach.region,
    account: accountOfReach(reach),
    targets,
    readOnlyTargets: readOnly
  }))
}
