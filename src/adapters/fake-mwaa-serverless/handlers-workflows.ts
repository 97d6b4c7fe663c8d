import { type Answer, notFound, ok } from "./errors.js"
import { type Input, workflowVersionProblems } from "./input-checks.js"
import { findWorkflow } from "./lookups.js"
import { page } from "./pagination.js"
import type { SeedS3Location, SeedWorkflowVersion } from "./seed-types.js"
import { type ServerlessState, type WorkflowRecord, latestVersionOf, roleArnOf } from "./state.js"

/** GetWorkflow, ListWorkflows, ListWorkflowVersions: exactly the model's output members. */

const s3LocationOf = (location: SeedS3Location) => ({
  Bucket: location.bucket,
  ObjectKey: location.objectKey,
  ...(location.versionId === undefined ? {} : { VersionId: location.versionId })
})

const scheduleOf = (version: SeedWorkflowVersion) =>
  version.cronExpression === undefined ? {} : { ScheduleConfiguration: { CronExpression: version.cronExpression } }

const triggerModeOf = (version: SeedWorkflowVersion) => (version.triggerMode === undefined ? {} : { TriggerMode: version.triggerMode })

const latestOf = (workflow: WorkflowRecord): SeedWorkflowVersion | undefined => workflow.seed.versions.at(-1)

/** WorkflowSummary: the latest version's. */
const summaryOf = (workflow: WorkflowRecord) => {
  const latest = latestOf(workflow)
  return {
    WorkflowArn: workflow.arn,
    WorkflowVersion: latestVersionOf(workflow.seed),
    Name: workflow.seed.name,
    ...(workflow.seed.description === undefined ? {} : { Description: workflow.seed.description }),
    CreatedAt: workflow.seed.createdAt,
    ModifiedAt: latest?.createdAt ?? workflow.seed.createdAt,
    WorkflowStatus: workflow.seed.status,
    ...(latest === undefined ? {} : triggerModeOf(latest))
  }
}

/**
 * GET of one workflow, at its latest version or the one asked for. The definition's S3
 * location is answered; WorkflowDefinition (the YAML itself) is not, so nothing leaks it.
 */
export const getWorkflow = (state: ServerlessState, input: Input): Answer => {
  const lookup = findWorkflow(state, input, workflowVersionProblems(input))
  if ("answer" in lookup) return lookup.answer
  const workflow = lookup.found
  const asked = input["WorkflowVersion"] as string | undefined
  const version = asked === undefined ? latestOf(workflow) : workflow.seed.versions.find((v) => v.version === asked)
  if (version === undefined) return notFound("WorkflowVersion", asked ?? workflow.arn)
  const { seed } = workflow
  return ok({
    WorkflowArn: workflow.arn,
    WorkflowVersion: version.version,
    Name: seed.name,
    ...(seed.description === undefined ? {} : { Description: seed.description }),
    CreatedAt: seed.createdAt,
    ModifiedAt: version.createdAt,
    EncryptionConfiguration: { Type: "AWS_MANAGED_KEY" },
    LoggingConfiguration: { LogGroupName: seed.logGroupName },
    EngineVersion: 1,
    WorkflowStatus: seed.status,
    DefinitionS3Location: s3LocationOf(version.definition),
    ...scheduleOf(version),
    RoleArn: roleArnOf(state.location, seed.roleName),
    ...triggerModeOf(version)
  })
}

/** Workflows in name order, paged (MaxResults 1..100, default 20). */
export const listWorkflows = (state: ServerlessState, input: Input): Answer => {
  const workflows = [...state.workflows.values()].sort((a, b) => a.seed.name.localeCompare(b.seed.name) || a.arn.localeCompare(b.arn))
  return page(input, "workflows", workflows, "Workflows", summaryOf)
}

/** A workflow's versions, newest first, paged. */
export const listWorkflowVersions = (state: ServerlessState, input: Input): Answer => {
  const lookup = findWorkflow(state, input)
  if ("answer" in lookup) return lookup.answer
  const workflow = lookup.found
  const latest = latestVersionOf(workflow.seed)
  const versions = [...workflow.seed.versions].reverse()
  return page(input, `versions:${workflow.arn}`, versions, "WorkflowVersions", (version) => ({
    WorkflowVersion: version.version,
    WorkflowArn: workflow.arn,
    IsLatestVersion: version.version === latest,
    CreatedAt: version.createdAt,
    ModifiedAt: version.createdAt,
    DefinitionS3Location: s3LocationOf(version.definition),
    ...scheduleOf(version),
    ...triggerModeOf(version)
  }))
}
