import { emptyServerlessSeed } from "../fake-mwaa-serverless/demo/seed.js"
import { makeServerlessState } from "../fake-mwaa-serverless/state.js"
import type { LogEvent } from "../cloudwatch-task-logs.js"
import { DEFAULT_LOCATION, type FakeLocation, filelocOf } from "./locations.js"
import { defaultMembers } from "./mwaa-members.js"
import type * as Seed from "./seed-types.js"
import type * as S from "./state.js"
import { flavorOf } from "./state.js"
import { normalizeIso, normalizeOptionalIso, parseIsoMicros } from "./time.js"
import { signJson } from "./tokens.js"
import { buildAssets } from "./build-assets.js"

/** Resolves every default of a seed once, at layer construction, into the stored records. */
export const DEFAULT_NOW = "2026-11-25T09:30:00+00:00"
const ENVIRONMENT_CREATED_AT = "2026-11-02T14:07:31+00:00"
/** Bare-string log lines of a stream start here, one millisecond apart. */
const DEFAULT_LOG_START = Date.UTC(2026, 10, 24)

export const buildState = (seed: Seed.FakeSeed, location: FakeLocation = DEFAULT_LOCATION): S.FakeState => ({
  location,
  environments: seed.environments.map((env) => buildEnvironment(env, location)),
  nowMillis: Math.floor((parseIsoMicros(seed.now ?? DEFAULT_NOW) ?? 0) / 1000),
  serverless: makeServerlessState(seed.serverless ?? emptyServerlessSeed(seed.now ?? DEFAULT_NOW), location)
})

export const buildDag = (dag: Seed.FakeDagSeed): S.DagRecord => ({
  dagId: dag.dagId,
  relativeFileloc: dag.relativeFileloc ?? `${dag.dagId}.py`,
  description: dag.description ?? null,
  owners: dag.owners ?? ["airflow"],
  tags: dag.tags ?? [],
  isPaused: dag.isPaused ?? false,
  isActive: dag.isActive ?? true,
  schedule: dag.schedule ?? null,
  timetableDescription: dag.timetableDescription ?? null,
  maxActiveRuns: dag.maxActiveRuns ?? 16,
  maxActiveTasks: dag.maxActiveTasks ?? 16,
  hasImportErrors: dag.hasImportErrors ?? false,
  lastParsedTime: normalizeIso(dag.lastParsedTime ?? DEFAULT_NOW),
  startDate: normalizeOptionalIso(dag.startDate),
  catchup: dag.catchup ?? false,
  docMd: dag.docMd ?? null,
  params: dag.params ?? {},
  nextDagrun: normalizeOptionalIso(dag.nextDagrun),
  nextDagrunDataIntervalStart: normalizeOptionalIso(dag.nextDagrunDataIntervalStart),
  nextDagrunDataIntervalEnd: normalizeOptionalIso(dag.nextDagrunDataIntervalEnd),
  nextDagrunCreateAfter: normalizeOptionalIso(dag.nextDagrunCreateAfter),
  tasks: (dag.tasks ?? []).map((t) => ({ taskId: t.taskId, operator: t.operator, upstream: t.upstream ?? [], retries: t.retries ?? 0 })),
  versions: (dag.versions ?? [{ versionNumber: 1, createdAt: dag.lastParsedTime ?? DEFAULT_NOW }]).map((v) => ({
    versionNumber: v.versionNumber,
    createdAt: normalizeIso(v.createdAt),
    bundleVersion: v.bundleVersion ?? null
  })),
  fileToken: signJson(filelocOf(dag.relativeFileloc ?? `${dag.dagId}.py`))
})

const TRIGGERED_BY: Readonly<Record<string, string>> = {
  scheduled: "timetable",
  manual: "rest_api",
  backfill: "backfill",
  dataset_triggered: "asset",
  asset_triggered: "asset"
}

const buildRun = (run: Seed.FakeDagRunSeed, index: number): S.DagRunRecord => {
  const logicalDate = normalizeOptionalIso(run.logicalDate)
  const dataIntervalEnd = normalizeOptionalIso(run.dataIntervalEnd ?? logicalDate)
  return {
    id: index + 1,
    dagId: run.dagId,
    runId: run.runId,
    runType: run.runType,
    state: run.state,
    logicalDate,
    runAfter: normalizeIso(run.runAfter ?? dataIntervalEnd ?? run.startDate ?? DEFAULT_NOW),
    dataIntervalStart: normalizeOptionalIso(run.dataIntervalStart ?? logicalDate),
    dataIntervalEnd,
    queuedAt: normalizeOptionalIso(run.queuedAt ?? run.startDate),
    startDate: normalizeOptionalIso(run.startDate),
    endDate: normalizeOptionalIso(run.endDate),
    lastSchedulingDecision: normalizeOptionalIso(run.lastSchedulingDecision ?? run.endDate),
    externalTrigger: run.runType === "manual",
    conf: run.conf ?? {},
    note: run.note ?? null,
    triggeredBy: run.triggeredBy ?? TRIGGERED_BY[run.runType] ?? "rest_api"
  }
}

