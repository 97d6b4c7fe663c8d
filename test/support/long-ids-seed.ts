import { dagFileKey, demoSeed, type FakeSeed, taskLogStreamName, versionMatrixSeed } from "../../src/adapters/fake-mwaa/index.js"

/**
 * The demo seed plus, in each environment, a DAG whose id AND task ids are 40 characters,
 * with a failed scheduled run: every direct Airflow path for its task instances and logs is
 * far over MWAA's 64 characters, so only the batch endpoints and CloudWatch can serve them.
 */
export const LONG_DAG = "warehouse_inventory_snapshot_reconcile_2"
export const LONG_TASK = "reconcile_inventory_snapshot_with_ledger"
export const LONG_UPSTREAM_TASK = "extract_inventory_snapshot_from_postgres"
export const LONG_RUN = "scheduled__2026-11-24T02:00:00+00:00"
export const LONG_TASK_ERROR = "ValueError: 1,204 SKUs differ between snapshot and ledger"

export const longIdsSeed = (): FakeSeed => withLongIds(demoSeed())

/** The version matrix (one environment per Airflow release MWAA offers), each with the 40-character DAG. */
export const longIdsMatrixSeed = (): FakeSeed => withLongIds(versionMatrixSeed())

/** Any seed with the 40-character DAG and its failed scheduled run added to every environment. */
export const withLongIds = (demo: FakeSeed): FakeSeed => {
  return {
    ...demo,
    environments: demo.environments.map((env) => ({
      ...env,
      dags: [
        ...(env.dags ?? []),
        {
          dagId: LONG_DAG,
          schedule: "0 2 * * *",
          owners: ["inventory"],
          tasks: [
            { taskId: LONG_UPSTREAM_TASK, operator: "SQLExecuteQueryOperator" },
            { taskId: LONG_TASK, operator: "PythonOperator", upstream: [LONG_UPSTREAM_TASK], retries: 1 }
          ]
        }
      ],
      dagRuns: [
        ...(env.dagRuns ?? []),
        {
          dagId: LONG_DAG,
          runId: LONG_RUN,
          runType: "scheduled",
          state: "failed",
          logicalDate: "2026-11-24T02:00:00+00:00",
          dataIntervalStart: "2026-11-23T02:00:00+00:00",
          dataIntervalEnd: "2026-11-24T02:00:00+00:00",
          startDate: "2026-11-24T02:00:05+00:00",
          endDate: "2026-11-24T02:09:40+00:00"
        }
      ],
      taskInstances: [
        ...(env.taskInstances ?? []),
        {
          dagId: LONG_DAG,
          runId: LONG_RUN,
          taskId: LONG_UPSTREAM_TASK,
          state: "success",
          tryNumber: 1,
          startDate: "2026-11-24T02:00:06+00:00",
          endDate: "2026-11-24T02:03:00+00:00"
        },
        {
          dagId: LONG_DAG,
          runId: LONG_RUN,
          taskId: LONG_TASK,
          state: "failed",
          tryNumber: 2,
          maxTries: 1,
          startDate: "2026-11-24T02:08:00+00:00",
          endDate: "2026-11-24T02:09:39+00:00",
          tries: [{ tryNumber: 1, state: "up_for_retry", startDate: "2026-11-24T02:03:05+00:00", endDate: "2026-11-24T02:03:50+00:00" }]
        }
      ],
      logStreams: {
        ...(env.logStreams ?? {}),
        [taskLogStreamName({ dagId: LONG_DAG, runId: LONG_RUN, taskId: LONG_TASK, tryNumber: 1 })]: [
          { timestamp: Date.parse("2026-11-24T02:03:05Z"), message: "Reconciling snapshot against ledger (try 1)" },
          "Traceback (most recent call last):",
          `  File "/usr/local/airflow/dags/${LONG_DAG}.py", line 31, in reconcile`,
          LONG_TASK_ERROR
        ],
        [taskLogStreamName({ dagId: LONG_DAG, runId: LONG_RUN, taskId: LONG_TASK, tryNumber: 2 })]: [
          { timestamp: Date.parse("2026-11-24T02:08:00Z"), message: "Reconciling snapshot against ledger (try 2)" },
          "Traceback (most recent call last):",
          `  File "/usr/local/airflow/dags/${LONG_DAG}.py", line 31, in reconcile`,
          LONG_TASK_ERROR
        ]
      },
      dagFiles: {
        ...(env.dagFiles ?? {}),
        [dagFileKey(`${LONG_DAG}.py`)]: `"""Nightly reconciliation of inventory snapshots."""\nfrom airflow import DAG\n# ${LONG_DAG}\n`
      }
    }))
  }
}
