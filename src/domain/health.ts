import type { AirflowHealth, ComponentHealth } from "./answers/health.js"

/**
 * An environment's health report and the rules that turn it into a verdict with findings. Pure:
 * the use case (usecases/environment-health.ts) gathers the parts; Airflow's own health answer is
 * decoded by answers/health.ts.
 */

export type { AirflowHealth, ComponentHealth }

// ---- the report and its verdict -------------------------------------------------------------

export interface HealthPart extends AirflowHealth {
  readonly error: string | null
}
export interface ImportErrorsPart {
  readonly count: number | null
  readonly error: string | null
}
export interface DagCountsPart {
  /** DAGs whose file still defines them, paused. */
  readonly paused: number | null
  /** DAGs whose file still defines them, not paused: the ones the scheduler runs. */
  readonly active: number | null
  readonly error: string | null
}
export interface FailingDagsPart {
  /** Distinct DAGs among the failed runs read; a lower bound when `complete` is false. */
  readonly count: number | null
  readonly dag_ids: ReadonlyArray<string>
  /** Failed runs in the window, as Airflow counts them (total_entries). */
  readonly failed_runs: number | null
  /** Whether every failed run of the window was read (at most one page is). */
  readonly complete: boolean
  readonly window_start: string | null
  readonly window_end: string | null
  readonly meaning: string
  readonly error: string | null
}
export interface AirflowPart {
  /** Whether Airflow's API answered at least one probe. */
  readonly available: boolean
  readonly unavailable_reason: string | null
  readonly health: HealthPart | null
  readonly import_errors: ImportErrorsPart | null
  readonly dags: DagCountsPart | null
  readonly failing_dags: FailingDagsPart | null
}
export interface MwaaPart {
  readonly status: string | null
  readonly airflow_version: string | null
  readonly created_at: string | null
  readonly last_update: {
    readonly status: string | null
    readonly created_at: string | null
    readonly error_code: string | null
    readonly error_message: string | null
  }
}

export type Verdict = "healthy" | "degraded" | "unhealthy"

/**
 * Statuses in which Airflow's API is probed: AVAILABLE, and UPDATE_FAILED, which MWAA documents
 * as "restored to its previous state successfully and is ready to use".
 */
export const PROBED_STATUSES: ReadonlyArray<string> = ["AVAILABLE", "UPDATE_FAILED"]

/** MWAA statuses in which Airflow is not usable at all, with what each means. */
const BROKEN: Readonly<Record<string, string>> = {
  CREATING: "the environment is being created; Airflow is not up yet",
  PENDING: "creation is paused until the VPC endpoints it needs exist",
  CREATE_FAILED: "the environment could not be created",
  UNAVAILABLE: "a request failed and the environment did not return to a stable state",
  DELETING: "the environment is being deleted",
  DELETED: "the environment was deleted"
}
/** Statuses of an environment that is changing: Airflow may come and go until it is AVAILABLE again. */
const CHANGING: Readonly<Record<string, string>> = {
  UPDATING: "an update is in progress",
  CREATING_SNAPSHOT: "MWAA is taking a database snapshot before an update or upgrade",
  ROLLING_BACK: "an update failed and MWAA is restoring the environment from its snapshot",
  MAINTENANCE: "MWAA is maintaining the environment; Airflow may be briefly unavailable"
}

/** An Airflow API failure that says the API itself is down, not that we may not look. */
export const API_DOWN_REASONS: ReadonlyArray<string> = ["AirflowServerError", "Timeout", "Unavailable"]

/** Where a finding points for more: the app words it as the tools to call (src/app/next-steps.ts). */
export type HealthNext = "read-import-errors" | "list-failed-runs"

/** One thing found, and where to look next; the app joins the two into the finding's words. */
export interface HealthFinding {
  readonly text: string
  readonly next?: HealthNext
}

interface Finding extends HealthFinding {
  readonly level: Exclude<Verdict, "healthy">
}

const mwaaFindings = (m: MwaaPart): Array<Finding> => {
  const status = m.status ?? "unknown"
  const lastError = m.last_update.error_message === null ? "" : ` (${m.last_update.error_code ?? "error"}: ${m.last_update.error_message})`
  if (status === "AVAILABLE") {
    return m.last_update.status === "FAILED" ? [{ level: "degraded", text: `The last environment update failed${lastError}.` }] : []
  }
  if (status === "UPDATE_FAILED") {
    return [
      {
        level: "degraded",
        text: `MWAA status UPDATE_FAILED: the last update failed${lastError} and MWAA restored the previous environment, which still runs.`
      }
    ]
  }
  const broken = BROKEN[status]
  if (broken !== undefined) return [{ level: "unhealthy", text: `MWAA status ${status}: ${broken}${lastError}.` }]
  const changing = CHANGING[status]
  if (changing !== undefined) return [{ level: "degraded", text: `MWAA status ${status}: ${changing}. Check again once it is AVAILABLE.` }]
  return [{ level: "degraded", text: `MWAA status ${status}: not a status this server knows; Airflow was not probed.` }]
}

