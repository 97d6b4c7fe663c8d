import type { SeedTaskInstance, SeedWorkflow } from "./seed-types.js"

/**
 * What MWAA Serverless leaves outside its own API: each task attempt's CloudWatch log stream in the
 * workflow's log group, and each version's YAML definition in S3. The fake's CloudWatch Logs and S3
 * serve them (src/adapters/fake-mwaa/cloudwatch.ts, s3.ts), as AWS serves them to the same account.
 */

export interface StoredLogEvent {
  readonly timestamp: number
  readonly message: string
}

/** One stream, shaped like the MWAA fake's LogStreamRecord so one CloudWatch serves both. */
export interface StoredLogStream {
  readonly name: string
  readonly creationTime: number
  readonly events: ReadonlyArray<StoredLogEvent>
  readonly storedBytes: number
}

/** The lines a task's stream holds when its seed gives none: a start, and its error when it failed. */
const generatedLines = (workflow: SeedWorkflow, task: SeedTaskInstance): ReadonlyArray<string> => [
  `INFO - Starting attempt ${task.attemptNumber} of task ${task.taskId} (${task.operatorName}) in workflow ${workflow.name}`,
  `INFO - Dependencies all met for task ${task.taskId}`,
  ...(task.status === "FAILED" || task.status === "UP_FOR_RETRY"
    ? [
        "ERROR - Task failed with exception",
        "Traceback (most recent call last):",
        `  File "/usr/local/airflow/dags/${workflow.name}.py", line 42, in ${task.taskId}`,
        `${task.errorMessage ?? "RuntimeError: task failed"}`,
        `INFO - Marking task as ${task.status} (attempt ${task.attemptNumber})`
      ]
    : [`INFO - Marking task as ${task.status}`])
]

const streamOf = (name: string, start: number, lines: ReadonlyArray<string>): StoredLogStream => {
  const events = lines.map((message, i) => ({ timestamp: start + i, message }))
  return { name, creationTime: start, events, storedBytes: lines.reduce((sum, l) => sum + Buffer.byteLength(l, "utf8"), 0) }
}

/** Every workflow's log group: group name → its streams by name. */
export const logGroupsOf = (workflows: ReadonlyArray<SeedWorkflow>): ReadonlyMap<string, ReadonlyMap<string, StoredLogStream>> => {
  const groups = new Map<string, Map<string, StoredLogStream>>()
  for (const workflow of workflows) {
    const streams = groups.get(workflow.logGroupName) ?? new Map<string, StoredLogStream>()
    groups.set(workflow.logGroupName, streams)
    for (const run of workflow.runs) {
      for (const task of run.tasks) {
        if (task.logStream === undefined) continue
        const start = Date.parse(task.startedAt ?? run.startedAt ?? run.createdAt)
        streams.set(task.logStream, streamOf(task.logStream, start, task.log ?? generatedLines(workflow, task)))
      }
    }
  }
  return groups
}

/** An S3 object's key in the fake's stores: bucket, key and version (the latest object when unversioned). */
export const objectKeyOf = (bucket: string, key: string, versionId?: string | null) => JSON.stringify([bucket, key, versionId ?? null])

/** Every version's definition object, by objectKeyOf (a versioned object is also the latest under its key). */
export const definitionsOf = (workflows: ReadonlyArray<SeedWorkflow>): ReadonlyMap<string, string> => {
  const objects = new Map<string, string>()
  for (const workflow of workflows) {
    for (const version of workflow.versions) {
      const yaml =
        version.definitionYaml ??
        `${workflow.name}:\n  dag_id: ${workflow.name}\n  schedule: "${version.cronExpression ?? "None"}"\n  tasks: {}\n`
      const { bucket, objectKey, versionId } = version.definition
      objects.set(objectKeyOf(bucket, objectKey, versionId), yaml)
      objects.set(objectKeyOf(bucket, objectKey), yaml)
    }
  }
  return objects
}
