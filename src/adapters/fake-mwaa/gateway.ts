import { type Context, Effect, Ref } from "effect"
import type { MwaaGateway } from "../../ports/MwaaGateway.js"
import type { CallLog } from "./call-log.js"
import { describeLogStreams, environmentOfLogGroup, getLogEventsBackward } from "./cloudwatch.js"
import { environmentOfBucket, getObject } from "./s3.js"
import type { FakeState } from "./state.js"

/**
 * The MwaaGateway port over the fake's state (the environments are control-plane.ts's). Each call
 * is recorded first, then run as one atomic Ref.modify, so concurrent calls see each other's
 * writes in some order, never halfway.
 * Untraced: an in-memory step has nothing to time, and a span would cost more than the step.
 */
type Gateway = Context.Tag.Service<MwaaGateway>

export const makeGateway = (ref: Ref.Ref<FakeState>, log: CallLog): Gateway => ({
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
