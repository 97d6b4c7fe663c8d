import type { DagRun } from "../domain/model.js"
import type { HealthFinding, HealthNext } from "../domain/health.js"
import type { NextStep } from "../domain/usecases/diagnose-run.js"
import type { WaitNext } from "../domain/usecases/wait-for-run.js"

/**
 * The domain's next steps in the catalogue's words: which tool, with which arguments, and why.
 * The use cases say what to look at next ({ next: "read-task-log", ... }); only this file knows
 * what the tools that do it are called, so renaming a tool touches the app alone.
 */

/** A next step as diagnose-dag-run answers it: a tool call an assistant can make as it is. */
export interface WordedStep {
  readonly tool: string
  readonly arguments: Readonly<Record<string, unknown>>
  readonly why: string
}

export const wordDiagnosisStep = (step: NextStep): WordedStep => {
  switch (step.next) {
    case "read-import-errors":
      return { tool: "get-import-errors", arguments: {}, why: "The DAG file does not import cleanly: its full stack traces." }
    case "read-dag":
      return {
        tool: "get-dag",
        arguments: { dag_id: step.dag_id },
        why: "The DAG has no runs yet: its schedule, start date and whether it is paused."
      }
    case "read-task-log":
      return {
        tool: "get-task-logs",
        arguments: {
          dag_id: step.dag_id,
          dag_run_id: step.dag_run_id,
          task_id: step.task_id,
          ...(step.map_index >= 0 ? { map_index: step.map_index } : {}),
          // The log's warnings and errors with a little context: what a failure's cause usually sits among.
          level: "warning",
          context_lines: 2
        },
        why: `The warnings and errors of ${step.task_id}'s log, the first task that failed.`
      }
    case "read-dag-source":
      return { tool: "get-dag-source", arguments: { dag_id: step.dag_id }, why: "The code at the lines the traceback names." }
    case "clear-failed-tasks":
      return {
        tool: "clear-task-instances",
        arguments: { dag_id: step.dag_id, dag_run_id: step.dag_run_id, task_ids: step.task_ids },
        why: "Once the cause is fixed: re-runs the failed tasks and, with include_downstream, what they blocked (a dry run unless dry_run is false; needs --allow-write)."
      }
    case "list-run-tasks":
      return {
        tool: "list-task-instances",
        arguments: { dag_id: step.dag_id, dag_run_id: step.dag_run_id },
        why: "Every task of the run and its state."
      }
  }
}

/** wait-for-dag-run's hint: what to call once the wait ends (or times out). */
export const waitHint = (next: WaitNext | null, run: Pick<DagRun, "dag_run_id" | "state">, waitedSeconds: number): string | null => {
  switch (next) {
    case "keep-waiting":
      return (
        `Run ${run.dag_run_id} is still ${run.state ?? "in an unknown state"} after ${Math.round(waitedSeconds)} s: call wait-for-dag-run again to keep ` +
        "waiting, or list-task-instances to see which tasks are running or queued."
      )
    case "diagnose":
      return `Run ${run.dag_run_id} failed: diagnose-dag-run with this dag_id and dag_run_id gives its failed tasks and their errors in one call.`
    case null:
      return null
  }
}

/** What a health finding's pointer adds to its text: the tools that show more. */
export const healthNextText = (next: HealthNext): string => {
  switch (next) {
    case "read-import-errors":
      return ": get-import-errors shows the stack traces."
    case "list-failed-runs":
      return " Next: list-dag-runs with state=failed, then list-task-instances for a failed run."
  }
}

/** A health finding as get-environment-health answers it: its text, then where to look next. */
export const healthFindingText = (finding: HealthFinding): string =>
  finding.next === undefined ? finding.text : `${finding.text}${healthNextText(finding.next)}`

/** A health report with its findings worded. */
export const wordHealth = <R extends { readonly findings: ReadonlyArray<HealthFinding> }>(report: R) => ({
  ...report,
  findings: report.findings.map(healthFindingText)
})
