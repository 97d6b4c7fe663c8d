import { type Context, Effect, Option } from "effect"
import type { MwaaError } from "../ports/MwaaError.js"
import { MAX_LOG_STREAM_NAME, TaskLogMissing, type TaskLogs, type TaskLogWhere, type TaskTry } from "../ports/TaskLogs.js"

/**
 * The TaskLogs port over CloudWatch Logs' two calls, shared by the AWS adapter and the in-memory
 * fake so both name streams, chain pages and list a task's tries the same way. What CloudWatch
 * calls a page and a token stays here: the domain sees pages of messages and an opaque cursor.
 */

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

/** MWAA gives log group ARNs, sometimes with a trailing ":*"; CloudWatch's calls want the group's name. A bare name is kept. */
export const logGroupNameOf = (arnOrName: string): string =>
  /^arn:aws[\w-]*:logs:[^:]*:[^:]*:log-group:([^:]+)(:\*)?$/.exec(arnOrName)?.[1] ?? arnOrName

/** CloudWatch Logs as the task logs need it: DescribeLogStreams by prefix, GetLogEvents backwards. */
export interface CloudWatchLogsWire {
  readonly describeLogStreams: (logGroupArn: string, prefix: string) => Effect.Effect<ReadonlyArray<LogStream>, MwaaError>
  /** GetLogEvents with startFromHead=false: the newest events first page, then backwards. */
  readonly getLogEventsBackward: (
    logGroupArn: string,
    logStreamName: string,
    options: { readonly nextToken?: string | undefined; readonly limit?: number | undefined }
  ) => Effect.Effect<LogEventsPage, MwaaError>
}

/**
 * The CloudWatch stream of one try, as the Amazon provider's task handler names it: Airflow's
 * default log_filename_template (dag_id=/run_id=/task_id=/[map_index=/]attempt=N.log) with every
 * ':' replaced by '_' (CloudWatch stream names forbid ':').
 */
export const taskLogStreamName = (t: TaskTry): string =>
  [
    `dag_id=${t.dag_id}`,
    `run_id=${t.dag_run_id}`,
    `task_id=${t.task_id}`,
    ...(t.map_index >= 0 ? [`map_index=${t.map_index}`] : []),
    `attempt=${t.try_number}.log`
  ]
    .join("/")
    .replace(/:/g, "_")

const ATTEMPT = /attempt=(\d+)\.log$/

/** The tries of the task instance that have a stream, ascending. */
const triesWithStreams = (wire: CloudWatchLogsWire, where: TaskLogWhere) =>
  Effect.map(wire.describeLogStreams(where.logGroupArn, taskLogStreamName(where).replace(ATTEMPT, "")), (streams) =>
    streams
      .flatMap((s) => ATTEMPT.exec(s.logStreamName)?.[1] ?? [])
      .map(Number)
      .sort((a, b) => a - b)
  )

/** The try alone, without its log group: what the error names. */
const taskOf = (where: TaskLogWhere): TaskTry => ({
  dag_id: where.dag_id,
  dag_run_id: where.dag_run_id,
  task_id: where.task_id,
  map_index: where.map_index,
  try_number: where.try_number
})

/**
 * One page of a stream read backwards: its messages oldest first, and the cursor of the next older
 * page, null at the start. The task logs and the workflow logs page the same way through it.
 */
export const readStreamBackward =
  (wire: CloudWatchLogsWire) => (logGroup: string, logStreamName: string, cursor: string | null, pageEvents: number) =>
    Effect.map(wire.getLogEventsBackward(logGroup, logStreamName, { nextToken: cursor ?? undefined, limit: pageEvents }), (page) => {
      // Quirk: at the start of the stream CloudWatch answers no events and the very token it was given.
      const older = page.nextBackwardToken
      const atStart = page.events.length === 0 || older === undefined || older === cursor
      return { messages: page.events.map((e) => e.message), older: atStart ? null : older }
    })

export const cloudWatchTaskLogs = (wire: CloudWatchLogsWire): Context.Tag.Service<TaskLogs> => {
  const read = readStreamBackward(wire)
  return {
    streamOf: (task) => {
      const name = taskLogStreamName(task)
      return name.length <= MAX_LOG_STREAM_NAME ? Option.some(name) : Option.none()
    },
    readBackward: Effect.fnUntraced(function* (where: TaskLogWhere, cursor: Option.Option<string>, pageEvents: number) {
      const page = yield* read(where.logGroupArn, taskLogStreamName(where), Option.getOrNull(cursor), pageEvents).pipe(
        Effect.catchIf(
          (e) => e.reason === "NotFound",
          () => Effect.flatMap(triesWithStreams(wire, where), (tries) => new TaskLogMissing({ task: taskOf(where), tries }))
        )
      )
      return { messages: page.messages, older: Option.fromNullable(page.older) }
    })
  }
}
