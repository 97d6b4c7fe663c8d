import { Schema } from "effect"

/**
 * Identifiers, validated with Airflow's and MWAA's own rules before any path is built,
 * so that an id can never smuggle a path segment, a query string or a wildcard into a
 * request. Each is branded so a task id cannot be passed where a DAG id belongs.
 */

/** Airflow's KEY_REGEX for dag_id and task_id, at most 250 characters (ID_LEN). */
const KEY_PATTERN = /^[A-Za-z0-9_.-]+$/

/** Airflow's default allowed_run_id_pattern; "~" alone is the list wildcard and never a real id. */
const RUN_ID_PATTERN = /^[A-Za-z0-9_.~:+-]+$/

/** MWAA's environment name pattern (CreateEnvironment Name: 1-80). */
const ENVIRONMENT_NAME_PATTERN = /^[a-zA-Z][0-9a-zA-Z_-]*$/

const notDotsOnly = (s: string) => !/^\.+$/.test(s)

export const DagId = Schema.String.pipe(
  Schema.minLength(1, { message: () => "dag_id must not be empty" }),
  Schema.maxLength(250, { message: () => "dag_id must be at most 250 characters (Airflow's ID_LEN)" }),
  Schema.pattern(KEY_PATTERN, { message: () => "dag_id may contain only letters, digits, '_', '.' and '-' (Airflow's KEY_REGEX)" }),
  Schema.filter(notDotsOnly, { message: () => "dag_id must not be only dots" }),
  Schema.brand("DagId"),
  Schema.annotations({ description: "Airflow DAG id (letters, digits, '_', '.', '-'; at most 250)" })
)
export type DagId = typeof DagId.Type

export const TaskId = Schema.String.pipe(
  Schema.minLength(1, { message: () => "task_id must not be empty" }),
  Schema.maxLength(250, { message: () => "task_id must be at most 250 characters (Airflow's ID_LEN)" }),
  Schema.pattern(KEY_PATTERN, { message: () => "task_id may contain only letters, digits, '_', '.' and '-' (Airflow's KEY_REGEX)" }),
  Schema.filter(notDotsOnly, { message: () => "task_id must not be only dots" }),
  Schema.brand("TaskId"),
  Schema.annotations({ description: "Airflow task id (letters, digits, '_', '.', '-'; at most 250)" })
)
export type TaskId = typeof TaskId.Type

export const DagRunId = Schema.String.pipe(
  Schema.minLength(1, { message: () => "dag_run_id must not be empty" }),
  Schema.maxLength(250, { message: () => "dag_run_id must be at most 250 characters" }),
  Schema.pattern(RUN_ID_PATTERN, {
    message: () => "dag_run_id may contain only letters, digits and '_', '.', '~', ':', '+', '-' (Airflow's allowed_run_id_pattern)"
  }),
  Schema.filter((s) => s !== "~" && notDotsOnly(s), { message: () => "dag_run_id must be a real run id, not '~' or dots" }),
  Schema.brand("DagRunId"),
  Schema.annotations({ description: "Airflow DAG run id, e.g. scheduled__2026-11-24T00:00:00+00:00" })
)
export type DagRunId = typeof DagRunId.Type

export const EnvironmentName = Schema.String.pipe(
  Schema.minLength(1, { message: () => "environment_name must not be empty" }),
  Schema.maxLength(80, { message: () => "environment_name must be at most 80 characters (MWAA)" }),
  Schema.pattern(ENVIRONMENT_NAME_PATTERN, {
    message: () => "environment_name must start with a letter and contain only letters, digits, '-' and '_' (MWAA)"
  }),
  Schema.brand("EnvironmentName"),
  // How an omitted name is resolved is worded by the app's own field (src/app/fields.ts).
  Schema.annotations({ description: "MWAA environment name" })
)
export type EnvironmentName = typeof EnvironmentName.Type

/** An environment as a caller names it: its name (or a configured alias), `region/name`, or its ARN. */
const ENVIRONMENT_ADDRESS_PATTERN =
  /^(?:[a-zA-Z][0-9a-zA-Z_-]*|[a-z]{2}(?:-[a-z]+)+-\d+\/[a-zA-Z][0-9a-zA-Z_-]*|arn:aws(?:-[a-z]+)*:airflow:[a-z]{2}(?:-[a-z]+)+-\d+:\d{12}:environment\/[a-zA-Z][0-9a-zA-Z_-]*)$/

export const EnvironmentAddress = Schema.String.pipe(
  Schema.minLength(1, { message: () => "environment_name must not be empty" }),
  Schema.maxLength(200, { message: () => "environment_name must be at most 200 characters" }),
  Schema.pattern(ENVIRONMENT_ADDRESS_PATTERN, {
    message: () =>
      "environment_name must start with a letter and contain only letters, digits, '-' and '_' (MWAA), " +
      "or be region/name (us-east-1/my-env) or the environment's ARN (arn:aws:airflow:REGION:ACCOUNT:environment/NAME)"
  }),
  Schema.filter((s) => (s.split("/").at(-1) ?? s).length <= 80, {
    message: () => "environment_name's environment name must be at most 80 characters (MWAA)"
  }),
  Schema.brand("EnvironmentAddress"),
  Schema.annotations({ description: "MWAA environment: its name, region/name, or its ARN" })
)
export type EnvironmentAddress = typeof EnvironmentAddress.Type

/** An MWAA Serverless id (the model's IdString): a run id or a task instance id, 1 to 255 characters. */
const serverlessId = (field: string) =>
  Schema.String.pipe(
    Schema.minLength(1, { message: () => `${field} must not be empty` }),
    Schema.maxLength(255, { message: () => `${field} must be at most 255 characters (MWAA Serverless's IdString)` }),
    Schema.pattern(/^[a-zA-Z0-9]+[a-zA-Z0-9.\-_]*$/, {
      message: () => `${field} must start with a letter or digit and contain only letters, digits, '.', '-' and '_'`
    })
  )

export const WorkflowRunId = serverlessId("run_id").pipe(Schema.brand("WorkflowRunId"))
export type WorkflowRunId = typeof WorkflowRunId.Type
export const WorkflowTaskInstanceId = serverlessId("task_instance_id").pipe(Schema.brand("WorkflowTaskInstanceId"))
export type WorkflowTaskInstanceId = typeof WorkflowTaskInstanceId.Type

/** A workflow as a caller names it: its name (the model's NameString, 1 to 255) or its ARN (at most 2048). */
export const WorkflowAddress = Schema.String.pipe(
  Schema.minLength(1, { message: () => "workflow must not be empty" }),
  Schema.maxLength(2048, { message: () => "workflow must be at most 2048 characters (a name is at most 255)" }),
  Schema.pattern(/^(?:[a-zA-Z0-9]+[a-zA-Z0-9.\-_]*|arn:[\x21-\x7E]+)$/, {
    message: () => "workflow must be a workflow's name (letters, digits, '.', '-', '_') or its ARN (arn:aws:airflow-serverless:…)"
  }),
  Schema.filter((s) => s.startsWith("arn:") || s.length <= 255, {
    message: () => "workflow must be a name of at most 255 characters or an ARN"
  })
)
