import { Effect, Either } from "effect"
import { streamsOfGroup } from "../../../src/adapters/fake-mwaa/cloudwatch.js"
import type { CloudWatchLogsWire, LogEvent } from "../../../src/adapters/cloudwatch-task-logs.js"
import type { MwaaError } from "../../../src/ports/MwaaError.js"
import type { Backend } from "./backend.js"
import { positionOf, readPage, tokenOf } from "./logs-events.js"
import { jsonObject } from "./mwaa-routes.js"
import { type Reply, awsJson, awsJsonError } from "./wire.js"

/**
 * CloudWatch Logs over awsJson1.1, the two calls MWAA task logs need. The port takes log
 * group ARNs; the wire takes logGroupName (a bare name) or logGroupIdentifier (a name or an
 * ARN without the trailing ":*", which CloudWatch refuses there).
 */
export interface LogsRequest {
  readonly body: Buffer
  readonly backend: Backend
  /** The world's: a bare group name stands for the group of this account in this region. */
  readonly region: string
  readonly account: string
}

const invalid = (message: string) => awsJsonError(400, "InvalidParameterException", message)

const errorReply = (error: MwaaError): Reply =>
  error.reason === "NotFound"
    ? awsJsonError(400, "ResourceNotFoundException", error.message)
    : error.reason === "Validation"
      ? invalid(error.message)
      : error.reason === "Throttled"
        ? awsJsonError(400, "ThrottlingException", error.message)
        : error.reason === "AccessDenied"
          ? awsJsonError(400, "AccessDeniedException", error.message)
          : awsJsonError(500, "ServiceUnavailableException", error.message)

const GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/
const GROUP_ARN = /^arn:aws[\w-]*:logs:[^:]+:\d{12}:log-group:[.\-_/#A-Za-z0-9]{1,512}$/

const groupArnOf = (input: Record<string, unknown>, region: string, account: string): Either.Either<string, Reply> => {
  const { logGroupName: name, logGroupIdentifier: id } = input
  if (name !== undefined && id !== undefined)
    return Either.left(invalid("LogGroup name and LogGroup ARN are mutually exclusive parameters."))
  const given = name ?? id
  if (typeof given !== "string") return Either.left(invalid("Should provide either name or ARN of LogGroup"))
  if (id !== undefined && given.startsWith("arn:")) {
    return GROUP_ARN.test(given)
      ? Either.right(given)
      : Either.left(
          invalid(
            `1 validation error detected: Value '${given}' at 'logGroupIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w#+=/:,.@-]* (an ARN without the trailing ':*')`
          )
        )
  }
  if (!GROUP_NAME.test(given)) {
    const member = name === undefined ? "logGroupIdentifier" : "logGroupName"
    return Either.left(
      invalid(
        `1 validation error detected: Value '${given}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+`
      )
    )
  }
  return Either.right(`arn:aws:logs:${region}:${account}:log-group:${given}`)
}

const limitError = (limit: unknown, max: number): Reply | undefined =>
  limit === undefined
    ? undefined
    : typeof limit !== "number" || !Number.isInteger(limit) || limit < 1 || limit > max
      ? invalid(
          `1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value ${Number(limit) < 1 ? "greater than or equal to 1" : `less than or equal to ${max}`}`
        )
      : undefined

/** One of the fake's recorded CloudWatch Logs calls; its MwaaError comes back as a Left. */
const callLogs = <A>(backend: Backend, f: (wire: CloudWatchLogsWire) => Effect.Effect<A, MwaaError>) =>
  backend.inspect((fake) => Effect.either(f(fake.cloudWatchLogs)))

/** The stored stream records of a group, for the members the port does not carry. */
const streamsOf = (backend: Backend, arn: string) =>
  backend.inspect((fake) => Effect.map(fake.state, (state) => streamsOfGroup(state, arn)))

const describeTokenOf = (offset: number) => Buffer.from(`streams:${offset}`).toString("base64url")
const describeOffsetOf = (token: unknown): number | undefined => {
  const m = typeof token === "string" ? /^streams:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8")) : null
  return m?.[1] === undefined ? undefined : Number(m[1])
}

const describeLogStreams = async ({ body, backend, region, account }: LogsRequest): Promise<Reply> => {
  const input = jsonObject(body)
  if (input === undefined) return awsJsonError(400, "SerializationException", "Start of structure or map found where not expected.")
  const arn = groupArnOf(input, region, account)
  if (Either.isLeft(arn)) return arn.left
  const orderBy = input["orderBy"] ?? "LogStreamName"
  const prefix = input["logStreamNamePrefix"]
  const bad =
    limitError(input["limit"], 50) ??
    (orderBy !== "LogStreamName" && orderBy !== "LastEventTime"
      ? invalid(
          `1 validation error detected: Value '${String(orderBy)}' at 'orderBy' failed to satisfy constraint: Member must satisfy enum value set: [LastEventTime, LogStreamName]`
        )
      : undefined) ??
    (orderBy === "LastEventTime" && prefix !== undefined ? invalid("Cannot order by LastEventTime with a logStreamNamePrefix.") : undefined)
  if (bad !== undefined) return bad
  const start = input["nextToken"] === undefined ? 0 : describeOffsetOf(input["nextToken"])
  if (start === undefined) return invalid("The specified nextToken is invalid.")
  const found = await callLogs(backend, (wire) => wire.describeLogStreams(arn.right, typeof prefix === "string" ? prefix : ""))
  if (Either.isLeft(found)) return errorReply(found.left)
  const sorted =
    orderBy === "LastEventTime"
      ? [...found.right].sort((a, b) => (a.lastEventTimestamp ?? 0) - (b.lastEventTimestamp ?? 0))
      : [...found.right]
  const ordered = input["descending"] === true ? sorted.reverse() : sorted
  const end = start + ((input["limit"] as number | undefined) ?? 50)
  const records = await streamsOf(backend, arn.right)
  const logStreams = ordered.slice(start, end).map((s) => {
    const record = records?.get(s.logStreamName)
    const first = record?.events[0]?.timestamp
    return {
      logStreamName: s.logStreamName,
      creationTime: record?.creationTime,
      firstEventTimestamp: first,
      lastEventTimestamp: s.lastEventTimestamp,
      lastIngestionTime: s.lastEventTimestamp === undefined ? undefined : s.lastEventTimestamp + INGESTION_LAG,
      arn: `${arn.right}:log-stream:${s.logStreamName}`,
      storedBytes: s.storedBytes
    }
  })
  return awsJson(200, { logStreams, ...(end < ordered.length ? { nextToken: describeTokenOf(end) } : {}) })
}

/** CloudWatch ingests an event shortly after its timestamp. */
const INGESTION_LAG = 150
const wireEvents = (events: ReadonlyArray<LogEvent>) =>
  events.map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.timestamp + INGESTION_LAG }))

