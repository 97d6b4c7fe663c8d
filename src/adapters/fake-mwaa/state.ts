import type { ServerlessState } from "../fake-mwaa-serverless/state.js"
import type { LogEvent } from "../cloudwatch-task-logs.js"
import type { FakeLocation } from "./locations.js"
import type { WebserverStore } from "./webserver-store.js"

/**
 * The fake's stored state: seed records with every default resolved. Timestamps are kept in
 * Python's isoformat ("2026-11-24T00:00:00+00:00"), which is what Airflow 2 prints; Airflow 3
 * responses swap the offset for "Z" as pydantic does.
 */
export type Flavor = 2 | 3

export interface TaskRecord {
  readonly taskId: string
  readonly operator: string
  readonly upstream: ReadonlyArray<string>
  readonly retries: number
}

export interface DagRecord {
  readonly dagId: string
  readonly relativeFileloc: string
  readonly description: string | null
  readonly owners: ReadonlyArray<string>
  readonly tags: ReadonlyArray<string>
  readonly isPaused: boolean
  readonly isActive: boolean
  readonly schedule: string | null
  readonly timetableDescription: string | null
  readonly maxActiveRuns: number
  readonly maxActiveTasks: number
  readonly hasImportErrors: boolean
  readonly lastParsedTime: string
  readonly startDate: string | null
  readonly catchup: boolean
  readonly docMd: string | null
  readonly params: Readonly<Record<string, unknown>>
  readonly nextDagrun: string | null
  readonly nextDagrunDataIntervalStart: string | null
  readonly nextDagrunDataIntervalEnd: string | null
  readonly nextDagrunCreateAfter: string | null
  readonly tasks: ReadonlyArray<TaskRecord>
  /** Airflow 3's DAG versions, oldest first (at least one). */
  readonly versions: ReadonlyArray<DagVersionRecord>
  /** Airflow's file_token: URLSafeSerializer(secret_key).dumps(fileloc). */
  readonly fileToken: string
}

/** One serialized version of a DAG (Airflow 3's dag_version row). */
export interface DagVersionRecord {
  readonly versionNumber: number
  readonly createdAt: string
  readonly bundleVersion: string | null
}

export interface DagRunRecord {
  /** Insertion order: Airflow's primary key, the default sort. */
  readonly id: number
  readonly dagId: string
  readonly runId: string
  readonly runType: string
  readonly state: string
  readonly logicalDate: string | null
  readonly runAfter: string
  readonly dataIntervalStart: string | null
  readonly dataIntervalEnd: string | null
  readonly queuedAt: string | null
  readonly startDate: string | null
  readonly endDate: string | null
  readonly lastSchedulingDecision: string | null
  readonly externalTrigger: boolean
  readonly conf: Readonly<Record<string, unknown>>
  readonly note: string | null
  readonly triggeredBy: string
}

export interface TryRecord {
  readonly tryNumber: number
  readonly state: string | null
  readonly startDate: string | null
  readonly endDate: string | null
  readonly hostname: string
}

export interface TaskInstanceRecord {
  readonly id: number
  readonly dagId: string
  readonly runId: string
  readonly taskId: string
  readonly mapIndex: number
  readonly state: string | null
  readonly tryNumber: number
  readonly maxTries: number
  readonly operator: string
  readonly startDate: string | null
  readonly endDate: string | null
  readonly queuedWhen: string | null
  readonly hostname: string
  readonly pid: number | null
  readonly pool: string
  readonly queue: string
  readonly priorityWeight: number
  readonly tries: ReadonlyArray<TryRecord>
}

export interface ImportErrorRecord {
  readonly id: number
  readonly relativeFileloc: string
  readonly stackTrace: string
  readonly timestamp: string
}

export interface ConnectionRecord {
  readonly id: number
  readonly connectionId: string
  readonly connType: string
  readonly description: string | null
  readonly host: string | null
  readonly login: string | null
  readonly password: string | null
  readonly schema: string | null
  readonly port: number | null
  readonly extra: string | null
}

export interface VariableRecord {
  readonly id: number
  readonly key: string
  readonly value: string
  readonly description: string | null
}

export interface AssetRecord {
  readonly id: number
  readonly uri: string
  readonly name: string
  readonly extra: Readonly<Record<string, unknown>>
  readonly createdAt: string
  readonly producers: ReadonlyArray<{ readonly dagId: string; readonly taskId: string }>
  readonly consumers: ReadonlyArray<string>
}

export interface AssetEventRecord {
  readonly id: number
  readonly assetId: number
  readonly timestamp: string
  readonly sourceDagId: string | null
  readonly sourceTaskId: string | null
  readonly sourceRunId: string | null
  readonly sourceMapIndex: number
  readonly extra: Readonly<Record<string, unknown>>
  readonly createdRuns: ReadonlyArray<{ readonly dagId: string; readonly runId: string }>
}

