import { Context, type Effect, type Option, Schema } from "effect"
import type { MwaaError } from "./MwaaError.js"

/** One try of one task instance: the ids Airflow names its log by. */
export const TaskTry = Schema.Struct({
  dag_id: Schema.String,
  dag_run_id: Schema.String,
  task_id: Schema.String,
  /** -1 for a task that is not mapped. */
  map_index: Schema.Number,
  try_number: Schema.Number
})
export type TaskTry = typeof TaskTry.Type

/** CloudWatch Logs' limit on a log stream's name (1-512): a try whose stream name would be longer has no stream. */
export const MAX_LOG_STREAM_NAME = 512

/** Where one try's log is: the environment's task-log group (LoggingConfiguration.TaskLogs) and the try. */
export interface TaskLogWhere extends TaskTry {
  /** CloudWatchLogGroupArn, as GetEnvironment gives it (a trailing ":*" is fine). */
  readonly logGroupArn: string
}

/** One page of a try's log, read from the newest end. */
export interface TaskLogPage {
  /** The page's events, oldest first, each as its message. */
  readonly messages: ReadonlyArray<string>
  /** Hand it back to read the next older page; None once the start of the log is reached. */
  readonly older: Option.Option<string>
}

/**
 * The asked try has no log stream. `tries` lists the tries of the same task instance that do
 * have one (ascending), so the caller can say which to read instead.
 */
export class TaskLogMissing extends Schema.TaggedError<TaskLogMissing>("mwaa-mcp/TaskLogMissing")("TaskLogMissing", {
  task: TaskTry,
  tries: Schema.Array(Schema.Number)
}) {
  override get message(): string {
    const t = this.task
    return (
      `No CloudWatch log for try ${t.try_number} of task ${t.task_id} (run ${t.dag_run_id}, DAG ${t.dag_id}). ` +
      (this.tries.length > 0 ? `Tries with logs: ${this.tries.join(", ")}.` : "No try of this task has a log stream yet.")
    )
  }
}

/**
 * Task logs as MWAA ships them to CloudWatch Logs, one stream per try. How streams are named and
 * how pages are chained (GetLogEvents' tokens) stay inside the adapter: the cursor is opaque.
 */
export class TaskLogs extends Context.Tag("mwaa-mcp/TaskLogs")<
  TaskLogs,
  {
    /**
     * The try's stream name, or None when CloudWatch cannot hold that try (its name would pass
     * MAX_LOG_STREAM_NAME, so no such stream exists).
     */
    readonly streamOf: (task: TaskTry) => Option.Option<string>
    /**
     * One page of the try's log: the newest page for cursor None, else the page older than the
     * one that gave the cursor. `pageEvents` bounds the events per page (a page also stays under 1 MB).
     */
    readonly readBackward: (
      where: TaskLogWhere,
      cursor: Option.Option<string>,
      pageEvents: number
    ) => Effect.Effect<TaskLogPage, MwaaError | TaskLogMissing>
  }
>() {}
