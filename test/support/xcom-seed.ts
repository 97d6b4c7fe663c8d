import { type FakeEnvironmentSeed, type FakeSeed, type FakeXcomSeed, versionMatrixSeed } from "../../src/adapters/fake-mwaa/index.js"
import { idsOf, seedWith, withLongIds } from "./very-long-ids-seed.js"

/**
 * The very-long-ids seed with XCom on its long task instance, plus an Airflow 3.2 environment
 * ("demo-airflow-3-2", the 3.0 story at 3.2.1) where the `~` list with pattern filters serves.
 */
export const XCOM_ENVIRONMENT_32 = "demo-airflow-3-2"
/** Airflow 3.0: no `~` XCom list yet (the demo's own Airflow 3 runs 3.3). */
export const XCOM_ENVIRONMENT_30 = "demo-airflow-3-0"

/** The environments of xcomLongIdsSeed whose Airflow (3.1+) lists XCom by `~` with id patterns. */
export const XCOM_PATTERN_ENVIRONMENTS: ReadonlyArray<string> = ["demo-airflow-3", XCOM_ENVIRONMENT_32]
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
  const environments = [
    ...seed.environments,
    { ...v3, name: XCOM_ENVIRONMENT_32, airflowVersion: "3.2.1" },
    { ...v3, name: XCOM_ENVIRONMENT_30, airflowVersion: "3.0.6" }
  ]
  return { ...seed, environments: environments.map((e) => withLongXcoms(e, length)) }
}

/** An environment with the very-long-ids DAG of `length` added (its failed run, task instances, log and file) and its XCom. */
const withLongIdsXcom = (env: FakeEnvironmentSeed, length: number): FakeEnvironmentSeed => withLongXcoms(withLongIds(env, length), length)

/** The version matrix (2.10, 2.11, 3.0, 3.2, 3.3), each environment with the 250-character ids' XCom too. */
export const xcomMatrixSeed = (): FakeSeed => {
  const seed = versionMatrixSeed()
  return { ...seed, environments: seed.environments.map((e) => withLongIdsXcom(e, 250)) }
}
