import { Effect, Option } from "effect"
import { MwaaError } from "../../ports/MwaaError.js"
import type { UnexpectedAnswer } from "../../ports/UnexpectedAnswer.js"
import type { UnsupportedAirflowVersion } from "../airflow-version.js"
import type { RouteUnfit } from "../route-choice.js"
import { MwaaGateway } from "../../ports/MwaaGateway.js"
import { AirflowClient } from "../airflow-client.js"
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
  /** The token of the next older page; undefined at the start of the log. */
  readonly older: string | undefined
}

export interface TaskLogSource {
  readonly source: "cloudwatch" | "rest"
  readonly stream: string | null
  readonly fetch: (
    page: string | null,
    limit: number
  ) => Effect.Effect<LogPage, MwaaError | UnexpectedAnswer | RouteUnfit | UnsupportedAirflowVersion>
}

type Gateway = typeof MwaaGateway.Service

const cloudWatchSource = (gateway: Gateway, groupArn: string, attempt: Tasks.TaskTry): TaskLogSource => {
  const stream = Tasks.taskLogStreamName(attempt)
  return {
    source: "cloudwatch",
    stream,
    fetch: (page, limit) =>
      Effect.gen(function* () {
        const result = yield* gateway.readLogEventsBackward(groupArn, stream, { nextToken: page ?? undefined, limit })
        // CloudWatch answers the token it was given once the start of the stream is reached.
        const atStart = result.events.length === 0 || result.nextBackwardToken === undefined || result.nextBackwardToken === page
        return {
          events: result.events.map((e) => linesFromCloudWatchMessage(e.message)),
          older: atStart ? undefined : result.nextBackwardToken
        }
      }).pipe(
        Effect.catchIf(
          (e) => e.reason === "NotFound",
          () => missingTry(gateway, groupArn, attempt)
        )
      )
  }
}

/** The try's stream does not exist: say which tries do have logs. */
const missingTry = (gateway: Gateway, groupArn: string, t: Tasks.TaskTry) =>
  Effect.gen(function* () {
    const prefix = Tasks.taskLogStreamName(t).replace(/attempt=\d+\.log$/, "")
    const streams = yield* gateway.findLogStreams(groupArn, prefix)
    const tries = streams
      .flatMap((s) => /attempt=(\d+)\.log$/.exec(s.logStreamName)?.[1] ?? [])
      .map(Number)
      .sort((a, b) => a - b)
    return yield* new MwaaError({
      reason: "NotFound",
      operation: "GetLogEvents",
      message:
        `No CloudWatch log for try ${t.try_number} of task ${t.task_id} (run ${t.dag_run_id}, DAG ${t.dag_id}). ` +
        (tries.length > 0 ? `Tries with logs: ${tries.join(", ")}.` : "No try of this task has a log stream yet.")
    })
  })

/** The log of one try: CloudWatch when the environment sends task logs there, else REST when its path can be sent. */
export const openTaskLog = Effect.fnUntraced(function* (env: string, attempt: Tasks.TaskTry) {
  const catalog = yield* EnvironmentCatalog
  const airflow = yield* AirflowClient
  const gateway = yield* MwaaGateway
  const environment = yield* catalog.describe(env)
  const taskLogs = environment.logging.task
  const groupArn = taskLogs?.enabled === false ? undefined : (taskLogs?.log_group_arn ?? undefined)
  // Ids of 160 characters or more name a stream over CloudWatch's 512: no such stream can exist, so the
  // log is Airflow's to find (its REST endpoint reads what the worker or the handler still has).
  const streamFits = Tasks.taskLogStreamName(attempt).length <= Tasks.MAX_LOG_STREAM_NAME
  if (groupArn !== undefined && streamFits) return cloudWatchSource(gateway, groupArn, attempt)
  const v = yield* airflow.major(env)
  const rest = Tasks.taskLogRest(v, attempt, undefined, airflow.longPaths)
  if (Option.isNone(rest)) {
    return yield* new MwaaError({
      reason: "NotFound",
      operation: READ_TASK_LOG,
      message:
        (groupArn === undefined
          ? `Environment ${env} does not send task logs to CloudWatch, and `
          : `This try's CloudWatch stream name would be over CloudWatch's ${Tasks.MAX_LOG_STREAM_NAME} characters, so it has no stream, and `) +
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
          older: undefined
        }))
      )
  }
  return source
})
