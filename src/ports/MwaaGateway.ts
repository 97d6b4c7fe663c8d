import { Context, type Effect } from "effect"
import type { MwaaError } from "./MwaaError.js"

/** What GetEnvironment tells us. Members follow the MWAA model's names; unknown members are kept in `raw`. */
export interface Environment {
  readonly Name: string
  readonly Arn?: string | undefined
  readonly Status?: string | undefined
  readonly AirflowVersion?: string | undefined
  readonly EnvironmentClass?: string | undefined
  readonly SourceBucketArn?: string | undefined
  readonly DagS3Path?: string | undefined
  readonly WebserverUrl?: string | undefined
  readonly LoggingConfiguration?:
    | {
        readonly TaskLogs?:
          | {
              readonly Enabled?: boolean | undefined
              readonly LogLevel?: string | undefined
              readonly CloudWatchLogGroupArn?: string | undefined
            }
          | undefined
      }
    | undefined
  readonly LastUpdate?:
    | {
        readonly Status?: string | undefined
        readonly Error?: { readonly ErrorCode?: string | undefined; readonly ErrorMessage?: string | undefined } | undefined
      }
    | undefined
  /** Every member GetEnvironment returned, including those not typed above. */
  readonly raw: Readonly<Record<string, unknown>>
}

/** Input of Create/UpdateEnvironment: MWAA model member names, passed through as given. */
export type EnvironmentInput = Readonly<Record<string, unknown>> & { readonly Name: string }

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

/** Everything the tools read or change in AWS. Implemented by the AWS SDK adapter and by the fake. */
export class MwaaGateway extends Context.Tag("mwaa-mcp/MwaaGateway")<
  MwaaGateway,
  {
    readonly listEnvironments: () => Effect.Effect<ReadonlyArray<string>, MwaaError>
    readonly getEnvironment: (name: string) => Effect.Effect<Environment, MwaaError>
    readonly createEnvironment: (input: EnvironmentInput) => Effect.Effect<{ readonly Arn?: string | undefined }, MwaaError>
    readonly updateEnvironment: (input: EnvironmentInput) => Effect.Effect<{ readonly Arn?: string | undefined }, MwaaError>
    readonly deleteEnvironment: (name: string) => Effect.Effect<void, MwaaError>
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
