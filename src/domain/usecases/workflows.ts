import { Effect } from "effect"
import { AppConfig } from "../../ports/AppConfig.js"
import { MwaaError } from "../../ports/MwaaError.js"
import { Workflows, type WorkflowVersion } from "../../ports/Workflows.js"
import type { WorkflowVersionRow } from "../answers/workflows.js"
import { maskYamlSecrets } from "../redaction-yaml.js"
import { runAnswerOf } from "../workflow-model.js"
import type { ResolvedWorkflow } from "../workflow-resolution.js"

/** MWAA Serverless workflow use cases: list, read (with versions and latest run), read the definition. */

/** Versions read for a workflow's answer: the service's first page, the newest shown first. */
export const VERSIONS_SHOWN = 20

/** Newest first; a version without a date last, so the dated order is never disturbed. */
const newestFirst = (a: WorkflowVersion, b: WorkflowVersion): number => (b.created_at ?? "").localeCompare(a.created_at ?? "")

/** One page of the region's workflows, the service's token passed through. */
export const listWorkflows = Effect.fnUntraced(function* (page: {
  readonly max_results: number
  readonly next_token?: string | undefined
}) {
  const listing = yield* (yield* Workflows).list(page)
  return { workflows: listing.items, next_token: listing.next_token }
})

/**
 * A workflow at its latest version (or the one asked for): its configuration, the definition's
 * location (not its text), its versions newest first, and its latest run (of that version, when one was asked for).
 */
export const getWorkflow = Effect.fnUntraced(function* (wf: ResolvedWorkflow, version: string | undefined) {
  const workflows = yield* Workflows
  const { extraSensitiveNames } = yield* AppConfig
  const [workflow, versions, runs] = yield* Effect.all(
    [
      workflows.get(wf.arn, version),
      workflows.listVersions(wf.arn, { max_results: VERSIONS_SHOWN }),
      workflows.listRuns(wf.arn, { max_results: 1, version })
    ],
    { concurrency: 3 }
  )
  const latest = runs.items[0]
  return {
    ...workflow,
    name: workflow.name ?? wf.name,
    versions: [...versions.items].sort(newestFirst).map(
      (v): WorkflowVersionRow => ({
        version: v.version,
        // The service says which is latest; without its word, the version GetWorkflow answered for the latest.
        is_latest: v.is_latest ?? (version === undefined && v.version === workflow.version),
        created_at: v.created_at,
        modified_at: v.modified_at,
        schedule: v.schedule,
        trigger_mode: v.trigger_mode,
        definition_location: v.definition_location
      })
    ),
    more_versions: versions.next_token !== null,
    latest_run: latest === undefined ? null : runAnswerOf(wf.name, latest, extraSensitiveNames)
  }
})

/** Bytes read past the asked-for bound, so a secret that straddles it is masked whole before the cut. */
const READ_MARGIN = 4096

/**
 * The head of a version's YAML definition (S3): read a little past `maxBytes`, masked whole (the
 * text rules and secret-named keys), then cut to `maxBytes` bytes at a line's end, so no
 * part of a secret is ever shown unmasked and no line is shown half.
 */
export const readWorkflowDefinition = Effect.fnUntraced(function* (wf: ResolvedWorkflow, version: string | undefined, maxBytes: number) {
  const workflows = yield* Workflows
  const { extraSensitiveNames } = yield* AppConfig
  const workflow = yield* workflows.get(wf.arn, version)
  const location = workflow.definition_location
  if (location === null) {
    return yield* new MwaaError({
      reason: "NotFound",
      operation: "GetWorkflow",
      message: `Workflow ${wf.name} has no definition location at version ${workflow.version ?? version ?? "latest"}.`
    })
  }
  const read = yield* workflows.readDefinition(location, maxBytes + READ_MARGIN)
  const masked = maskYamlSecrets(read.text, extraSensitiveNames)
  const bytes = new TextEncoder().encode(masked.text)
  const cut = bytes.length > maxBytes || read.truncated
  // The bound is in bytes (UTF-8): `stream` holds back a character the cut would split.
  const head = bytes.length > maxBytes ? new TextDecoder().decode(bytes.subarray(0, maxBytes), { stream: true }) : masked.text
  // A cut text ends at its last whole line: a half line may hold the start of a value no rule can read.
  const lastNewline = head.lastIndexOf("\n")
  const content = cut && lastNewline > 0 ? head.slice(0, lastNewline + 1) : cut ? "" : head
  return {
    workflow: wf.name,
    version: workflow.version,
    definition_location: location,
    content,
    masked: masked.masked,
    truncated: cut,
    total_bytes: read.total_bytes,
    shown_characters: content.length
  }
})
