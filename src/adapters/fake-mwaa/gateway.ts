import { type Context, Effect, Ref } from "effect"
import type { MwaaGateway } from "../../ports/MwaaGateway.js"
import type { CallLog } from "./call-log.js"
import { describeLogStreams, environmentOfLogGroup, getLogEventsBackward } from "./cloudwatch.js"
import { invokeRestApi } from "./invoke.js"
import { environmentOfBucket, getObject } from "./s3.js"
import type { FakeState } from "./state.js"
import { makeWebserverRestApi } from "./webserver-client.js"
import type { FakeWebserver } from "./webserver-service.js"

/**
 * The MwaaGateway port over the fake's state (the environments are control-plane.ts's). Each call
 * is recorded first, then run as one atomic Ref.modify, so concurrent calls see each other's
 * writes in some order, never halfway.
 * Untraced: an in-memory step has nothing to time, and a span would cost more than the step.
 */
type Gateway = Context.Tag.Service<MwaaGateway>

/** `web` is the webserver login model over the same state: webserverRestApi logs in through it as a client. */
export const makeGateway = (ref: Ref.Ref<FakeState>, log: CallLog, web: FakeWebserver): Gateway => ({
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
  webserverRestApi: makeWebserverRestApi(web),
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
