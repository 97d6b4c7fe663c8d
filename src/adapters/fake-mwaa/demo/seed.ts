import { demoServerlessSeed } from "../../fake-mwaa-serverless/demo/seed.js"
import { APPROVAL_SOURCE, approvalDag, approvalRuns } from "./approvals.js"
import { assetStory } from "./assets.js"
import { CRM_DAG, FX_DAG, ORDERS_DAG, SPEND_DAG, demoDags } from "./dags.js"
import { demoDagVersions } from "./dag-versions.js"
import { type RunSpec, simulateRun } from "./runs.js"
import { DEMO_CONNECTIONS, DEMO_VARIABLES } from "./secrets.js"
import { BROKEN_REPORT_TRACE, DEMO_SOURCES } from "./sources.js"
import { serviceUnavailable, undefinedColumn } from "./task-output.js"
import { demoXcoms } from "./xcom.js"
import { dagFileKey } from "../locations.js"
import type { FakeEnvironmentSeed, FakeLogLine, FakeSeed } from "../seed-types.js"
import { formatIsoMillis } from "../time.js"

/**
 * The demo: "demo-airflow-2" (Airflow 2.10.3) and "demo-airflow-3" (3.3.1, the newest MWAA
 * offers), same DAGs and story, each in its version's terms (3.1+ adds the payout approval:
 * demo/approvals.ts). The orders DAG broke on 2026-11-23 (a column renamed
 * upstream): every run since fails in aggregate_daily_totals after 2 tries (on Airflow 3, the
 * DAG's version 2 of 2026-11-22 is the one those runs used: demo/dag-versions.ts). The FX DAG's
 * run of 2026-11-25 failed in fetch_rates, three tries in a row on the same 503. The clock reads
 * 2026-11-25T09:30:00Z; every timestamp is fixed.
 */
export const DEMO_ENVIRONMENT_2 = "demo-airflow-2"
export const DEMO_ENVIRONMENT_3 = "demo-airflow-3"
export const DEMO_FAILED_TASK = "aggregate_daily_totals"
export const DEMO_MANUAL_RUN = "manual__2026-11-24T09:15:02.123456+00:00"

const DAY = 86_400_000

/** A cron run executing at `day` `time`: Airflow 2 labels it with the interval before, Airflow 3 with its own time. */
const scheduled = (flavor: 2 | 3, day: string, time: string, periodDays = 1): RunSpec => {
  const runAt = Date.parse(`${day}T${time}:00Z`)
  const logical = flavor === 2 ? runAt - periodDays * DAY : runAt
  return {
    runId: `scheduled__${formatIsoMillis(logical)}`,
    runType: "scheduled",
    logicalDate: formatIsoMillis(logical),
    runAfter: formatIsoMillis(runAt),
    dataIntervalStart: formatIsoMillis(logical),
    dataIntervalEnd: formatIsoMillis(flavor === 2 ? runAt : logical),
    queuedAt: formatIsoMillis(runAt + 1_873)
  }
}

const manualOrdersRun = (flavor: 2 | 3): RunSpec => ({
  runId: DEMO_MANUAL_RUN,
  runType: "manual",
  logicalDate: "2026-11-24T09:15:02.123456+00:00",
  runAfter: "2026-11-24T09:15:02.123456+00:00",
  dataIntervalStart: flavor === 2 ? "2026-11-23T00:00:00+00:00" : "2026-11-24T09:15:02.123456+00:00",
  dataIntervalEnd: flavor === 2 ? "2026-11-24T00:00:00+00:00" : "2026-11-24T09:15:02.123456+00:00",
  queuedAt: "2026-11-24T09:15:02.341877+00:00"
})

const days = (...list: ReadonlyArray<string>) => list

