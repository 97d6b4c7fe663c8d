import { Effect } from "effect"
import { Workflows } from "../../ports/Workflows.js"
import { maskSecretsInText } from "../redaction.js"

/**
 * The first suspect of a workflow run that failed: was it run on the workflow's latest version,
 * or has the definition changed since? One ListWorkflowVersions call (newest first); when it
 * cannot be read, the note says why and the diagnosis stands without it.
 */

export interface WorkflowVersionsFinding {
  readonly workflow_versions: {
    /** The version the run used. */
    readonly run: string | null
    readonly run_version_created_at: string | null
    readonly latest: string | null
    readonly latest_created_at: string | null
    /** True when the workflow has a newer version than the run's; null when either is unknown. */
    readonly changed: boolean | null
  } | null
  readonly workflow_versions_note: string | null
}

/** Versions listed: the run's is usually among the newest. */
const VERSION_PAGE_SIZE = 100

export const compareWorkflowVersions = (arn: string, runVersion: string | null) =>
  Effect.gen(function* () {
    const listing = yield* (yield* Workflows).listVersions(arn, { max_results: VERSION_PAGE_SIZE })
    const latest = listing.items.find((v) => v.is_latest === true) ?? listing.items[0]
    const ofRun = listing.items.find((v) => v.version === runVersion)
    const finding: WorkflowVersionsFinding = {
      workflow_versions: {
        run: runVersion,
        run_version_created_at: ofRun?.created_at ?? null,
        latest: latest?.version ?? null,
        latest_created_at: latest?.created_at ?? null,
        changed: runVersion === null || latest === undefined ? null : latest.version !== runVersion
      },
      workflow_versions_note: null
    }
    return finding
  }).pipe(
    Effect.catchAll((e) =>
      Effect.succeed<WorkflowVersionsFinding>({
        workflow_versions: null,
        workflow_versions_note: `The workflow's versions could not be read: ${maskSecretsInText(e.message).text}`
      })
    )
  )
