import { type FakeEnvironmentSeed, type FakeSeed, type FakeXcomSeed, versionMatrixSeed } from "../../src/adapters/fake-mwaa/index.js"
import { idsOf, seedWith } from "./very-long-ids-seed.js"

/**
 * The very-long-ids seed with XCom on its long task instance, plus an Airflow 3.2 environment
 * ("demo-airflow-3-2", the 3.0 story at 3.2.1) where the `~` list with pattern filters serves.
 */
export const XCOM_ENVIRONMENT_32 = "demo-airflow-3-2"
export const LONG_XCOM_PASSWORD = "long-ids-xcom-Pa55word-QZXJ"

/** What the long task pushed: a return value and connection details whose password must not show. */
export const longXcoms = (length: number): ReadonlyArray<FakeXcomSeed> => {
  const ids = idsOf(length)
  const base = { dagId: ids.dag, runId: ids.run, taskId: ids.task, timestamp: "2026-11-24T02:09:30+00:00" }
  return [
    { ...base, key: "return_value", value: { rows: 7, ok: false } },
    { ...base, key: "connection_info", value: { host: "db.internal", login: "etl", password: LONG_XCOM_PASSWORD } }
  ]
}

const withLongXcoms = (env: FakeEnvironmentSeed, length: number): FakeEnvironmentSeed => ({
  ...env,
  xcoms: [...(env.xcoms ?? []), ...longXcoms(length)]
})

export const xcomLongIdsSeed = (length: number): FakeSeed => {
  const seed = seedWith(length)
  const v3 = seed.environments.find((e) => e.airflowVersion.startsWith("3"))!
  const environments = [...seed.environments, { ...v3, name: XCOM_ENVIRONMENT_32, airflowVersion: "3.2.1" }]
  return { ...seed, environments: environments.map((e) => withLongXcoms(e, length)) }
}

/** An environment with the very-long-ids DAG of `length` added: its failed run, two task instances and XCom. */
export const withLongIdsXcom = (env: FakeEnvironmentSeed, length: number): FakeEnvironmentSeed => {
  const ids = idsOf(length)
  return {
    ...env,
    dags: [
      ...(env.dags ?? []),
      {
        dagId: ids.dag,
        schedule: "@daily",
        tasks: [
          { taskId: ids.upstream, operator: "BashOperator" },
          { taskId: ids.task, operator: "PythonOperator", upstream: [ids.upstream] }
        ]
      }
    ],
    dagRuns: [
      ...(env.dagRuns ?? []),
      {
        dagId: ids.dag,
        runId: ids.run,
        runType: "manual",
        state: "failed",
        logicalDate: "2026-11-24T02:00:00+00:00",
        startDate: "2026-11-24T02:00:05+00:00",
        endDate: "2026-11-24T02:09:40+00:00"
      }
    ],
    taskInstances: [
      ...(env.taskInstances ?? []),
      { dagId: ids.dag, runId: ids.run, taskId: ids.upstream, state: "success", tryNumber: 1 },
      { dagId: ids.dag, runId: ids.run, taskId: ids.task, state: "failed", tryNumber: 1 }
    ],
    xcoms: [...(env.xcoms ?? []), ...longXcoms(length)]
  }
}

/** The version matrix (2.10, 2.11, 3.0, 3.2, 3.3), each environment with the 250-character ids' XCom too. */
export const xcomMatrixSeed = (): FakeSeed => {
  const seed = versionMatrixSeed()
  return { ...seed, environments: seed.environments.map((e) => withLongIdsXcom(e, 250)) }
}
