import { type Context, Effect, Either, Ref } from "effect"
import type { MwaaGateway } from "../../ports/MwaaGateway.js"
import type { CallLog } from "./call-log.js"
import { describeLogStreams, environmentOfLogGroup, getLogEventsBackward } from "./cloudwatch.js"
import * as Environments from "./environments.js"
import { environmentOfBucket, getObject } from "./s3.js"
import type { FakeState } from "./state.js"

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

export const makeGateway = (ref: Ref.Ref<FakeState>, log: CallLog): Gateway => ({
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
  findLogStreams: Effect.fnUntraced(function* (logGroupArn, prefix) {
    const state = yield* Ref.get(ref)
    yield* log.record({
      api: "DescribeLogStreams",
      environmentName: environmentOfLogGroup(state, logGroupArn),
      logGroupArn,
      logStreamNamePrefix: prefix
    })
    return yield* describeLogStreams(state, logGroupArn, prefix)
  }),
  readLogEventsBackward: Effect.fnUntraced(function* (logGroupArn, logStreamName, options) {
    const state = yield* Ref.get(ref)
    yield* log.record({
      api: "GetLogEvents",
      environmentName: environmentOfLogGroup(state, logGroupArn),
      logGroupArn,
      logStreamName,
      nextToken: options.nextToken,
      limit: options.limit
    })
    return yield* getLogEventsBackward(state, logGroupArn, logStreamName, options)
  }),
  readDagFile: Effect.fnUntraced(function* (bucketArn, key) {
    const state = yield* Ref.get(ref)
    yield* log.record({ api: "GetObject", environmentName: environmentOfBucket(state, bucketArn), bucketArn, key })
    return yield* getObject(state, bucketArn, key)
  })
})
