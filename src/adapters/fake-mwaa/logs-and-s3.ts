import { type Context, Effect, type Ref } from "effect"
import type { DagFiles } from "../../ports/DagFiles.js"
import type { MwaaError } from "../../ports/MwaaError.js"
import type { CloudWatchLogsWire } from "../cloudwatch-task-logs.js"
import type { CallLog } from "./call-log.js"
import { describeLogStreams, environmentOfLogGroup, getLogEventsBackward } from "./cloudwatch.js"
import { environmentOfBucket, getObject } from "./s3.js"
import type { FakeState } from "./state.js"

/**
 * The fake's CloudWatch Logs and S3 calls, each recorded in the call log as AWS would see it.
 * The TaskLogs and DagFiles ports are built on them, and the HTTP fake serves them on the wire.
 * Untraced: an in-memory step has nothing to time.
 */
export const makeCloudWatchLogs = (ref: Ref.Ref<FakeState>, log: CallLog): CloudWatchLogsWire => ({
  describeLogStreams: Effect.fnUntraced(function* (logGroupArn, prefix) {
    const state = yield* ref
    yield* log.record({
      api: "DescribeLogStreams",
      environmentName: environmentOfLogGroup(state, logGroupArn),
      logGroupArn,
      logStreamNamePrefix: prefix
    })
    return yield* describeLogStreams(state, logGroupArn, prefix)
  }),
  getLogEventsBackward: Effect.fnUntraced(function* (logGroupArn, logStreamName, options) {
    const state = yield* ref
    yield* log.record({
      api: "GetLogEvents",
      environmentName: environmentOfLogGroup(state, logGroupArn),
      logGroupArn,
      logStreamName,
      nextToken: options.nextToken,
      limit: options.limit
    })
    return yield* getLogEventsBackward(state, logGroupArn, logStreamName, options)
  })
})

/** S3 GetObject, recorded: an environment's DAG file, or a workflow's definition at an object version. */
export type S3Objects = (bucketArn: string, key: string, versionId?: string) => Effect.Effect<string, MwaaError>

export const makeS3Objects =
  (ref: Ref.Ref<FakeState>, log: CallLog): S3Objects =>
  (bucketArn, key, versionId) =>
    Effect.gen(function* () {
      const state = yield* ref
      yield* log.record({ api: "GetObject", environmentName: environmentOfBucket(state, bucketArn), bucketArn, key })
      return yield* getObject(state, bucketArn, key, versionId)
    })

/** S3 GetObject on the environments' source buckets. */
export const makeDagFiles = (objects: S3Objects): Context.Tag.Service<DagFiles> => ({
  read: (bucketArn, key) => objects(bucketArn, key)
})
