import { Effect } from "effect"
import { allWorkflows, readWorkflowArn } from "../../domain/workflow-resolution.js"
import { type Lookup, pickAcross, placesOfArn, type Routed, WorkflowOutOfReach } from "../../domain/workflow-routing.js"
import type { MwaaError } from "../../ports/MwaaError.js"
import type { UnexpectedAnswer } from "../../ports/UnexpectedAnswer.js"
import type { WorkflowSummary } from "../../ports/Workflows.js"
import type { Fleet, FleetReach } from "./Fleet.js"
import { TARGET_CONCURRENCY } from "./target-status.js"

/** One reach's workflows (ListWorkflows, bounded as allWorkflows is, retried when throttled), on the reach's own services. */
export const workflowsOfReach = (
  fleet: Fleet["Type"],
  reach: FleetReach
): Effect.Effect<ReadonlyArray<WorkflowSummary>, MwaaError | UnexpectedAnswer> =>
  Effect.flatMap(fleet.servicesOfReach(reach), (services) => Effect.provide(allWorkflows(), services))

/** Every reach's workflows, each reach asked on its own (a failure is that reach's, never the call's). */
export const lookAcross = (fleet: Fleet["Type"], reaches: ReadonlyArray<FleetReach>) =>
  Effect.forEach(
    reaches,
    (reach) =>
      Effect.map(
        Effect.either(workflowsOfReach(fleet, reach)),
        (found): Lookup<FleetReach, MwaaError | UnexpectedAnswer> => ({ place: reach, found })
      ),
    { concurrency: TARGET_CONCURRENCY }
  )

/**
 * The reach and workflow an address names on a server with several reaches. An ARN goes to the
 * reach of its region and account without asking anything, when only one can hold it; a name (or an
 * ARN several reaches could hold) is looked up in each of them.
 */
export const routeWorkflow = Effect.fnUntraced(function* (fleet: Fleet["Type"], address: string) {
  const arn = readWorkflowArn(address)
  const candidates = arn === undefined ? fleet.reaches : placesOfArn(arn, fleet.reaches)
  if (arn !== undefined) {
    const [only] = candidates
    if (only === undefined) {
      const regions = [...new Set(fleet.reaches.map((r) => r.region))]
      return yield* new WorkflowOutOfReach({ address, region: arn.region, account: arn.account, regions })
    }
    if (candidates.length === 1) return { place: only, workflow: { arn: address, name: arn.name } } satisfies Routed<FleetReach>
  }
  return yield* pickAcross(address, yield* lookAcross(fleet, candidates))
})
