import { Effect } from "effect"
import { VersionedDagRunAnswer, VersionedDagRunListAnswer, type VersionedDagRun } from "../answers/history.js"
import type { DagVersion } from "../model-history.js"
import { maskSecretsInText } from "../redaction.js"
import type { AirflowMajor } from "../routes.js"
import { listDagRunsAs } from "./dag-runs.js"

/**
 * What changed since the DAG last worked: on Airflow 3, the DAG versions the diagnosed run used
 * and those of the latest successful run that started before it (one runs-list call, newest
 * first, limit 1). A failure right after a new version is the first suspect. Airflow 2 records
 * no versions: nothing is asked.
 */

/** Run answers decoded with their dag_versions. */
export const VERSIONED_RUNS = { one: VersionedDagRunAnswer, list: VersionedDagRunListAnswer }

export interface VersionChange {
  /** The versions the diagnosed run used (usually one). */
  readonly run: ReadonlyArray<DagVersion>
  readonly last_success: {
    readonly dag_run_id: string
    readonly start_date: string | null
    readonly versions: ReadonlyArray<DagVersion>
  } | null
  /** Whether the run's newest version differs from the last success's; null without a success to compare. */
  readonly changed: boolean | null
}

export interface VersionsFinding {
  readonly dag_versions: VersionChange | null
  readonly dag_versions_note: string | null
}

/** Why a diagnosis on Airflow 2 has no dag_versions. */
export const NO_VERSIONS_ON_AIRFLOW_2 = "Airflow 2 records no DAG versions (Airflow 3 does)."

const newest = (versions: ReadonlyArray<DagVersion>) => Math.max(-1, ...versions.map((v) => v.version_number))

export const compareVersions = (env: string, v: AirflowMajor, run: VersionedDagRun) =>
  Effect.gen(function* () {
    if (v === 2) {
      return { dag_versions: null, dag_versions_note: NO_VERSIONS_ON_AIRFLOW_2 } satisfies VersionsFinding
    }
    const versions = run.dag_versions ?? []
    if (run.state === "success") {
      return { dag_versions: { run: versions, last_success: null, changed: null }, dag_versions_note: null } satisfies VersionsFinding
    }
    const filters = { state: ["success"], limit: 1, offset: 0, order_by: "-start_date", start_date_lte: run.start_date ?? undefined }
    const found = yield* Effect.either(listDagRunsAs(VERSIONED_RUNS)(env, run.dag_id, filters))
    if (found._tag === "Left") {
      return {
        dag_versions: { run: versions, last_success: null, changed: null },
        dag_versions_note: `The last successful run could not be read: ${maskSecretsInText(found.left.message).text}`
      } satisfies VersionsFinding
    }
    const success = found.right.dag_runs[0]
    if (success === undefined) {
      return {
        dag_versions: { run: versions, last_success: null, changed: null },
        dag_versions_note: "No successful run of this DAG started before this one."
      } satisfies VersionsFinding
    }
    const successVersions = success.dag_versions ?? []
    return {
      dag_versions: {
        run: versions,
        last_success: { dag_run_id: success.dag_run_id, start_date: success.start_date, versions: successVersions },
        changed: newest(versions) !== newest(successVersions)
      },
      dag_versions_note: null
    } satisfies VersionsFinding
  })
