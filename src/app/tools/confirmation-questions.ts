import { Effect } from "effect"
import type { ClearTaskInstancesRequest } from "../../domain/clear-defaults.js"
import { EnvironmentCatalog } from "../../domain/environment-catalog.js"
import { clearTaskInstances } from "../../domain/usecases/task-instances.js"
import { runToStop } from "../../domain/usecases/workflow-writes.js"
import { runStateOf } from "../../domain/workflow-model.js"
import { withEnvironment } from "../with-environment.js"
import { withWorkflow } from "../with-workflow.js"

/**
 * The questions a client puts to its user before an irreversible change, naming exactly what will
 * change. They quote ids and states from the environment: the tool host masks and bounds them like
 * any text that leaves the server.
 */

/** At most this many task instances are named; the count says how many there are. */
const LISTED = 20

export const deleteEnvironmentQuestion = (name: string) =>
  Effect.gen(function* () {
    const environment = yield* (yield* EnvironmentCatalog).fresh(name)
    const facts = [
      environment.airflow_version === null ? null : `Airflow ${environment.airflow_version}`,
      environment.status?.toLowerCase(),
      environment.environment_class
    ].filter((fact) => fact !== null && fact !== undefined)
    return (
      `Delete the MWAA environment "${name}"${facts.length > 0 ? ` (${facts.join(", ")})` : ""}? ` +
      "Its Airflow metadata (run history, and the connections and variables stored in it) is lost. This cannot be undone."
    )
  })

/** What clearing would do, read with a dry run first; no question when it would clear nothing. */
export const clearTaskInstancesQuestion = (explicit: string | undefined, dagId: string, request: ClearTaskInstancesRequest) =>
  withEnvironment(explicit, (environment) =>
    Effect.gen(function* () {
      if (request.dry_run) return undefined
      const wouldClear = yield* clearTaskInstances(environment, dagId, { ...request, dry_run: true })
      if (wouldClear.count === 0) return undefined
      const listed = wouldClear.task_instances
        .slice(0, LISTED)
        .map((ti) => `- ${ti.task_id}${ti.map_index >= 0 ? `[${ti.map_index}]` : ""} of run ${ti.dag_run_id} (${ti.state ?? "no state"})`)
      const more = wouldClear.count > LISTED ? [`- … and ${wouldClear.count - LISTED} more`] : []
      return [
        `Clear ${wouldClear.count} task instance(s) of DAG "${dagId}" in environment "${environment}", so that they run again?`,
        ...listed,
        ...more
      ].join("\n")
    })
  )

/**
 * The run a stop would end, read fresh: its state, version and start. No question for a run that
 * already ended: the call then says so, and sends nothing.
 */
export const stopWorkflowRunQuestion = (address: string, runId: string) =>
  withWorkflow(address, (workflow) =>
    runToStop(workflow, runId).pipe(
      Effect.map((run) => {
        const facts = [
          `${run.status ?? "no status"}${run.status === null ? "" : ` (${runStateOf(run.status)})`}`,
          run.started_at === null ? "not started yet" : `started ${run.started_at}`,
          run.version === null ? null : `version ${run.version}`
        ].filter((fact) => fact !== null)
        return (
          `Stop run "${run.run_id}" of MWAA Serverless workflow "${workflow.name}" (${facts.join(", ")})? ` +
          "Its running tasks are stopped and the run ends STOPPED. This cannot be undone: a new run starts from the beginning."
        )
      }),
      Effect.catchTag("WorkflowRunEnded", () => Effect.succeed(undefined))
    )
  )
