import { Schema } from "effect"
import { DagId, DagRunId, EnvironmentName, TaskId, WorkflowRunId } from "../domain/ids.js"
import { WORKFLOW_NAME } from "../domain/workflow-resolution.js"

/**
 * What a tool's summary line may say. The summary is printed above DATA_LABEL, in the server's own
 * voice, so it carries only what the server computed or validated: counts, numbers, booleans, values
 * of an enumeration, and single ids. Everything else the environment wrote (log lines, exception
 * text, stack traces, descriptions, file paths, schedules, notes, error messages) stays below the
 * label, in the structured answer, where the assistant is told it is data.
 *
 * Ids that come back from the environment are environment text too. The rule, applied in every tool:
 * - a single id naming the object the tool answered about (its DAG, run, task or environment) is
 *   shown only when it passes the same strict pattern the tools demand of their arguments (ids.ts)
 *   and is at most MAX_ID_CHARS long: such an id has no spaces, quotes or sentence punctuation, so it
 *   cannot read as an instruction, and in practice it echoes the id the caller sent;
 * - lists of ids the environment returned (connection ids, variable keys, environment names, DAG
 *   ids, import-error files) are never shown, only counted: there is no caller id to echo, and a
 *   list is where a planted name would hide.
 * A value that fails its check is replaced by a fixed placeholder, never quoted.
 */
export const MAX_ID_CHARS = 100

const NOT_SHOWN = "(id not shown: see the data below)"

export const idOf =
  <A>(schema: Schema.Schema<A, string>) =>
  (value: string | null | undefined): string => {
    const is = Schema.is(schema)
    return typeof value === "string" && value.length <= MAX_ID_CHARS && is(value) ? value : NOT_SHOWN
  }

export const dagIdText = idOf(DagId)
export const runIdText = idOf(DagRunId)
export const taskIdText = idOf(TaskId)
export const environmentText = idOf(EnvironmentName)

/**
 * An enumerated word the environment reports (a run or task state, an MWAA status, an environment
 * class, a version): Airflow's and MWAA's values are single short tokens, so anything else is not
 * one of them and is not repeated.
 */
const WORD = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/

export const wordText = (value: string | null | undefined, absent: string): string =>
  value === null || value === undefined ? absent : WORD.test(value) ? value : "(unrecognised value)"

/** An ISO 8601 timestamp, as Airflow writes them; anything else is not repeated. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/

export const timestampText = (value: string | null | undefined, absent: string): string =>
  value === null || value === undefined ? absent : TIMESTAMP.test(value) ? value : "(unrecognised time)"

/** A workflow's name and a workflow run's id, as the workflow tools' summaries show them. */
export const workflowNameText = idOf(Schema.String.pipe(Schema.pattern(WORKFLOW_NAME)))
export const workflowRunIdText = idOf(WorkflowRunId)
