import type { DiagnosisAnswer } from "../../src/app/tools/diagnosis-fit.js"

/**
 * A diagnose-dag-run answer holding only these failed tasks (no run, upstream failures, import
 * errors, DAG versions or next steps): what the tests of fitDiagnosis give it to cut.
 */
export const diagnosisOf = (dag_id: string, failed_tasks: DiagnosisAnswer["failed_tasks"]): DiagnosisAnswer => ({
  dag_id,
  run: null,
  picked: "given",
  counts: { failed: failed_tasks.length, upstream_failed: 0, up_for_retry: 0 },
  failed_tasks,
  failed_tasks_not_read: 0,
  upstream_failed: [],
  import_errors: [],
  dag_versions: null,
  dag_versions_note: null,
  next_steps: []
})
