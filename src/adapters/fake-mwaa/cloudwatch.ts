import { Either } from "effect"
import { type LogEventsPage, type LogStream, logGroupNameOf } from "../cloudwatch-task-logs.js"
import { MwaaError } from "../../ports/MwaaError.js"
import { logGroupName } from "./locations.js"
import type { EnvironmentRecord, FakeState, LogStreamRecord } from "./state.js"

/**
 * CloudWatch Logs as MWAA uses it: one group per environment and component; task logs are
 * in airflow-<env>-Task, one stream per try. GetLogEvents with startFromHead=false pages
 * backwards from the newest event; pages are slices of the stored array, never copies of it.
 */
const KINDS = ["Task", "DAGProcessing", "Scheduler", "WebServer", "Worker"]
const MAX_EVENTS = 10_000
/** GetLogEvents answers at most 1 MB; each event counts its UTF-8 message plus 26 bytes. */
const MAX_BYTES = 1_048_576
/** logStreamName and logStreamNamePrefix: 1 to 512 characters (CloudWatch Logs API reference). */
const MAX_STREAM_NAME = 512

const notFound = (operation: string, message: string) => new MwaaError({ reason: "NotFound", operation, message })
const invalid = (operation: string, message: string) => new MwaaError({ reason: "Validation", operation, message })

/** The environment owning a log group, and whether it is the task log group. */
const ownerOf = (state: FakeState, groupArn: string): { env: EnvironmentRecord; isTask: boolean } | undefined => {
  const name = logGroupNameOf(groupArn)
  for (const env of state.environments) {
    // The group GetEnvironment names for task logs counts too, should a seed have changed it.
    const logging = env.mwaa["LoggingConfiguration"] as { TaskLogs?: { CloudWatchLogGroupArn?: unknown } } | undefined
    const taskGroup = logging?.TaskLogs?.CloudWatchLogGroupArn
    if (typeof taskGroup === "string" && logGroupNameOf(taskGroup) === name) return { env, isTask: true }
    const kind = KINDS.find((k) => logGroupName(env.name, k) === name)
    if (kind !== undefined) return { env, isTask: kind === "Task" }
  }
  return undefined
}

export const environmentOfLogGroup = (state: FakeState, groupArn: string): string | undefined => ownerOf(state, groupArn)?.env.name

/**
 * The streams of a log group: an environment's task log group, its other groups (no streams
 * here), or an MWAA Serverless workflow's group; undefined for a group that does not exist.
 */
export const streamsOfGroup = (state: FakeState, groupArn: string): ReadonlyMap<string, LogStreamRecord> | undefined => {
  const owner = ownerOf(state, groupArn)
  if (owner !== undefined) return owner.isTask ? owner.env.logStreams : new Map()
  return state.serverless.logGroups.get(logGroupNameOf(groupArn))
}

export const describeLogStreams = (
  state: FakeState,
  groupArn: string,
  prefix: string
): Either.Either<ReadonlyArray<LogStream>, MwaaError> => {
  if (prefix.length > MAX_STREAM_NAME) {
    return Either.left(
      invalid(
        "DescribeLogStreams",
        `1 validation error detected: Value at 'logStreamNamePrefix' failed to satisfy constraint: Member must have length less than or equal to ${MAX_STREAM_NAME}`
      )
    )
  }
  const group = streamsOfGroup(state, groupArn)
  if (group === undefined) return Either.left(notFound("DescribeLogStreams", "The specified log group does not exist."))
  const streams = [...group.values()]
    .filter((s) => s.name.startsWith(prefix))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(
      (s): LogStream => ({
        logStreamName: s.name,
        lastEventTimestamp: s.events[s.events.length - 1]?.timestamp,
        storedBytes: 0 // deprecated by CloudWatch: always 0 now
      })
    )
  return Either.right(streams)
}

/** Backward tokens carry the index the next (older) page ends at. */
const tokenOf = (index: number): string => `b/${String(index).padStart(56, "0")}/s`
const indexOf = (token: string): number | undefined => {
  const m = /^b\/(\d{56})\/s$/.exec(token)
  return m?.[1] === undefined ? undefined : Number(m[1])
}

export const getLogEventsBackward = (
  state: FakeState,
  groupArn: string,
  streamName: string,
  options: { readonly nextToken?: string | undefined; readonly limit?: number | undefined }
): Either.Either<LogEventsPage, MwaaError> => {
  const op = "GetLogEvents"
  const limit = options.limit ?? MAX_EVENTS
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_EVENTS) {
    return Either.left(
      invalid(
        op,
        `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value ${limit < 1 ? "greater than or equal to 1" : "less than or equal to 10000"}`
      )
    )
  }
  if (streamName.length < 1 || streamName.length > MAX_STREAM_NAME) {
    return Either.left(
      invalid(
        op,
        `1 validation error detected: Value at 'logStreamName' failed to satisfy constraint: Member must have length ${streamName.length < 1 ? "greater than or equal to 1" : `less than or equal to ${MAX_STREAM_NAME}`}`
      )
    )
  }
  const group = streamsOfGroup(state, groupArn)
  if (group === undefined) return Either.left(notFound(op, "The specified log group does not exist."))
  const stream = group.get(streamName)
  if (stream === undefined) return Either.left(notFound(op, "The specified log stream does not exist."))
  const end = options.nextToken === undefined ? stream.events.length : indexOf(options.nextToken)
  if (end === undefined || end > stream.events.length) return Either.left(invalid(op, "The specified nextToken is invalid."))
  let start = end
  let bytes = 0
  while (start > 0 && end - start < limit) {
    const size = Buffer.byteLength(stream.events[start - 1]?.message ?? "", "utf8") + 26
    if (bytes + size > MAX_BYTES) break
    bytes += size
    start -= 1
  }
  // At the start of the stream CloudWatch answers no events and the token it was given.
  return Either.right({ events: stream.events.slice(start, end), nextBackwardToken: tokenOf(start) })
}
