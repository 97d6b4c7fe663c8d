import { type Context, Effect, Either, Ref } from "effect"
import type { MwaaGateway } from "../../ports/MwaaGateway.js"
import type { CallLog } from "./call-log.js"
import * as Environments from "./environments.js"
import { invokeRestApi } from "./invoke.js"
import type { FakeState } from "./state.js"
import { makeWebserverRestApi } from "./webserver-client.js"
import type { FakeWebserver } from "./webserver-service.js"

/**
 * The MwaaGateway port over the fake's state. Each call is recorded first, then run as one
 * atomic Ref.modify, so concurrent calls see each other's writes in some order, never halfway.
 * Untraced: an in-memory step has nothing to time, and a span would cost more than the step.
 */
type Gateway = Context.Tag.Service<MwaaGateway>

/** Runs a state step whose answer is an Either; the state changes only on success. */
const step = <A, E>(ref: Ref.Ref<FakeState>, f: (s: FakeState) => Either.Either<readonly [A, FakeState], E>) =>
  Effect.flatten(
    Ref.modify(ref, (s): readonly [Either.Either<A, E>, FakeState] => {
      const result = f(s)
      return Either.isLeft(result) ? [Either.left(result.left), s] : [Either.right(result.right[0]), result.right[1]]
    })
  )

/** `web` is the webserver login model over the same state: webserverRestApi logs in through it as a client. */
export const makeGateway = (ref: Ref.Ref<FakeState>, log: CallLog, web: FakeWebserver): Gateway => ({
  listEnvironments: Effect.fnUntraced(function* () {
    yield* log.record({ api: "ListEnvironments" })
    return Environments.listEnvironments(yield* Ref.get(ref))
  }),
  getEnvironment: Effect.fnUntraced(function* (name) {
    yield* log.record({ api: "GetEnvironment", environmentName: name })
    return yield* step(ref, (s) => Environments.getEnvironment(s, name))
  }),
  createEnvironment: Effect.fnUntraced(function* (input) {
    yield* log.record({ api: "CreateEnvironment", environmentName: input.Name, body: input })
    return yield* step(ref, (s) => Environments.createEnvironment(s, input))
  }),
  updateEnvironment: Effect.fnUntraced(function* (input) {
    yield* log.record({ api: "UpdateEnvironment", environmentName: input.Name, body: input })
    return yield* step(ref, (s) => Environments.updateEnvironment(s, input))
  }),
  deleteEnvironment: Effect.fnUntraced(function* (name) {
    yield* log.record({ api: "DeleteEnvironment", environmentName: name })
    yield* step(ref, (s) => Either.map(Environments.deleteEnvironment(s, name), (next) => [undefined, next] as const))
  }),
  invokeRestApi: Effect.fnUntraced(function* (request) {
    yield* log.record({
      api: "InvokeRestApi",
      environmentName: request.environmentName,
      method: request.method,
      path: request.path,
      queryParameters: request.queryParameters,
      body: request.body
    })
    return yield* Effect.flatten(Ref.modify(ref, (s) => invokeRestApi(s, request)))
  }),
  webserverRestApi: makeWebserverRestApi(web)
})