const componentFindings = (h: HealthPart, apiDown: boolean): Array<Finding> => {
  if (h.error !== null) {
    return [
      apiDown
        ? { level: "unhealthy", text: `Airflow's API is not answering: ${h.error}` }
        : { level: "degraded", text: `Airflow's health could not be read: ${h.error}` }
    ]
  }
  const unhealthy = (name: string, c: ComponentHealth | null, level: Finding["level"], effect: string): Array<Finding> =>
    c?.status === "unhealthy"
      ? [
          {
            level,
            text: `The ${name} is unhealthy${c.latest_heartbeat === null ? " (no heartbeat)" : ` (latest heartbeat ${c.latest_heartbeat})`}: ${effect}.`
          }
        ]
      : []
  return [
    ...unhealthy("metadatabase", h.metadatabase, "unhealthy", "Airflow cannot reach its database"),
    ...unhealthy("scheduler", h.scheduler, "unhealthy", "no task is scheduled until it is back"),
    ...unhealthy("triggerer", h.triggerer, "degraded", "deferred tasks wait until it is back"),
    ...unhealthy("DAG processor", h.dag_processor, "degraded", "changes to DAG files are not picked up")
  ]
}

const airflowFindings = (a: AirflowPart, apiDown: boolean): Array<Finding> => {
  const findings: Array<Finding> = []
  if (a.health !== null) findings.push(...componentFindings(a.health, apiDown))
  const ie = a.import_errors
  if (ie?.error != null) findings.push({ level: "degraded", text: `Import errors could not be counted: ${ie.error}` })
  else if (ie !== null && (ie.count ?? 0) > 0) {
    findings.push({ level: "degraded", text: `${ie.count} DAG file(s) fail to parse`, next: "read-import-errors" })
  }
  if (a.dags?.error != null) findings.push({ level: "degraded", text: `DAGs could not be counted: ${a.dags.error}` })
  const f = a.failing_dags
  if (f?.error != null) findings.push({ level: "degraded", text: `Failed runs could not be read: ${f.error}` })
  else if (f !== null && (f.count ?? 0) > 0) {
    findings.push({
      level: "degraded",
      text: `${f.count}${f.complete ? "" : " or more"} DAG(s) had failed runs in the ${windowHours(f)} h to ${f.window_end}: ${f.dag_ids.join(", ")}.`,
      next: "list-failed-runs"
    })
  }
  return findings
}

const DEFAULT_HOURS = 24

/** The failed-runs window's length in hours, as the check was asked for (24 unless it said otherwise). */
const windowHours = (f: FailingDagsPart): number => {
  const millis = Date.parse(f.window_end ?? "") - Date.parse(f.window_start ?? "")
  return Number.isFinite(millis) ? Math.round(millis / 3_600_000) : DEFAULT_HOURS
}

/**
 * The verdict is the worst finding: unhealthy is evidence that something is broken (MWAA status,
 * an unhealthy metadatabase or scheduler, Airflow's API down), degraded a problem or an unknown.
 * `apiDown` says the health probe failed in a way that means Airflow's API itself is down.
 */
export const assess = (
  mwaa: MwaaPart,
  airflow: AirflowPart,
  apiDown: boolean
): { readonly verdict: Verdict; readonly findings: ReadonlyArray<HealthFinding> } => {
  const probed = airflow.health !== null
  const findings = mwaaFindings(mwaa)
  if (probed && airflow.available) findings.push(...airflowFindings(airflow, apiDown))
  else if (probed) {
    // Every probe failed: one finding, not four with the same cause.
    findings.push(
      apiDown
        ? { level: "unhealthy", text: `Airflow's API answered none of the probes: ${airflow.unavailable_reason}` }
        : { level: "degraded", text: `Airflow could not be probed: ${airflow.unavailable_reason}` }
    )
  } else if (PROBED_STATUSES.includes(mwaa.status ?? "")) {
    findings.push({ level: "degraded", text: `Airflow was not probed: ${airflow.unavailable_reason ?? "unknown reason"}` })
  }
  const verdict: Verdict = findings.some((f) => f.level === "unhealthy") ? "unhealthy" : findings.length > 0 ? "degraded" : "healthy"
  if (findings.length > 0) return { verdict, findings: findings.map(({ level: _, ...finding }) => finding) }
  const components =
    airflow.health === null
      ? []
      : (["metadatabase", "scheduler", "triggerer", "dag_processor"] as const).filter((k) => airflow.health?.[k]?.status === "healthy")
  return {
    verdict,
    findings: [
      {
        text:
          `No problems found: MWAA status ${mwaa.status ?? "unknown"}; ${components.length > 0 ? `${components.join(", ")} healthy` : "no component reported"}; ` +
          `no import errors; no failed runs in the last ${airflow.failing_dags === null ? DEFAULT_HOURS : windowHours(airflow.failing_dags)} h.`
      }
    ]
  }
}
