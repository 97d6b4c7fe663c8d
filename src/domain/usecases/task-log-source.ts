import { Effect, Option } from "effect"
import { MwaaError } from "../../ports/MwaaError.js"
import { MAX_LOG_STREAM_NAME, type TaskLogMissing, TaskLogs } from "../../ports/TaskLogs.js"
import type { UnexpectedAnswer } from "../../ports/UnexpectedAnswer.js"
import type { UnsupportedAirflowVersion } from "../airflow-version.js"
import type { RouteUnfit } from "../route-choice.js"
import { AppConfig } from "../../ports/AppConfig.js"
import { AirflowClient } from "../airflow-client.js"
import { retryThrottled } from "../retry-policy.js"
import { EnvironmentCatalog } from "../environment-catalog.js"
import { linesFromCloudWatchMessage, linesFromRestContent } from "../log-lines.js"
import { TaskLogAnswer } from "../answers/task-log.js"
import { READ_TASK_LOG } from "../log-token.js"
import * as Tasks from "../routes-tasks.js"

/**
 * Where one task try's log is read from, as pages read newest first. MWAA ships task logs to
 * CloudWatch (one stream per try) and pages of GetLogEvents hold at most 1 MB, so a log of any
 * size is read a page at a time. The REST log path carries three ids and rarely fits 64
 * characters: it is the fallback when task logs are not sent to CloudWatch, read as one page.
 */

export interface LogPage {
  /** The page's events, oldest first, each as its lines (Airflow 3's structured entries flattened). */
  readonly events: ReadonlyArray<ReadonlyArray<string>>
  /** The cursor of the next older page; None at the start of the log. */
  readonly older: Option.Option<string>
}

export type LogReadError = MwaaError | UnexpectedAnswer | TaskLogMissing | RouteUnfit | UnsupportedAirflowVersion

export interface TaskLogSource {
  readonly source: "cloudwatch" | "rest"
  readonly stream: string | null
  /** One page: the newest for null, else the page the cursor names. */
  readonly fetch: (page: string | null, pageEvents: number) => Effect.Effect<LogPage, LogReadError>
}

/** The log of one try: CloudWatch when the environment sends task logs there, else REST when its path can be sent. */
export const openTaskLog = Effect.fnUntraced(function* (env: string, attempt: Tasks.TaskTry) {
  const catalog = yield* EnvironmentCatalog
  const airflow = yield* AirflowClient
  const taskLogs = yield* TaskLogs
  // CloudWatch throttles GetLogEvents too: each page is read under the same retry policy as every
  // other read (the AWS adapter's logs client makes one attempt per call, so the policy is the only one).
  const retryRead = retryThrottled({ maxAttempts: (yield* AppConfig).maxAttempts })
  const environment = yield* catalog.describe(env)
  const taskLogConfig = environment.logging.task
  const groupArn = taskLogConfig?.enabled === false ? undefined : (taskLogConfig?.log_group_arn ?? undefined)
  // Ids long enough that the try's stream name passes CloudWatch's limit: no such stream can exist, so the
  // log is Airflow's to find (its REST endpoint reads what the worker or the handler still has).
  const stream = taskLogs.streamOf(attempt)
  if (groupArn !== undefined && Option.isSome(stream)) {
    const where = { ...attempt, logGroupArn: groupArn }
    const cloudWatch: TaskLogSource = {
      source: "cloudwatch",
      stream: stream.value,
      fetch: (page, pageEvents) =>
        Effect.map(retryRead(taskLogs.readBackward(where, Option.fromNullable(page), pageEvents)), (read) => ({
          events: read.messages.map(linesFromCloudWatchMessage),
          older: read.older
        }))
    }
    return cloudWatch
  }
  const rest = Tasks.taskLogRest(attempt, undefined, airflow.longPaths)
  if (Option.isNone(rest)) {
    return yield* new MwaaError({
      reason: "NotFound",
      operation: READ_TASK_LOG,
      message:
        (groupArn === undefined
          ? `Environment ${env} does not send task logs to CloudWatch, and `
          : `This try's CloudWatch stream name would be over CloudWatch's ${MAX_LOG_STREAM_NAME} characters, so it has no stream, and `) +
        "the Airflow log path for this task is over InvokeRestApi's 64-character limit, and the webserver route is switched off." +
        (groupArn === undefined ? " Enable task logs (LoggingConfiguration.TaskLogs) on the environment." : "")
    })
  }
  const call = rest.value
  const source: TaskLogSource = {
    source: "rest",
    stream: null,
    // Airflow answers the whole log at once (InvokeRestApi caps it at 6 MB): one page.
    fetch: () =>
      airflow.send(env, call, TaskLogAnswer).pipe(
        Effect.map((answer) => ({
          events: linesFromRestContent(answer.content).map((line) => [line]),
          older: Option.none()
        }))
      )
  }
  return source
})
