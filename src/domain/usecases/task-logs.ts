import { Effect, Option } from "effect"
import { MwaaError } from "../../ports/MwaaError.js"
import { MwaaGateway } from "../../ports/MwaaGateway.js"
import { AirflowClient } from "../airflow-client.js"
import { EnvironmentCatalog } from "../environment-catalog.js"
import { linesFromCloudWatchMessage, linesFromRestContent } from "../log-lines.js"
import { asRecord } from "../normalize.js"
import { maskSecretsInText } from "../redaction.js"
import * as Tasks from "../routes-tasks.js"
import { getTaskInstance } from "./task-instances.js"

/**
 * A task try's log, read from the end. MWAA ships task logs to CloudWatch (one stream per
 * try), and the REST log path carries three ids so it rarely fits 64 characters: CloudWatch
 * is the usual source, REST the fallback when task logs are not sent to CloudWatch.
 */

export interface TaskLogsRequest {
  readonly dag_id: string
  readonly dag_run_id: string
  readonly task_id: string
  readonly map_index: number
  readonly try_number?: number | undefined
  readonly tail_lines: number
}

/** CloudWatch pages read at most, newest first: enough for any tail without reading a huge log whole. */
const MAX_PAGES = 5
const EVENTS_PER_PAGE = 1000

const readTail = Effect.fn("TaskLogs.readTail")(function* (groupArn: string, stream: string, tailLines: number) {
  const gateway = yield* MwaaGateway
  let lines: ReadonlyArray<string> = []
  let token: string | undefined
  let exhausted = false
  for (let page = 0; page < MAX_PAGES && lines.length <= tailLines; page++) {
    const result = yield* gateway.readLogEventsBackward(groupArn, stream, { nextToken: token, limit: EVENTS_PER_PAGE })
    lines = [...result.events.flatMap((e) => linesFromCloudWatchMessage(e.message)), ...lines]
    // CloudWatch answers the same token again once the start of the stream is reached.
    if (result.events.length === 0 || result.nextBackwardToken === undefined || result.nextBackwardToken === token) {
      exhausted = true
      break
    }
    token = result.nextBackwardToken
  }
  return { lines, exhausted }
})

export const getTaskLogs = Effect.fn("TaskLogs.get")(function* (env: string, req: TaskLogsRequest) {
  const airflow = yield* AirflowClient
  const catalog = yield* EnvironmentCatalog
  const v = yield* airflow.major(env)
  const tryNumber =
    req.try_number ?? (yield* getTaskInstance(env, req.dag_id, req.dag_run_id, req.task_id, req.map_index)).try_number
  if (tryNumber < 1) {
    return yield* new MwaaError({
      reason: "NotFound",
      operation: "get-task-logs",
      message: `Task ${req.task_id} of run ${req.dag_run_id} has not run yet, so it has no log.`
    })
  }
  const attempt: Tasks.TaskTry = { ...req, try_number: tryNumber }
  const environment = yield* catalog.describe(env)
  const taskLogs = environment.LoggingConfiguration?.TaskLogs
  const groupArn = taskLogs?.Enabled === false ? undefined : taskLogs?.CloudWatchLogGroupArn

  let source: "cloudwatch" | "rest"
  let lines: ReadonlyArray<string>
  let complete: boolean
  let stream: string | null = null
  if (groupArn !== undefined) {
    stream = Tasks.taskLogStreamName(attempt)
    const tail = yield* readTail(groupArn, stream, req.tail_lines).pipe(
      Effect.catchIf((e) => e.reason === "NotFound", () => missingTry(groupArn, attempt))
    )
    source = "cloudwatch"
    lines = tail.lines
    complete = tail.exhausted
  } else {
    const rest = Tasks.taskLogRest(v, attempt)
    if (Option.isNone(rest)) {
      return yield* new MwaaError({
        reason: "NotFound",
        operation: "get-task-logs",
        message:
          `Environment ${env} does not send task logs to CloudWatch, and the Airflow log path for this task is over ` +
          `InvokeRestApi's 64-character limit. Enable task logs (LoggingConfiguration.TaskLogs) on the environment.`
      })
    }
    source = "rest"
    lines = linesFromRestContent(asRecord((yield* airflow.send(env, rest.value)).body)["content"])
    complete = true
  }
  // Masked whole before the tail is taken: a tail may start inside a private-key block whose
  // BEGIN line only the full text shows.
  const masked = maskSecretsInText(lines.join("\n"))
  const maskedLines = masked.text.length === 0 ? [] : masked.text.split("\n")
  const tail = maskedLines.slice(-req.tail_lines)
  return {
    dag_id: req.dag_id,
    dag_run_id: req.dag_run_id,
    task_id: req.task_id,
    map_index: req.map_index,
    try_number: tryNumber,
    source,
    log_stream: stream,
    lines: tail,
    truncated: !complete || maskedLines.length > tail.length,
    masked: masked.masked
  }
})

/** The try's stream does not exist: say which tries do have logs. */
const missingTry = (groupArn: string, t: Tasks.TaskTry) =>
  Effect.gen(function* () {
    const gateway = yield* MwaaGateway
    const prefix = Tasks.taskLogStreamName(t).replace(/attempt=\d+\.log$/, "")
    const streams = yield* gateway.findLogStreams(groupArn, prefix)
    const tries = streams.flatMap((s) => /attempt=(\d+)\.log$/.exec(s.logStreamName)?.[1] ?? []).map(Number).sort((a, b) => a - b)
    return yield* new MwaaError({
      reason: "NotFound",
      operation: "GetLogEvents",
      message:
        `No CloudWatch log for try ${t.try_number} of task ${t.task_id} (run ${t.dag_run_id}, DAG ${t.dag_id}). ` +
        (tries.length > 0 ? `Tries with logs: ${tries.join(", ")}.` : "No try of this task has a log stream yet.")
    })
  })
