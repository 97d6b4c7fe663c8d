import { Effect, FiberRef, Option } from "effect"
import { type ResolvedWorkflow, resolveWorkflow } from "../domain/workflow-resolution.js"
import { WorkflowWritesForbidden } from "../domain/workflow-routing.js"
import { AppConfig } from "../ports/AppConfig.js"
import { Fleet } from "./fleet/Fleet.js"
import { routeWorkflow } from "./fleet/workflow-reach.js"
import { type EnvironmentFailure, InWorkflow } from "./tool-failure.js"
import { resolvedEnvironment, writingTool } from "./with-environment.js"

/**
 * Resolves the MWAA Serverless workflow a call acts on (a name or an ARN) and runs `use` with it;
 * a failure after resolution carries the workflow's name into the message. The audit line names
 * the workflow where an environment tool's names its environment. On a server with several
 * targets, the workflow's reach (region and credentials) is found first (fleet/workflow-reach.ts)
 * and `use` runs on that reach's own services, as withEnvironment runs on a target's.
 */
export const withWorkflow = <A, E extends EnvironmentFailure, R>(
  address: string,
  use: (workflow: ResolvedWorkflow) => Effect.Effect<A, E, R>
) =>
  Effect.gen(function* () {
    const fleet = yield* Effect.serviceOption(Fleet)
    if (Option.isNone(fleet)) {
      const workflow = yield* resolveWorkflow(address, (yield* AppConfig).region)
      yield* FiberRef.set(resolvedEnvironment, `workflow ${workflow.name}`)
      return yield* use(workflow).pipe(Effect.mapError((cause) => new InWorkflow({ workflow: workflow.name, cause })))
    }
    const { place: reach, workflow } = yield* routeWorkflow(fleet.value, address)
    yield* FiberRef.set(resolvedEnvironment, `workflow ${workflow.arn}`)
    const tool = yield* FiberRef.get(writingTool)
    // Checked before the write reaches AWS: a reach one of whose targets forbids writes is read-only for workflows too.
    if (tool !== undefined && reach.readOnlyTargets.length > 0) {
      return yield* new WorkflowWritesForbidden({ tool, workflow: workflow.name, region: reach.region, targets: reach.readOnlyTargets })
    }
    const services = yield* fleet.value.servicesOfReach(reach)
    return yield* use(workflow).pipe(
      Effect.mapError((cause) => new InWorkflow({ workflow: workflow.name, cause })),
      Effect.provide(services)
    )
  })
