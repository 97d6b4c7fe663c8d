import { Effect, Either, Ref } from "effect"
import type { FakeClock } from "./fake-clock.js"
import type { MwaaError } from "../../ports/MwaaError.js"
import type { CallLog } from "./call-log.js"
import * as Environments from "./environments.js"
import type { EnvironmentInput, EnvironmentMembers } from "./environments.js"
import type { FakeState } from "./state.js"

/**
 * MWAA's control plane in the model's own member names: what the HTTP fake serves on the wire,
 * and what the fake's Environments port encodes to and decodes from. Each call is recorded first,
 * then run as one atomic Ref.modify, so concurrent calls see each other's writes in some order,
 * never halfway.
 */
export interface FakeControlPlane {
  readonly listEnvironments: () => Effect.Effect<ReadonlyArray<string>, MwaaError>
  readonly getEnvironment: (name: string) => Effect.Effect<EnvironmentMembers, MwaaError>
  readonly createEnvironment: (input: EnvironmentInput) => Effect.Effect<{ readonly Arn: string }, MwaaError>
  readonly updateEnvironment: (input: EnvironmentInput) => Effect.Effect<{ readonly Arn: string }, MwaaError>
  readonly deleteEnvironment: (name: string) => Effect.Effect<void, MwaaError>
}

/** Runs a state step whose answer is an Either; the state changes only on success. */
const step = <A, E>(clock: FakeClock, f: (s: FakeState) => Either.Either<readonly [A, FakeState], E>) =>
  Effect.flatten(
    clock.write((s): readonly [Either.Either<A, E>, FakeState] => {
      const result = f(s)
      return Either.isLeft(result) ? [Either.left(result.left), s] : [Either.right(result.right[0]), result.right[1]]
    })
  )

/** The members actually sent: one given as undefined is not part of the request. */
const sent = (input: EnvironmentInput): EnvironmentInput => {
  const members: Record<string, unknown> = {}
  for (const [member, value] of Object.entries(input)) if (value !== undefined) members[member] = value
  return { ...members, Name: input.Name }
}

/** Untraced: an in-memory step has nothing to time, and a span would cost more than the step. */
export const makeControlPlane = (ref: Ref.Ref<FakeState>, clock: FakeClock, log: CallLog): FakeControlPlane => ({
  listEnvironments: Effect.fnUntraced(function* () {
    yield* log.record({ api: "ListEnvironments" })
    return Environments.listEnvironments(yield* Ref.get(ref))
  }),
  getEnvironment: Effect.fnUntraced(function* (name) {
    yield* log.record({ api: "GetEnvironment", environmentName: name })
    return yield* step(clock, (s) => Environments.getEnvironment(s, name))
  }),
  createEnvironment: Effect.fnUntraced(function* (input) {
    const body = sent(input)
    yield* log.record({ api: "CreateEnvironment", environmentName: body.Name, body })
    return yield* step(clock, (s) => Environments.createEnvironment(s, body))
  }),
  updateEnvironment: Effect.fnUntraced(function* (input) {
    const body = sent(input)
    yield* log.record({ api: "UpdateEnvironment", environmentName: body.Name, body })
    return yield* step(clock, (s) => Environments.updateEnvironment(s, body))
  }),
  deleteEnvironment: Effect.fnUntraced(function* (name) {
    yield* log.record({ api: "DeleteEnvironment", environmentName: name })
    yield* step(clock, (s) => Either.map(Environments.deleteEnvironment(s, name), (next) => [undefined, next] as const))
  })
})
