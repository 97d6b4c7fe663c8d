import { Effect } from "effect"
import type { ClearTaskInstancesRequest } from "../../domain/clear-defaults.js"
import { EnvironmentCatalog } from "../../domain/environment-catalog.js"
import { clearTaskInstances } from "../../domain/usecases/task-instances.js"
import { withEnvironment } from "../with-environment.js"

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
