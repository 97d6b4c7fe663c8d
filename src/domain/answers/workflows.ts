import { Schema } from "effect"
import { DefinitionLocation } from "../../ports/Workflows.js"

/**
 * MWAA Serverless workflows as the read tools answer them: the service's configuration in
 * snake_case, the definition's S3 location shown (never its text: get-workflow-definition reads
 * that, bounded and masked), and the versions newest first.
 */

const Text = Schema.NullOr(Schema.String)

/** One workflow of a listing (its latest version's). */
export const WorkflowRow = Schema.Struct({
  name: Text,
  arn: Schema.String,
  status: Text,
  version: Text,
  trigger_mode: Text,
  /** The owner's free text: shown below the data label, stripped of invisible characters like all text. */
  description: Text,
  created_at: Text,
  modified_at: Text
})
export type WorkflowRow = typeof WorkflowRow.Type

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

/** A workflow's configuration at one version. */
export const WorkflowDetail = Schema.Struct({
  ...WorkflowRow.fields,
  engine_version: Schema.NullOr(Schema.Number),
  schedule: Text,
  role_arn: Text,
  log_group: Text,
  definition_location: Schema.NullOr(DefinitionLocation),
  encryption: Schema.NullOr(Schema.Struct({ type: Text, kms_key_id: Text })),
  network: Schema.NullOr(Schema.Struct({ security_group_ids: Schema.Array(Schema.String), subnet_ids: Schema.Array(Schema.String) }))
})
export type WorkflowDetail = typeof WorkflowDetail.Type