export const demoEnvironment = (name: string, airflowVersion: string): FakeEnvironmentSeed => {
  const flavor: 2 | 3 = airflowVersion.startsWith("3") ? 3 : 2
  const dags = demoDags(flavor).map((dag) => ({ ...dag, versions: demoDagVersions(flavor, dag.dagId) }))
  const ordersFail = { taskId: DEMO_FAILED_TASK, error: undefinedColumn(flavor) }
  const plans: Array<readonly [string, RunSpec]> = [
    ...days("2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25").map((day) => {
      const spec = scheduled(flavor, day, "00:00")
      return [ORDERS_DAG, spec.logicalDate >= "2026-11-23" ? { ...spec, failAt: ordersFail } : spec] as const
    }),
    [ORDERS_DAG, { ...manualOrdersRun(flavor), failAt: ordersFail }],
    ...days("2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25").map(
      (day) => [SPEND_DAG, { ...scheduled(flavor, day, "02:00"), mapped: { fetch_channel_spend: 3 } }] as const
    ),
    ...days("2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25").map((day) => {
      const spec = scheduled(flavor, day, "06:15")
      return [
        FX_DAG,
        day === "2026-11-25" ? { ...spec, failAt: { taskId: "fetch_rates", error: serviceUnavailable(flavor) } } : spec
      ] as const
    }),
    ...days("2026-09-29", "2026-09-30", "2026-10-01").map((day) => [CRM_DAG, scheduled(flavor, day, "01:30")] as const)
  ]
  // Airflow numbers runs in creation order, which is the order they were queued.
  const producers = [...plans]
    .sort(([, a], [, b]) => (a.queuedAt < b.queuedAt ? -1 : 1))
    .map(([dagId, spec]) => simulateRun(flavor, name, dags.find((d) => d.dagId === dagId) ?? dags[0]!, spec))
  // The data-aware DAG runs when its inputs' producers have run (demo/assets.ts).
  const assets = assetStory(flavor, name, producers)
  const simulated = [...producers, ...assets.runs].sort((a, b) => ((a.run.queuedAt ?? "") < (b.run.queuedAt ?? "") ? -1 : 1))
  const logStreams: Record<string, ReadonlyArray<FakeLogLine>> = {}
  for (const s of simulated) for (const [stream, lines] of s.logStreams) logStreams[stream] = lines
  const dagFiles: Record<string, string> = {
    "requirements.txt": "apache-airflow-providers-postgres\napache-airflow-providers-http\nrequests>=2.31\n"
  }
  for (const [relative, content] of Object.entries({ ...DEMO_SOURCES, ...assets.dagFiles })) dagFiles[dagFileKey(relative)] = content
  // Human-in-the-loop requests came in Airflow 3.1: the approval story is told from then on.
  const approvals = hasHumanInTheLoop(airflowVersion) ? approvalRuns() : undefined
  if (approvals !== undefined) dagFiles[dagFileKey(approvalDag.relativeFileloc)] = APPROVAL_SOURCE
  return {
    name,
    airflowVersion,
    status: "AVAILABLE",
    dags: approvals === undefined ? [...dags, assets.dag] : [...dags, assets.dag, approvalDag],
    dagRuns: [...simulated.map((s) => s.run), ...(approvals?.dagRuns ?? [])],
    taskInstances: [...simulated.flatMap((s) => s.taskInstances), ...(approvals?.taskInstances ?? [])],
    hitlDetails: approvals?.hitlDetails ?? [],
    importErrors: [
      { id: 1, relativeFileloc: "broken_report.py", stackTrace: BROKEN_REPORT_TRACE, timestamp: "2026-11-20T16:02:11.909322+00:00" }
    ],
    connections: DEMO_CONNECTIONS,
    variables: DEMO_VARIABLES,
    logStreams,
    dagFiles,
    assets: assets.assets,
    assetEvents: assets.assetEvents,
    xcoms: demoXcoms(simulated.flatMap((s) => s.taskInstances))
  }
}

const hasHumanInTheLoop = (airflowVersion: string): boolean => {
  const [major = 0, minor = 0] = airflowVersion.split(".").map(Number)
  return major > 3 || (major === 3 && minor >= 1)
}

/**
 * The Airflow releases MWAA offers that the server is checked on: one environment each, named
 * "airflow-2-10" … "airflow-3-3", all telling the demo's story in their version's terms.
 */
export const MATRIX_VERSIONS = ["2.10.3", "2.11.2", "3.0.6", "3.2.1", "3.3.1"] as const

export const matrixEnvironmentName = (airflowVersion: string): string => `airflow-${airflowVersion.split(".").slice(0, 2).join("-")}`

export const versionMatrixSeed = (): FakeSeed => ({
  now: "2026-11-25T09:30:00+00:00",
  environments: MATRIX_VERSIONS.map((v) => demoEnvironment(matrixEnvironmentName(v), v))
})

/** The seed behind `--demo`: two environments, one per Airflow major version. */
export const demoSeed = (): FakeSeed => ({
  now: "2026-11-25T09:30:00+00:00",
  environments: [demoEnvironment(DEMO_ENVIRONMENT_2, "2.10.3"), demoEnvironment(DEMO_ENVIRONMENT_3, "3.3.1")],
  serverless: demoServerlessSeed()
})