/** One XCom entry (the seed's, timestamp normalized). */
export interface XcomRecord {
  readonly dagId: string
  readonly runId: string
  readonly taskId: string
  readonly mapIndex: number
  readonly key: string
  readonly value: unknown
  readonly timestamp: string
}

/** A CloudWatch stream. Events are shared, never copied: pages are slices of this array. */
export interface LogStreamRecord {
  readonly name: string
  readonly creationTime: number
  readonly events: ReadonlyArray<LogEvent>
  readonly storedBytes: number
}

/** One MWAA environment: its GetEnvironment members, its Airflow metadata, its logs and files. */
export interface EnvironmentRecord {
  readonly name: string
  readonly flavor: Flavor
  /** GetEnvironment's Environment members (timestamps as ISO strings). */
  readonly mwaa: Readonly<Record<string, unknown>>
  readonly dags: ReadonlyArray<DagRecord>
  readonly dagRuns: ReadonlyArray<DagRunRecord>
  readonly taskInstances: ReadonlyArray<TaskInstanceRecord>
  readonly importErrors: ReadonlyArray<ImportErrorRecord>
  readonly connections: ReadonlyArray<ConnectionRecord>
  readonly variables: ReadonlyArray<VariableRecord>
  readonly logStreams: ReadonlyMap<string, LogStreamRecord>
  readonly dagFiles: ReadonlyMap<string, string>
  /** Assets (Airflow 2: datasets) and their events; absent is none. */
  readonly assets?: ReadonlyArray<AssetRecord> | undefined
  readonly assetEvents?: ReadonlyArray<AssetEventRecord> | undefined
  readonly xcoms: ReadonlyArray<XcomRecord>
  /** Next id for a created DagRun or TaskInstance. */
  readonly nextId: number
  /** Human-in-the-loop requests (Airflow 3.1+; empty before). */
  readonly hitlDetails: ReadonlyArray<HitlRecord>
}

/** One human-in-the-loop request on a task instance (Airflow's hitl_detail row). */
export interface HitlRecord {
  readonly dagId: string
  readonly runId: string
  readonly taskId: string
  readonly mapIndex: number
  readonly subject: string
  readonly body: string | null
  readonly options: ReadonlyArray<string>
  readonly defaults: ReadonlyArray<string> | null
  readonly multiple: boolean
  readonly params: Readonly<Record<string, unknown>>
  readonly assignedUsers: ReadonlyArray<{ readonly id: string; readonly name: string }>
  readonly createdAt: string
  readonly respondedBy: { readonly id: string; readonly name: string } | null
  readonly respondedAt: string | null
  readonly chosenOptions: ReadonlyArray<string> | null
  readonly paramsInput: Readonly<Record<string, unknown>>
}

export interface FakeState {
  /** The account and region this fake MWAA answers for (FakeMwaa.layer's options). */
  readonly location: FakeLocation
  readonly environments: ReadonlyArray<EnvironmentRecord>
  /** The current call's instant, epoch milliseconds: Effect's Clock plus the seed's offset (fake-clock.ts). */
  readonly nowMillis: number
  /** Web login tokens and webserver sessions (absent until the first CreateWebLoginToken). */
  readonly webserver?: WebserverStore | undefined
  /**
   * MWAA Serverless in the same account and region. Its state is mutable, answered by pure
   * handlers (fake-mwaa-serverless/), and shared by every copy of this record.
   */
  readonly serverless: ServerlessState
}

export const flavorOf = (airflowVersion: string): Flavor => (airflowVersion.startsWith("3") ? 3 : 2)

/** The environment's Airflow [major, minor], from its GetEnvironment AirflowVersion ("3.2.1" → [3, 2]). */
export const releaseOfEnvironment = (env: EnvironmentRecord): readonly [number, number] => {
  const match = /^(\d+)\.(\d+)/.exec(String(env.mwaa["AirflowVersion"] ?? ""))
  return match === null ? [env.flavor, 0] : [Number(match[1]), Number(match[2])]
}

/** Whether the environment's Airflow is `since` or later. */
export const servesSince = (env: EnvironmentRecord, since: readonly [number, number]): boolean => {
  const [major, minor] = releaseOfEnvironment(env)
  return major > since[0] || (major === since[0] && minor >= since[1])
}

export const findEnvironment = (state: FakeState, name: string): EnvironmentRecord | undefined =>
  state.environments.find((env) => env.name === name)

export const replaceEnvironment = (state: FakeState, env: EnvironmentRecord): FakeState => ({
  ...state,
  environments: state.environments.map((e) => (e.name === env.name ? env : e))
})
