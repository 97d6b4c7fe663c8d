import type { ServerlessSeed } from "../fake-mwaa-serverless/seed-types.js"
/**
 * What the fake MWAA starts from: plain, version-neutral data. Each Airflow version renders
 * its own response shapes from these records, so one seed serves a 2.x and a 3.x environment.
 * Timestamps are ISO 8601 strings with a zone ("...+00:00" or "...Z").
 */
export interface FakeSeed {
  readonly environments: ReadonlyArray<FakeEnvironmentSeed>
  /** MWAA Serverless workflows in the same account and region (none when absent). */
  readonly serverless?: ServerlessSeed | undefined
  /** The fake's clock at start (default "2026-11-25T09:30:00+00:00"): it moves one second per write. */
  readonly now?: string | undefined
}

export interface FakeEnvironmentSeed {
  readonly name: string
  /** MWAA AirflowVersion, e.g. "2.10.3" or "3.0.6": a leading "3" selects the Airflow 3 API. */
  readonly airflowVersion: string
  /** MWAA EnvironmentStatus, e.g. "AVAILABLE". Collections below default to empty. */
  readonly status: string
  /** Extra or overriding GetEnvironment members (MWAA model names), merged over the defaults. */
  readonly mwaa?: Readonly<Record<string, unknown>> | undefined
  readonly dags?: ReadonlyArray<FakeDagSeed> | undefined
  readonly dagRuns?: ReadonlyArray<FakeDagRunSeed> | undefined
  readonly taskInstances?: ReadonlyArray<FakeTaskInstanceSeed> | undefined
  readonly importErrors?: ReadonlyArray<FakeImportErrorSeed> | undefined
  readonly connections?: ReadonlyArray<FakeConnectionSeed> | undefined
  readonly variables?: ReadonlyArray<FakeVariableSeed> | undefined
  /** CloudWatch streams of the task log group: stream name (see taskLogStreamName) -> events. */
  readonly logStreams?: Readonly<Record<string, ReadonlyArray<FakeLogLine>>> | undefined
  /** Objects of the source bucket: S3 key (e.g. "dags/etl.py") -> UTF-8 content. */
  readonly dagFiles?: Readonly<Record<string, string>> | undefined
  /** Human-in-the-loop requests (Airflow 3.1+), each on a task instance of the seed. */
  readonly hitlDetails?: ReadonlyArray<FakeHitlSeed> | undefined
  /** Assets (Airflow 2: datasets) and their events, for data-aware scheduling (build-assets.ts). */
  readonly assets?: ReadonlyArray<FakeAssetSeed> | undefined
  readonly assetEvents?: ReadonlyArray<FakeAssetEventSeed> | undefined
  /** XCom entries task instances pushed (their values as JSON). */
  readonly xcoms?: ReadonlyArray<FakeXcomSeed> | undefined
}

/** An asset (Airflow 2: dataset), the tasks that update it and the DAGs scheduled on it. */
export interface FakeAssetSeed {
  readonly uri: string
  /** Airflow 3's name (defaults to the uri); Airflow 2 has none. */
  readonly name?: string | undefined
  readonly extra?: Readonly<Record<string, unknown>> | undefined
  readonly createdAt: string
  readonly producers?: ReadonlyArray<{ readonly dagId: string; readonly taskId: string }> | undefined
  /** DAGs scheduled on it; a DAG scheduled on several waits for all of them. */
  readonly consumers?: ReadonlyArray<string> | undefined
}

/** One event of an asset: a task updated it (or it was created through the API: no source). */
export interface FakeAssetEventSeed {
  readonly uri: string
  readonly timestamp: string
  readonly sourceDagId?: string | undefined
  readonly sourceTaskId?: string | undefined
  readonly sourceRunId?: string | undefined
  readonly sourceMapIndex?: number | undefined
  readonly extra?: Readonly<Record<string, unknown>> | undefined
  /** The consumer runs that this event triggered (with the other inputs' events). */
  readonly createdRuns?: ReadonlyArray<{ readonly dagId: string; readonly runId: string }> | undefined
}

/** A bare string gets a timestamp one millisecond after the previous event of its stream. */
export type FakeLogLine = string | { readonly timestamp: number; readonly message: string }

export interface FakeTaskSeed {
  readonly taskId: string
  /** Operator class name, e.g. "PythonOperator". */
  readonly operator: string
  /** Task ids this task depends on (its direct upstream). */
  readonly upstream?: ReadonlyArray<string> | undefined
  readonly retries?: number | undefined
}

export interface FakeDagSeed {
  readonly dagId: string
  /** Path below the DAGs folder, e.g. "etl/orders.py" (default "<dag_id>.py"): fileloc is /usr/local/airflow/dags/<this>. */
  readonly relativeFileloc?: string | undefined
  readonly description?: string | null | undefined
  readonly owners?: ReadonlyArray<string> | undefined
  readonly tags?: ReadonlyArray<string> | undefined
  /** Default false. */
  readonly isPaused?: boolean | undefined
  /** False when the file no longer defines the DAG (Airflow 2 is_active, Airflow 3 !is_stale). */
  readonly isActive?: boolean | undefined
  /** Cron expression or preset ("@daily"), or null (the default) for an unscheduled DAG. */
  readonly schedule?: string | null | undefined
  readonly timetableDescription?: string | null | undefined
  readonly maxActiveRuns?: number | undefined
  readonly maxActiveTasks?: number | undefined
  readonly hasImportErrors?: boolean | undefined
  readonly lastParsedTime?: string | undefined
  readonly startDate?: string | null | undefined
  readonly catchup?: boolean | undefined
  readonly docMd?: string | null | undefined
  readonly params?: Readonly<Record<string, unknown>> | undefined
  readonly nextDagrun?: string | null | undefined
  readonly nextDagrunDataIntervalStart?: string | null | undefined
  readonly nextDagrunDataIntervalEnd?: string | null | undefined
  readonly nextDagrunCreateAfter?: string | null | undefined
  readonly tasks?: ReadonlyArray<FakeTaskSeed> | undefined
  /** Airflow 3's DAG versions, oldest first (default: version 1, created when the file was last parsed). */
  readonly versions?: ReadonlyArray<FakeDagVersionSeed> | undefined
}

