import type { Dag, DagRun, ImportError, TaskInstance } from "./model.js"

/**
 * Airflow 2.x (REST v1) and 3.x (REST v2) answer with different shapes; everything a tool
 * returns goes through here first so the assistant sees one shape. Input is `unknown`
 * because it is whatever Airflow sent: every field is read defensively.
 */

export type Json = Readonly<Record<string, unknown>>

export const asRecord = (u: unknown): Json => (typeof u === "object" && u !== null && !Array.isArray(u) ? (u as Json) : {})
export const asArray = (u: unknown): ReadonlyArray<unknown> => (Array.isArray(u) ? u : [])
const str = (u: unknown): string | null => (typeof u === "string" ? u : null)
const num = (u: unknown): number | null => (typeof u === "number" && Number.isFinite(u) ? u : null)
const bool = (u: unknown): boolean | null => (typeof u === "boolean" ? u : null)

/** Airflow 2 sends schedule_interval as {__type, value}; Airflow 3 sends timetable_summary. */
const schedule = (raw: Json): string | null => {
  const summary = str(raw["timetable_summary"]) ?? str(raw["timetable_description"])
  const interval = asRecord(raw["schedule_interval"])
  return str(interval["value"]) ?? str(raw["schedule_interval"]) ?? summary
}

export const normalizeDag = (u: unknown): Dag => {
  const raw = asRecord(u)
  // Airflow 3.0 replaced is_active with is_stale (its negation).
  const stale = bool(raw["is_stale"])
  return {
    dag_id: str(raw["dag_id"]) ?? "",
    description: str(raw["description"]),
    is_paused: bool(raw["is_paused"]),
    is_active: bool(raw["is_active"]) ?? (stale === null ? null : !stale),
    owners: asArray(raw["owners"]).flatMap((o) => (typeof o === "string" ? [o] : [])),
    tags: asArray(raw["tags"]).flatMap((t) => {
      const name = typeof t === "string" ? t : str(asRecord(t)["name"])
      return name === null ? [] : [name]
    }),
    schedule: schedule(raw),
    next_dagrun_logical_date: str(raw["next_dagrun_logical_date"]) ?? str(raw["next_dagrun"]),
    fileloc: str(raw["fileloc"]),
    has_import_errors: bool(raw["has_import_errors"]),
    max_active_runs: num(raw["max_active_runs"])
  }
}

export const normalizeDagRun = (u: unknown): DagRun => {
  const raw = asRecord(u)
  const conf = raw["conf"]
  return {
    dag_id: str(raw["dag_id"]) ?? "",
    dag_run_id: str(raw["dag_run_id"]) ?? str(raw["run_id"]) ?? "",
    state: str(raw["state"]),
    run_type: str(raw["run_type"]),
    // Airflow 2 sends both execution_date and logical_date; older 2.x only execution_date.
    logical_date: str(raw["logical_date"]) ?? str(raw["execution_date"]),
    start_date: str(raw["start_date"]),
    end_date: str(raw["end_date"]),
    data_interval_start: str(raw["data_interval_start"]),
    data_interval_end: str(raw["data_interval_end"]),
    conf: typeof conf === "object" && conf !== null && !Array.isArray(conf) ? (conf as Record<string, unknown>) : null,
    note: str(raw["note"])
  }
}

export const normalizeTaskInstance = (u: unknown): TaskInstance => {
  const raw = asRecord(u)
  return {
    dag_id: str(raw["dag_id"]) ?? "",
    dag_run_id: str(raw["dag_run_id"]) ?? str(raw["run_id"]) ?? "",
    task_id: str(raw["task_id"]) ?? "",
    map_index: num(raw["map_index"]) ?? -1,
    state: str(raw["state"]),
    try_number: num(raw["try_number"]) ?? 0,
    max_tries: num(raw["max_tries"]),
    operator: str(raw["operator"]) ?? str(raw["operator_name"]),
    logical_date: str(raw["logical_date"]) ?? str(raw["execution_date"]),
    start_date: str(raw["start_date"]),
    end_date: str(raw["end_date"]),
    duration: num(raw["duration"]),
    hostname: str(raw["hostname"]),
    pool: str(raw["pool"]),
    queue: str(raw["queue"])
  }
}

export const normalizeImportError = (u: unknown): ImportError => {
  const raw = asRecord(u)
  return {
    import_error_id: num(raw["import_error_id"]),
    filename: str(raw["filename"]),
    timestamp: str(raw["timestamp"]),
    stack_trace: str(raw["stack_trace"])
  }
}
