import { Schema } from "effect"
import { DefinitionLocation, Workflow, WorkflowSummary } from "../../ports/Workflows.js"

/**
 * MWAA Serverless workflows as the read tools answer them: the service's configuration in
 * snake_case, the definition's S3 location shown (never its text: get-workflow-definition reads
 * that, bounded and masked), and the versions newest first.
 */

const Text = Schema.NullOr(Schema.String)

/**
 * One workflow of a listing (its latest version's): the port's WorkflowSummary as it is. Its
 * description is the owner's free text: shown below the data label, stripped of invisible characters like all text.
 */
export const WorkflowRow = WorkflowSummary
export type WorkflowRow = WorkflowSummary

/** One version of a workflow. */
export const WorkflowVersionRow = Schema.Struct({
  version: Schema.String,
  is_latest: Schema.Boolean,
  created_at: Text,
  modified_at: Text,
  schedule: Text,
  trigger_mode: Text,
  definition_location: Schema.NullOr(DefinitionLocation)
})
export type WorkflowVersionRow = typeof WorkflowVersionRow.Type

/** A workflow's configuration at one version: the port's Workflow (the definition's location, never its text). */
export const WorkflowDetail = Workflow
export type WorkflowDetail = Workflow
