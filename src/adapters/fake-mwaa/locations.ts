import { taskLogStreamName as streamNameOf } from "../cloudwatch-task-logs.js"

/**
 * Where MWAA puts things, as names derived from the environment name. Exported so seeds and
 * tests build the same stream names and S3 keys the fake (and real MWAA) uses.
 */
export const REGION = "us-east-1"
export const ACCOUNT = "123456789012"

/** The account and region a fake MWAA lives in: every ARN and webserver host it issues names them. */
export interface FakeLocation {
  readonly account: string
  readonly region: string
}

export const DEFAULT_LOCATION: FakeLocation = { account: ACCOUNT, region: REGION }

export const isDefaultLocation = (where: FakeLocation): boolean => where.account === ACCOUNT && where.region === REGION

/** MWAA mounts the DAGs folder of the source bucket here; DAG fileloc values start with it. */
export const DAGS_FOLDER = "/usr/local/airflow/dags"

export const environmentArn = (name: string, where: FakeLocation = DEFAULT_LOCATION): string =>
  `arn:aws:airflow:${where.region}:${where.account}:environment/${name}`

export const sourceBucketArn = (name: string): string => `arn:aws:s3:::airflow-${name}`

/** MWAA's log groups are airflow-<env>-<Kind> with Kind in Task, DAGProcessing, Scheduler, WebServer, Worker. */
export const logGroupName = (name: string, kind = "Task"): string => `airflow-${name}-${kind}`

export const logGroupArn = (name: string, kind = "Task", where: FakeLocation = DEFAULT_LOCATION): string =>
  `arn:aws:logs:${where.region}:${where.account}:log-group:${logGroupName(name, kind)}`

export const filelocOf = (relativeFileloc: string): string => `${DAGS_FOLDER}/${relativeFileloc}`

/** The S3 key of a DAG file: DagS3Path + "/" + its path below the DAGs folder. */
export const dagFileKey = (relativeFileloc: string, dagS3Path = "dags"): string => `${dagS3Path.replace(/\/+$/, "")}/${relativeFileloc}`

export interface TaskLogRef {
  readonly dagId: string
  readonly runId: string
  readonly taskId: string
  readonly tryNumber: number
  readonly mapIndex?: number | undefined
}

/** The CloudWatch stream of one try, named as the adapters name it (see cloudwatch-task-logs.ts). */
export const taskLogStreamName = (ref: TaskLogRef): string =>
  streamNameOf({ dag_id: ref.dagId, dag_run_id: ref.runId, task_id: ref.taskId, map_index: ref.mapIndex ?? -1, try_number: ref.tryNumber })

/** Accepts a bucket ARN or a bare bucket name. */
export const bucketNameOf = (arnOrName: string): string => arnOrName.replace(/^arn:aws[\w-]*:s3:::/, "")
