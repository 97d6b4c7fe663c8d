import { Either, Schema } from "effect"
import type { WorkflowSummary } from "../ports/Workflows.js"
import { readWorkflowArn, type ResolvedWorkflow, WorkflowAmbiguous, WorkflowUnknown } from "./workflow-resolution.js"

/**
 * Which reach (a region and the credentials it is asked with) a workflow is in, on a server that
 * reaches several. MWAA Serverless has no environment to name: a workflow lives in an account and a
 * region, so an ARN says where to ask, and a name is looked up in every reach and never guessed
 * when several answer to it. Pure: the app lists the reaches and asks them.
 */

/** Where a reach asks: its region, and its account when known before asking (a role's). */
export interface Place {
  readonly region: string
  readonly account: string | null
}

/** A workflow ARN names a region (or an account there) this server does not reach. */
export class WorkflowOutOfReach extends Schema.TaggedError<WorkflowOutOfReach>("mwaa-mcp/WorkflowOutOfReach")("WorkflowOutOfReach", {
  address: Schema.String,
  region: Schema.String,
  account: Schema.String,
  /** The regions the server reaches, to compare. */
  regions: Schema.Array(Schema.String)
}) {
  override get message(): string {
    return `The workflow ${this.address} is in region ${this.region}, account ${this.account}, which this server does not reach.`
  }
}

/**
 * A write tool named a workflow whose reach refuses writes: a configured target of the same region
 * and credentials says "writes": false, and workflows have no setting of their own, so the narrower
 * word holds for the whole reach.
 */
export class WorkflowWritesForbidden extends Schema.TaggedError<WorkflowWritesForbidden>("mwaa-mcp/WorkflowWritesForbidden")(
  "WorkflowWritesForbidden",
  { tool: Schema.String, workflow: Schema.String, region: Schema.String, targets: Schema.Array(Schema.String) }
) {
  override get message(): string {
    return `The tool "${this.tool}" changes a workflow in region ${this.region}, whose targets ${this.targets.join(", ")} do not allow writes.`
  }
}

/**
 * The reaches an ARN can be in: those of its region whose account is the ARN's; failing those, the
 * ones of its region whose account is not known before asking (a profile, the default chain).
 */
export const placesOfArn = <P extends Place>(arn: { readonly region: string; readonly account: string }, places: ReadonlyArray<P>) => {
  const inRegion = places.filter((p) => p.region === arn.region)
  const sameAccount = inRegion.filter((p) => p.account === arn.account)
  return sameAccount.length > 0 ? sameAccount : inRegion.filter((p) => p.account === null)
}

/** What one reach's ListWorkflows answered: its workflows, or why they could not be listed. */
export interface Lookup<P extends Place, E> {
  readonly place: P
  readonly found: Either.Either<ReadonlyArray<WorkflowSummary>, E>
}

/** The one workflow found, and the reach it was found in. */
export interface Routed<P extends Place> {
  readonly place: P
  readonly workflow: ResolvedWorkflow
}

/**
 * The workflow an address (a name, or an ARN several reaches could hold) names across the reaches'
 * listings. Exactly one match wins, even when another reach could not be listed (its calls would
 * fail the same way); several are never guessed between. With no match, the listing failure is the
 * answer when no reach could be listed at all, else the names there are, and the regions not read.
 */
export const pickAcross = <P extends Place, E>(
  address: string,
  lookups: ReadonlyArray<Lookup<P, E>>
): Either.Either<Routed<P>, WorkflowAmbiguous | WorkflowUnknown | E> => {
  const byArn = readWorkflowArn(address) !== undefined
  const all = lookups.flatMap(({ place, found }) =>
    Either.isLeft(found) ? [] : found.right.filter((w) => (byArn ? w.arn === address : w.name === address)).map((w) => ({ place, w }))
  )
  // Two reaches of one account and region (a profile and the default chain, say) list the same
  // workflow: one ARN is one workflow, asked through the first reach that listed it.
  const matches = all.filter((m, i) => all.findIndex((other) => other.w.arn === m.w.arn) === i)
  const [only] = matches
  if (matches.length === 1 && only !== undefined) {
    return Either.right({
      place: only.place,
      workflow: { arn: only.w.arn, name: only.w.name ?? readWorkflowArn(only.w.arn)?.name ?? address }
    })
  }
  if (matches.length > 1) return Either.left(new WorkflowAmbiguous({ address, arns: matches.map((m) => m.w.arn) }))
  const failed = lookups.flatMap((l) => (Either.isLeft(l.found) ? [{ place: l.place, error: l.found.left }] : []))
  const [first] = failed
  if (first !== undefined && failed.length === lookups.length) return Either.left(first.error)
  const known = [
    ...new Set(lookups.flatMap((l) => (Either.isLeft(l.found) ? [] : l.found.right.flatMap((w) => (w.name === null ? [] : [w.name])))))
  ]
  return Either.left(
    new WorkflowUnknown({
      address,
      known: known.sort(),
      ...(failed.length > 0 && { unlisted: [...new Set(failed.map((f) => f.place.region))] })
    })
  )
}
