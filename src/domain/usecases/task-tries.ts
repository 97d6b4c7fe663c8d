import { Effect, Either } from "effect"
import { AirflowClient } from "../airflow-client.js"
import { isAtLeast } from "../airflow-version.js"
import { TaskTriesAnswer } from "../answers/history.js"
import { MAX_PATH_LENGTH } from "../paths.js"
import type { TaskInstanceTry } from "../model-history.js"
import { maskSecretsInText } from "../redaction.js"
import * as History from "../routes-history.js"

/**
 * A task instance's tries, oldest first, for get-task-instance. The history is an addition to the
 * task instance, never a reason to lose it: where it cannot be read (an Airflow before 2.10, a
 * path that cannot be sent, a failed call) it is null and `note` says why.
 */
export interface TaskTries {
  readonly tries: ReadonlyArray<TaskInstanceTry> | null
  readonly note: string | null
}

export const getTaskTries = Effect.fnUntraced(function* (env: string, dagId: string, runId: string, taskId: string, mapIndex: number) {
  const airflow = yield* AirflowClient
  const release = yield* airflow.release(env)
  if (!isAtLeast(release, { major: 2, minor: 10 })) {
    return {
      tries: null,
      note: `Airflow ${release.major}.${release.minor} has no endpoint for a task's tries (it came in Airflow 2.10).`
    } satisfies TaskTries
  }
  const call = History.taskTries(dagId, runId, taskId, mapIndex)
  if (Either.isLeft(yield* Effect.either(airflow.admits(call)))) {
    return {
      tries: null,
      note:
        `The tries' Airflow path is ${call.path.length} characters, over InvokeRestApi's ${MAX_PATH_LENGTH}, ` +
        "and the webserver route is switched off."
    } satisfies TaskTries
  }
  return yield* airflow.send(env, call, TaskTriesAnswer).pipe(
    Effect.map((answer): TaskTries => ({ tries: [...answer.task_instances].sort((a, b) => a.try_number - b.try_number), note: null })),
    Effect.catchAll((e) =>
      Effect.succeed<TaskTries>({ tries: null, note: `The tries could not be read: ${maskSecretsInText(e.message).text}` })
    )
  )
})
