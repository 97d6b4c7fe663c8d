import { Effect, Either, Schema } from "effect"
import { failureText } from "../domain/usecases/environment-health.js"
import { accountOfArn } from "../domain/targets.js"
import { WORKFLOW_KIND, workflowEntries } from "../domain/workflow-kind.js"
import { allWorkflows } from "../domain/workflow-resolution.js"
import type { Fleet } from "./fleet/Fleet.js"
import { lookAcross } from "./fleet/workflow-reach.js"

/** One MWAA Serverless workflow where list-environments lists what the server reaches. */
export const WorkflowEntry = Schema.Struct({
  name: Schema.String,
  arn: Schema.String,
  status: Schema.NullOr(Schema.String),
  kind: Schema.Literal(WORKFLOW_KIND)
})

/** The workflows of one reach (a region and the credentials it is asked with), or why they could not be listed. */
export const ReachWorkflows = Schema.Struct({
  region: Schema.String,
  account: Schema.NullOr(Schema.String),
  targets: Schema.Array(Schema.String).annotations({
    description:
      "The aliases of the configured targets reached with the same region and credentials; none for a discovery region's default credentials."
  }),
  workflows: Schema.Array(WorkflowEntry),
  workflows_more: Schema.Number,
  error: Schema.NullOr(Schema.String)
})
export type ReachWorkflows = typeof ReachWorkflows.Type

/**
 * The region's workflows on a single-region server. A listing that fails (no airflow-serverless
 * permission, a region without the service, throttling) is said in `workflows_error`: the
 * environments still answer.
 */
export const regionWorkflows = Effect.map(Effect.either(allWorkflows()), (found) =>
  Either.match(found, {
    onLeft: (error) => ({ workflows: [], workflows_more: 0, workflows_error: failureText(error) }),
    onRight: (listed) => {
      const { workflows, more } = workflowEntries(listed)
      return { workflows, workflows_more: more, workflows_error: null }
    }
  })
)

/** Every reach's workflows, each reach asked on its own services; one that fails shows its error. */
export const fleetWorkflows = (fleet: Fleet["Type"]): Effect.Effect<ReadonlyArray<ReachWorkflows>> =>
  Effect.map(lookAcross(fleet, fleet.reaches), (lookups) =>
    lookups.map(({ place: reach, found }): ReachWorkflows => {
      const where = { region: reach.region, targets: reach.targets }
      if (Either.isLeft(found)) {
        return { ...where, account: reach.account, workflows: [], workflows_more: 0, error: failureText(found.left) }
      }
      const { workflows, more } = workflowEntries(found.right)
      // A profile's or the default chain's account is read from what its workflows' ARNs say.
      const account = reach.account ?? accountOfArn(found.right[0]?.arn)
      return { ...where, account, workflows, workflows_more: more, error: null }
    })
  )
