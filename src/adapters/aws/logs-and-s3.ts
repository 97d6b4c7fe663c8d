import { DescribeLogStreamsCommand, GetLogEventsCommand, type LogStream as SdkLogStream } from "@aws-sdk/client-cloudwatch-logs"
import { GetObjectCommand } from "@aws-sdk/client-s3"
import type { Duration } from "effect"
import { Effect } from "effect"
import { type CloudWatchLogsWire, type LogEventsPage, type LogStream, logGroupNameOf } from "../cloudwatch-task-logs.js"
import { MwaaError } from "../../ports/MwaaError.js"
import type { Clients } from "./clients.js"
import { send } from "./send.js"

/** CloudWatch Logs (task logs) and S3 (DAG files), the two reads outside MWAA. */

/** DescribeLogStreams pages of 50 (its maximum), at most this many: a try's streams are a handful. */
const STREAM_PAGE = 50
const MAX_STREAM_PAGES = 10
/** A DAG file larger than this is refused rather than read into memory. */
export const MAX_DAG_FILE_BYTES = 5 * 1024 * 1024

export const bucketNameOf = (arnOrName: string): string => arnOrName.replace(/^arn:aws[\w-]*:s3:::/, "")

const toLogStream = (s: SdkLogStream): LogStream => ({
  logStreamName: s.logStreamName ?? "",
  lastEventTimestamp: s.lastEventTimestamp,
  storedBytes: s.storedBytes
})

const describeLogStreams = (clients: Clients, timeout: Duration.DurationInput) =>
  Effect.fnUntraced(function* (logGroupArn: string, prefix: string) {
    const streams: Array<LogStream> = []
    let nextToken: string | undefined
    for (let page = 0; page < MAX_STREAM_PAGES; page++) {
      const command = new DescribeLogStreamsCommand({
        logGroupName: logGroupNameOf(logGroupArn),
        ...(prefix !== "" && { logStreamNamePrefix: prefix }),
        limit: STREAM_PAGE,
        nextToken
      })
      const out = yield* send({ service: "CloudWatchLogs", operation: "DescribeLogStreams" }, timeout, (signal) =>
        clients.logs.send(command, { abortSignal: signal })
      )
      streams.push(...(out.logStreams ?? []).map(toLogStream))
      nextToken = out.nextToken
      if (nextToken === undefined) break
    }
    return streams
  })

const getLogEventsBackward = (clients: Clients, timeout: Duration.DurationInput) =>
  Effect.fnUntraced(function* (
    logGroupArn: string,
    logStreamName: string,
    options: { readonly nextToken?: string | undefined; readonly limit?: number | undefined }
  ) {
    const command = new GetLogEventsCommand({
      logGroupName: logGroupNameOf(logGroupArn),
      logStreamName,
      startFromHead: false,
      nextToken: options.nextToken,
      limit: options.limit
    })
    const out = yield* send({ service: "CloudWatchLogs", operation: "GetLogEvents" }, timeout, (signal) =>
      clients.logs.send(command, { abortSignal: signal })
    )
    const page: LogEventsPage = {
      events: (out.events ?? []).map((e) => ({ timestamp: e.timestamp ?? 0, message: e.message ?? "" })),
      nextBackwardToken: out.nextBackwardToken
    }
    return page
  })

/** The two CloudWatch Logs calls the TaskLogs port is built on. */
export const cloudWatchLogsWire = (clients: Clients, timeout: Duration.DurationInput): CloudWatchLogsWire => ({
  describeLogStreams: describeLogStreams(clients, timeout),
  getLogEventsBackward: getLogEventsBackward(clients, timeout)
})

const tooLarge = (bucketArn: string, key: string, bytes: number) =>
  new MwaaError({
    reason: "Validation",
    operation: "GetObject",
    message: `The DAG file s3://${bucketNameOf(bucketArn)}/${key} is larger than 5 MB (at least ${bytes} bytes); this server does not read DAG files over 5 MB.`
  })

/** Reads at most `max` bytes; stops (and releases the connection) as soon as the body is larger. */
const readBounded = async (body: unknown, onTooLarge: (bytes: number) => Error, max: number): Promise<string> => {
  if (body === undefined || body === null) return ""
  const chunks: Array<Uint8Array> = []
  let total = 0
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk
    total += bytes.byteLength
    if (total > max) {
      ;(body as { destroy?: () => void }).destroy?.()
      throw onTooLarge(total)
    }
    chunks.push(bytes)
  }
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks))
}

export const readDagFile = (clients: Clients, timeout: Duration.DurationInput) =>
  Effect.fnUntraced(function* (bucketArn: string, key: string) {
    const command = new GetObjectCommand({ Bucket: bucketNameOf(bucketArn), Key: key })
    return yield* send({ service: "S3", operation: "GetObject" }, timeout, async (signal, seen) => {
      const out = await clients.s3.send(command, { abortSignal: signal })
      seen(out)
      const onTooLarge = (bytes: number) => tooLarge(bucketArn, key, bytes)
      if (out.ContentLength !== undefined && out.ContentLength > MAX_DAG_FILE_BYTES) {
        ;(out.Body as { destroy?: () => void } | undefined)?.destroy?.()
        throw onTooLarge(out.ContentLength)
      }
      return readBounded(out.Body, onTooLarge, MAX_DAG_FILE_BYTES)
    })
  })