const buildTaskInstance =
  (dags: ReadonlyArray<S.DagRecord>, firstId: number) =>
  (ti: Seed.FakeTaskInstanceSeed, index: number): S.TaskInstanceRecord => {
    const task = dags.find((d) => d.dagId === ti.dagId)?.tasks.find((t) => t.taskId === ti.taskId)
    const hostname = ti.hostname ?? ""
    const startDate = normalizeOptionalIso(ti.startDate)
    const endDate = normalizeOptionalIso(ti.endDate)
    const tries: ReadonlyArray<S.TryRecord> =
      ti.tries?.map((t) => ({
        tryNumber: t.tryNumber,
        state: t.state,
        startDate: normalizeOptionalIso(t.startDate),
        endDate: normalizeOptionalIso(t.endDate),
        hostname: t.hostname ?? hostname
      })) ?? (ti.tryNumber >= 1 && startDate !== null ? [{ tryNumber: ti.tryNumber, state: ti.state, startDate, endDate, hostname }] : [])
    return {
      id: firstId + index,
      dagId: ti.dagId,
      runId: ti.runId,
      taskId: ti.taskId,
      mapIndex: ti.mapIndex ?? -1,
      state: ti.state,
      tryNumber: ti.tryNumber,
      maxTries: ti.maxTries ?? task?.retries ?? 0,
      operator: task?.operator ?? "EmptyOperator",
      startDate,
      endDate,
      queuedWhen: normalizeOptionalIso(ti.queuedWhen ?? ti.startDate),
      hostname,
      pid: ti.pid ?? null,
      pool: ti.pool ?? "default_pool",
      queue: ti.queue ?? "default",
      priorityWeight: ti.priorityWeight ?? 1,
      tries
    }
  }

const buildHitl = (h: Seed.FakeHitlSeed): S.HitlRecord => ({
  dagId: h.dagId,
  runId: h.runId,
  taskId: h.taskId,
  mapIndex: h.mapIndex ?? -1,
  subject: h.subject,
  body: h.body ?? null,
  options: h.options,
  defaults: h.defaults ?? null,
  multiple: h.multiple ?? false,
  params: h.params ?? {},
  assignedUsers: h.assignedUsers ?? [],
  createdAt: normalizeIso(h.createdAt),
  respondedBy: h.response?.by ?? null,
  respondedAt: normalizeOptionalIso(h.response?.at),
  chosenOptions: h.response?.chosenOptions ?? null,
  paramsInput: h.response?.paramsInput ?? {}
})

const buildStream = (name: string, lines: ReadonlyArray<Seed.FakeLogLine>): S.LogStreamRecord => {
  const events: Array<LogEvent> = []
  let last = DEFAULT_LOG_START - 1
  let storedBytes = 0
  for (const line of lines) {
    const event = typeof line === "string" ? { timestamp: last + 1, message: line } : line
    last = event.timestamp
    storedBytes += Buffer.byteLength(event.message, "utf8")
    events.push(event)
  }
  return { name, creationTime: events[0]?.timestamp ?? DEFAULT_LOG_START, events, storedBytes }
}

const buildEnvironment = (env: Seed.FakeEnvironmentSeed, location: FakeLocation): S.EnvironmentRecord => {
  const dags = (env.dags ?? []).map(buildDag)
  const dagRuns = (env.dagRuns ?? []).map(buildRun)
  const taskInstances = env.taskInstances ?? []
  const firstTiId = dagRuns.length + 1
  return {
    name: env.name,
    flavor: flavorOf(env.airflowVersion),
    mwaa: { ...defaultMembers(env.name, env.airflowVersion, env.status, ENVIRONMENT_CREATED_AT, location), ...env.mwaa },
    dags,
    dagRuns,
    taskInstances: taskInstances.map(buildTaskInstance(dags, firstTiId)),
    importErrors: (env.importErrors ?? []).map((e) => ({ ...e, timestamp: normalizeIso(e.timestamp) })),
    connections: (env.connections ?? []).map((c, i) => ({
      id: i + 1,
      connectionId: c.connectionId,
      connType: c.connType,
      description: c.description ?? null,
      host: c.host ?? null,
      login: c.login ?? null,
      password: c.password ?? null,
      schema: c.schema ?? null,
      port: c.port ?? null,
      extra: c.extra ?? null
    })),
    variables: (env.variables ?? []).map((v, i) => ({ id: i + 1, key: v.key, value: v.value, description: v.description ?? null })),
    logStreams: new Map(Object.entries(env.logStreams ?? {}).map(([name, lines]) => [name, buildStream(name, lines)])),
    dagFiles: new Map(Object.entries(env.dagFiles ?? {})),
    ...buildAssets(env),
    xcoms: (env.xcoms ?? []).map((x) => ({ ...x, mapIndex: x.mapIndex ?? -1, timestamp: normalizeIso(x.timestamp) })),
    nextId: firstTiId + taskInstances.length,
    hitlDetails: (env.hitlDetails ?? []).map(buildHitl)
  }
}

/** An empty environment, as CreateEnvironment leaves it. */
export const emptyEnvironment = (name: string, members: Readonly<Record<string, unknown>>): S.EnvironmentRecord => ({
  name,
  flavor: flavorOf(String(members["AirflowVersion"] ?? "2.10.3")),
  mwaa: members,
  dags: [],
  dagRuns: [],
  taskInstances: [],
  importErrors: [],
  connections: [],
  variables: [],
  logStreams: new Map(),
  dagFiles: new Map(),
  xcoms: [],
  nextId: 1,
  hitlDetails: []
})

export { ENVIRONMENT_CREATED_AT }
