import type { WorkflowSummary } from "../ports/Workflows.js"
import { readWorkflowArn } from "./workflow-resolution.js"

/**
 * MWAA Serverless workflows beside MWAA environments, in the answers that list what a server
 * reaches (list-environments, get-fleet-health): each marked with its kind, so an assistant tells a
 * workflow from an environment without reading the ARN. Pure.
 */
export const WORKFLOW_KIND = "serverless-workflow" as const

/** Workflows named in one listing, at most: list-workflows lists them all. */
export const MAX_LISTED_WORKFLOWS = 50

/** One workflow as a listing of what the server reaches names it. */
export interface WorkflowEntry {
  readonly name: string
  readonly arn: string
  readonly status: string | null
  readonly kind: typeof WORKFLOW_KIND
}

/** The name a summary lacks is the ARN's (NAME-SUFFIX: the name before AWS's suffix). */
const nameOf = (w: WorkflowSummary): string => w.name ?? readWorkflowArn(w.arn)?.name ?? w.arn

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** The workflows by name (then ARN, so the order is stable), at most `max`, and how many more there are. */
export const workflowEntries = (
  found: ReadonlyArray<WorkflowSummary>,
  max: number = MAX_LISTED_WORKFLOWS
): { readonly workflows: ReadonlyArray<WorkflowEntry>; readonly more: number } => {
  const sorted = [...found].sort((a, b) => compare(nameOf(a), nameOf(b)) || compare(a.arn, b.arn))
  const shown = sorted.slice(0, max).map((w): WorkflowEntry => ({ name: nameOf(w), arn: w.arn, status: w.status, kind: WORKFLOW_KIND }))
  return { workflows: shown, more: found.length - shown.length }
}