const getLogEvents = async ({ body, backend, region, account }: LogsRequest): Promise<Reply> => {
  const input = jsonObject(body)
  if (input === undefined) return awsJsonError(400, "SerializationException", "Start of structure or map found where not expected.")
  const arn = groupArnOf(input, region, account)
  if (Either.isLeft(arn)) return arn.left
  const stream = input["logStreamName"]
  if (typeof stream !== "string" || stream === "")
    return invalid("1 validation error detected: Value null at 'logStreamName' failed to satisfy constraint: Member must not be null")
  const bad = limitError(input["limit"], 10_000)
  if (bad !== undefined) return bad
  const limit = (input["limit"] as number | undefined) ?? 10_000
  const token = input["nextToken"]
  const position = typeof token === "string" ? positionOf(token) : undefined
  if (token !== undefined && position === undefined) return invalid("The specified nextToken is invalid.")
  const startTime = typeof input["startTime"] === "number" ? input["startTime"] : undefined
  const endTime = typeof input["endTime"] === "number" ? input["endTime"] : undefined
  const startFromHead = input["startFromHead"] === true
  const backward = position === undefined ? !startFromHead : position.direction === "b"
  if (backward && startTime === undefined && endTime === undefined) {
    // The port's own read: newest first, then backwards with its tokens.
    const page = await callLogs(backend, (wire) =>
      wire.getLogEventsBackward(arn.right, stream, { nextToken: token as string | undefined, limit })
    )
    if (Either.isLeft(page)) return errorReply(page.left)
    const start = positionOf(page.right.nextBackwardToken ?? "")?.index ?? 0
    return awsJson(200, {
      events: wireEvents(page.right.events),
      nextForwardToken: tokenOf("f", start + page.right.events.length),
      nextBackwardToken: page.right.nextBackwardToken ?? tokenOf("b", start)
    })
  }
  // Forwards or bounded: the port checks group and stream exist, the stored events are paged here.
  const exists = await callLogs(backend, (wire) => wire.getLogEventsBackward(arn.right, stream, { limit: 1 }))
  if (Either.isLeft(exists)) return errorReply(exists.left)
  const events = (await streamsOf(backend, arn.right))?.get(stream)?.events ?? []
  if (position !== undefined && position.index > events.length) return invalid("The specified nextToken is invalid.")
  const page = readPage(events, { position, startFromHead, startTime, endTime, limit })
  return awsJson(200, { ...page, events: wireEvents(page.events) })
}

export const LOGS_HANDLERS = { DescribeLogStreams: describeLogStreams, GetLogEvents: getLogEvents } as const
