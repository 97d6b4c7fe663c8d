/** Sent to the assistant at initialize: the triage workflow and the safety rules. */
export const instructions = (allowWrite: boolean): string =>
  [
    "This server operates Apache Airflow on Amazon MWAA through AWS APIs.",
    "Environment: the tools that act on one environment take an optional environment_name; without it the server uses MWAA_ENVIRONMENT or the region's only environment (list-environments shows them). update-environment and delete-environment always need the name. A server configured with several targets (regions, accounts) takes a target's alias, region/name or the environment's ARN there; a name two targets share is refused with the choices.",
    'Triage a failure: diagnose-dag-run with the dag_id (default: its latest failed run) gives the failed tasks, each one\'s exception and traceback, and the DAG\'s import errors in one call. Step by step instead: list-dag-runs (state=failed, newest first) → list-task-instances for that run (state=["failed","upstream_failed"]) → get-task-logs for a failed task (the end of its latest try, with error_excerpt; filter/level to search it, continuation_token to read further back) → get-dag-source to relate the error to code. If a DAG is missing or broken, call get-import-errors.',
    "Answers are compact and bounded: list tools return the fields needed to triage (full=true for whole records); a cut answer says how to get the rest.",
    'Overview: get-fleet-health answers "is anything failing anywhere?" for every environment the server reaches, worst first; get-environment-health answers "is this environment OK?" in one call (MWAA status, Airflow\'s components, import errors, DAGs failing in the last 24 h). To follow a run to its end (after trigger-dag-run or clear-task-instances), call wait-for-dag-run instead of polling get-dag-run.',
    "Ids: use dag_id and dag_run_id exactly as list tools return them. Lists are paged: pass next_offset as offset.",
    "Safety: secrets are never returned (connection passwords and extras, sensitive variables, credentials in logs are masked).",
    allowWrite
      ? "Writes are enabled (--allow-write). Before any write, say what it will change and get the user's confirmation. clear-task-instances is a dry run unless dry_run=false: show the dry run first. Never delete an environment unless the user asked for it by name."
      : "The server is read-only: write tools (create/update/delete-environment, pause-dag, unpause-dag, trigger-dag-run, clear-task-instances) will refuse until the server is restarted with --allow-write. Suggest the action to the user instead."
  ].join("\n")
