/** What a caller may say when clearing task instances; unset flags get the safe defaults. */
export interface ClearTaskInstancesInput {
  readonly dag_id: string
  readonly dag_run_id?: string | undefined
  readonly task_ids?: ReadonlyArray<string> | undefined
  readonly dry_run?: boolean | undefined
  readonly only_failed?: boolean | undefined
  readonly include_upstream?: boolean | undefined
  readonly include_downstream?: boolean | undefined
  readonly only_running?: boolean | undefined
  readonly reset_dag_runs?: boolean | undefined
}

/** The body sent to Airflow's clearTaskInstances: every flag explicit, so Airflow's own defaults never apply. */
export interface ClearTaskInstancesRequest {
  readonly dag_id: string
  readonly dag_run_id?: string
  readonly task_ids?: ReadonlyArray<string>
  readonly dry_run: boolean
  readonly only_failed: boolean
  readonly include_upstream: boolean
  readonly include_downstream: boolean
  readonly only_running: boolean
  readonly reset_dag_runs: boolean
}

/**
 * Applies the safety defaults. Clearing re-runs tasks, so it is a dry run touching only failed
 * tasks unless the caller explicitly says `false`; anything but a literal `false` keeps the safe side.
 *
 * reset_dag_runs defaults to true: Airflow 3 defaults it to true but Airflow 2 to false, and with
 * false a cleared task in a finished run is never scheduled again. Sending it explicitly gives one
 * behaviour on both versions.
 *
 * Airflow 2 rejects only_failed together with only_running; that conflict is left for Airflow to
 * name rather than silently dropping one of the caller's choices.
 */
export const clearTaskInstancesRequest = (input: ClearTaskInstancesInput): ClearTaskInstancesRequest => ({
  dag_id: input.dag_id,
  ...(input.dag_run_id !== undefined ? { dag_run_id: input.dag_run_id } : {}),
  ...(input.task_ids !== undefined ? { task_ids: input.task_ids } : {}),
  dry_run: input.dry_run !== false,
  only_failed: input.only_failed !== false,
  include_upstream: input.include_upstream === true,
  include_downstream: input.include_downstream === true,
  only_running: input.only_running === true,
  reset_dag_runs: input.reset_dag_runs !== false
})
