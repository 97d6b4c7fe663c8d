import { Context, type Effect } from "effect"
import type { MwaaError } from "./MwaaError.js"

export interface LogStream {
  readonly logStreamName: string
  readonly lastEventTimestamp?: number | undefined
  readonly storedBytes?: number | undefined
}

export interface LogEvent {
  readonly timestamp: number
  readonly message: string
}

export interface LogEventsPage {
  readonly events: ReadonlyArray<LogEvent>
  /** GetLogEvents' nextBackwardToken: pass it back to read further towards the start. */
  readonly nextBackwardToken?: string | undefined
}

/** Airflow, task logs and DAG files in AWS (environments are the Environments port's). Implemented by the AWS SDK adapter and by the fake. */
export class MwaaGateway extends Context.Tag("mwaa-mcp/MwaaGateway")<
  MwaaGateway,
  {
    /** CloudWatch Logs DescribeLogStreams with logStreamNamePrefix. */
    readonly findLogStreams: (logGroupArn: string, prefix: string) => Effect.Effect<ReadonlyArray<LogStream>, MwaaError>
    /** CloudWatch Logs GetLogEvents with startFromHead=false: the newest events first page, then backwards. */
    readonly readLogEventsBackward: (
      logGroupArn: string,
      logStreamName: string,
      options: { readonly nextToken?: string | undefined; readonly limit?: number | undefined }
    ) => Effect.Effect<LogEventsPage, MwaaError>
    /** S3 GetObject of a DAG file, decoded as UTF-8 text. */
    readonly readDagFile: (bucketArn: string, key: string) => Effect.Effect<string, MwaaError>
  }
>() {}