/** A DAG version: a run uses the newest one created before it was queued. */
export interface FakeDagVersionSeed {
  readonly versionNumber: number
  readonly createdAt: string
  readonly bundleVersion?: string | null | undefined
}

export type FakeRunType = "scheduled" | "manual" | "backfill" | "dataset_triggered" | "asset_triggered"

export interface FakeDagRunSeed {
  readonly dagId: string
  readonly runId: string
  readonly runType: FakeRunType
  /** "queued" | "running" | "success" | "failed" */
  readonly state: string
  /** Null only for Airflow 3 runs triggered without a logical date. */
  readonly logicalDate: string | null
  /** Defaults to the data interval end, else the logical date. */
  readonly runAfter?: string | undefined
  readonly dataIntervalStart?: string | null | undefined
  readonly dataIntervalEnd?: string | null | undefined
  readonly queuedAt?: string | null | undefined
  readonly startDate?: string | null | undefined
  readonly endDate?: string | null | undefined
  readonly lastSchedulingDecision?: string | null | undefined
  readonly conf?: Readonly<Record<string, unknown>> | undefined
  readonly note?: string | null | undefined
  /** Airflow 3 triggered_by, e.g. "timetable", "rest_api", "ui". */
  readonly triggeredBy?: string | undefined
}

/** One attempt of a task instance (Airflow's TaskInstanceHistory row for earlier tries). */
export interface FakeTrySeed {
  readonly tryNumber: number
  readonly state: string
  readonly startDate: string | null
  readonly endDate: string | null
  readonly hostname?: string | undefined
}

export interface FakeTaskInstanceSeed {
  readonly dagId: string
  readonly runId: string
  readonly taskId: string
  /** -1 for an unmapped task (the default). */
  readonly mapIndex?: number | undefined
  /** null (no status), "success", "failed", "upstream_failed", "running", "up_for_retry", ... */
  readonly state: string | null
  /** The current (latest) try; earlier ones are in `tries`. */
  readonly tryNumber: number
  readonly maxTries?: number | undefined
  readonly startDate?: string | null | undefined
  readonly endDate?: string | null | undefined
  readonly queuedWhen?: string | null | undefined
  readonly hostname?: string | undefined
  readonly pid?: number | null | undefined
  readonly pool?: string | undefined
  readonly queue?: string | undefined
  readonly priorityWeight?: number | undefined
  readonly tries?: ReadonlyArray<FakeTrySeed> | undefined
}

export interface FakeImportErrorSeed {
  readonly id: number
  /** Path below the DAGs folder, e.g. "broken_report.py". */
  readonly relativeFileloc: string
  readonly stackTrace: string
  readonly timestamp: string
}

export interface FakeConnectionSeed {
  readonly connectionId: string
  readonly connType: string
  readonly description?: string | null | undefined
  readonly host?: string | null | undefined
  readonly login?: string | null | undefined
  readonly password?: string | null | undefined
  readonly schema?: string | null | undefined
  readonly port?: number | null | undefined
  /** JSON text, as Airflow stores it. */
  readonly extra?: string | null | undefined
}

export interface FakeVariableSeed {
  readonly key: string
  /** Stored text (JSON values are JSON text, as in Airflow). */
  readonly value: string
  readonly description?: string | null | undefined
}

/** A person as Airflow's HITL records name them (HITLUser). */
export interface FakeHitlUser {
  readonly id: string
  readonly name: string
}

/** One human-in-the-loop request (Airflow 3.1+ HITLDetail) on a task instance, answered or not. */
export interface FakeHitlSeed {
  readonly dagId: string
  readonly runId: string
  readonly taskId: string
  /** -1 for an unmapped task (the default). */
  readonly mapIndex?: number | undefined
  readonly subject: string
  readonly body?: string | null | undefined
  readonly options: ReadonlyArray<string>
  readonly defaults?: ReadonlyArray<string> | null | undefined
  readonly multiple?: boolean | undefined
  /** Param.dump() form: name -> {value, description, schema}. */
  readonly params?: Readonly<Record<string, unknown>> | undefined
  readonly assignedUsers?: ReadonlyArray<FakeHitlUser> | undefined
  readonly createdAt: string
  readonly response?:
    | {
        readonly by: FakeHitlUser
        readonly at: string
        readonly chosenOptions: ReadonlyArray<string>
        readonly paramsInput?: Readonly<Record<string, unknown>> | undefined
      }
    | undefined
}

/** One XCom entry: what a task instance pushed under a key (return_value for its return). */
export interface FakeXcomSeed {
  readonly dagId: string
  readonly runId: string
  readonly taskId: string
  /** -1 for an unmapped task (the default). */
  readonly mapIndex?: number | undefined
  readonly key: string
  /** The value, as Airflow's default XCom backend stores it: JSON. */
  readonly value: unknown
  readonly timestamp: string
}
