import { Effect, FiberRef, Option } from "effect"
import { type ResolvedWorkflow, resolveWorkflow } from "../domain/workflow-resolution.js"
import { AppConfig } from "../ports/AppConfig.js"
import { Fleet } from "./fleet/Fleet.js"
import { type EnvironmentFailure, InWorkflow } from "./tool-failure.js"
import { resolvedEnvironment } from "./with-environment.js"

/**
 * Resolves the MWAA Serverless workflow a call acts on (a name or an ARN) and runs `use` with it;
 * a failure after resolution carries the workflow's name into the message. The audit line names
 * the workflow where an environment tool's names its environment.
 */
export const withWorkflow = <A, E extends EnvironmentFailure, R>(
  address: string,
  use: (workflow: ResolvedWorkflow) => Effect.Effect<A, E, R>
) =>
  Effect.gen(function* () {
    const fleet = yield* Effect.serviceOption(Fleet)
    const region = Option.isNone(fleet) ? (yield* AppConfig).region : undefined
    const workflow = yield* resolveWorkflow(address, region)
    yield* FiberRef.set(resolvedEnvironment, `workflow ${workflow.name}`)
    return yield* use(workflow).pipe(Effect.mapError((cause) => new InWorkflow({ workflow: workflow.name, cause })))
  })
