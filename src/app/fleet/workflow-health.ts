import { Effect, Either, Option } from "effect"
import { failureText } from "../../domain/usecases/environment-health.js"
import { fitWorkflows, type WorkflowHealthEntry, workflowHealthOf, workflowsToCheck } from "../../domain/workflow-health.js"
import { allWorkflows } from "../../domain/workflow-resolution.js"
import { AppConfig } from "../../ports/AppConfig.js"
import { Workflows, type WorkflowSummary } from "../../ports/Workflows.js"
import type { ToolServices } from "../tool-spec.js"
import { Fleet } from "./Fleet.js"
import { TARGET_CONCURRENCY } from "./target-status.js"
import { lookAcross } from "./workflow-reach.js"

/** get-fleet-health's part on MWAA Serverless workflows: each one's latest run, failed ones flagged. */
export interface WorkflowsHealth {
  /** Workflows listed across the reaches. */
  readonly listed: number
  /** Those whose latest run was read. */
  readonly checked: number
  /** Those whose latest run failed. */
  readonly flagged: number
  /** Listed beyond the bound of workflows checked in one call: not checked. */
  readonly unchecked: number
  /** Checked, but left out of `entries` to fit the answer's bound (the healthiest first). */
  readonly omitted: number
  readonly entries: ReadonlyArray<WorkflowHealthEntry>
  /** Regions (and accounts) whose workflows could not be listed, and why. */
  readonly unlisted: ReadonlyArray<{ readonly region: string; readonly account: string | null; readonly error: string }>
}

/** A workflow to check, and how to run a call on its reach's services. */
interface Checked {
  readonly workflow: WorkflowSummary
  readonly on: <A, E>(effect: Effect.Effect<A, E, ToolServices>) => Effect.Effect<A, E>
}

/** The workflows of every reach (or of the server's region), each with where to ask about it. */
const listedWorkflows = Effect.gen(function* () {
  const fleet = yield* Effect.serviceOption(Fleet)
  if (Option.isNone(fleet)) {
    const context = yield* Effect.context<ToolServices>()
    const found = yield* Effect.either(allWorkflows())
    const on: Checked["on"] = (effect) => Effect.provide(effect, context)
    if (Either.isLeft(found)) {
      return { perReach: [], unlisted: [{ region: (yield* AppConfig).region, account: null, error: failureText(found.left) }] }
    }
    return { perReach: [found.right.map((workflow): Checked => ({ workflow, on }))], unlisted: [] }
  }
  const lookups = yield* lookAcross(fleet.value, fleet.value.reaches)
  const perReach: Array<ReadonlyArray<Checked>> = []
  const unlisted: Array<WorkflowsHealth["unlisted"][number]> = []
  for (const { place: reach, found } of lookups) {
    if (Either.isLeft(found)) {
      unlisted.push({ region: reach.region, account: reach.account, error: failureText(found.left) })
      continue
    }
    const on: Checked["on"] = (effect) => Effect.flatMap(fleet.value.servicesOfReach(reach), (services) => Effect.provide(effect, services))
    perReach.push(found.right.map((workflow) => ({ workflow, on })))
  }
  return { perReach, unlisted }
})

/** One ListWorkflowRuns of one run: the newest, as the service lists them. */
const entryOf = ({ workflow, on }: Checked): Effect.Effect<WorkflowHealthEntry> =>
  on(Effect.either(Effect.flatMap(Workflows, (workflows) => workflows.listRuns(workflow.arn, { max_results: 1 })))).pipe(
    Effect.map((runs) => workflowHealthOf(workflow, Either.isLeft(runs) ? { error: failureText(runs.left) } : { run: runs.right.items[0] }))
  )

/**
 * Every workflow the server reaches (at most MAX_CHECKED_WORKFLOWS of them, taken in turn from each
 * reach), its latest run read on its reach's own services, worst first within `maxBytes` of JSON.
 */
export const workflowsHealth = (maxBytes: number): Effect.Effect<WorkflowsHealth, never, ToolServices> =>
  Effect.gen(function* () {
    const { perReach, unlisted } = yield* listedWorkflows
    const { chosen, unchecked } = workflowsToCheck(perReach.map((list) => list.map((c) => ({ ...c.workflow, checked: c }))))
    const entries = yield* Effect.forEach(chosen, (w) => entryOf(w.checked), { concurrency: TARGET_CONCURRENCY })
    const fitted = fitWorkflows(entries, maxBytes)
    return {
      listed: chosen.length + unchecked,
      checked: entries.length,
      flagged: entries.filter((e) => e.flagged).length,
      unchecked,
      omitted: fitted.omitted,
      entries: fitted.entries,
      unlisted
    }
  })
