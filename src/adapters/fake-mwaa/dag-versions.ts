import type * as S from "./state.js"
import { iso3, micros } from "./time.js"
import { stableUuid } from "./tokens.js"

/**
 * Airflow 3's DAG versions: a new one each time the DAG's serialized form changes. A run is
 * planned with the newest version created before it was queued (Airflow records it in the
 * run's dag_versions and each task instance's dag_version).
 */
export const DAG_BUNDLE = "dags-folder"

export const latestVersion = (dag: S.DagRecord): S.DagVersionRecord | undefined => dag.versions[dag.versions.length - 1]

/** The version a run used: the newest created at or before the run was queued (else started, else ran after). */
export const versionOfRun = (dag: S.DagRecord, run: S.DagRunRecord): S.DagVersionRecord | undefined => {
  const at = micros(run.queuedAt ?? run.startDate ?? run.runAfter)
  if (at === undefined) return latestVersion(dag)
  const used = dag.versions.filter((v) => (micros(v.createdAt) ?? 0) <= at)
  return used[used.length - 1] ?? dag.versions[0]
}

/** DagVersionResponse (3.0 and 3.2; 3.2 adds dag_display_name, which 3.0's schema admits as an extra member). */
export const dagVersionView = (dag: S.DagRecord, version: S.DagVersionRecord | undefined) =>
  version === undefined
    ? null
    : {
        id: stableUuid(`dag_version/${dag.dagId}/${version.versionNumber}`),
        version_number: version.versionNumber,
        dag_id: dag.dagId,
        bundle_name: DAG_BUNDLE,
        bundle_version: version.bundleVersion,
        created_at: iso3(version.createdAt),
        bundle_url: null,
        dag_display_name: dag.dagId
      }
