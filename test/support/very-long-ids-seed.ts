import { dagFileKey, demoSeed, type FakeEnvironmentSeed, type FakeSeed, taskLogStreamName } from "../../src/adapters/fake-mwaa/index.js"

/**
 * The demo seed plus, in each environment, a DAG whose DAG, run and task ids are all `length`
 * characters (up to Airflow's 250), with a failed run (its id carries no date), its two task
 * instances, the failed task's CloudWatch log and the DAG's file in S3.
 */

const id = (prefix: string, length: number) => `${prefix}_${"x".repeat(length - prefix.length - 3)}_${length % 10}`

export const idsOf = (length: number) => ({
  dag: id("dag", length),
  // No date in the run ids: get-dag-run cannot narrow its lookup by date.
  run: id("rerun", length),
  task: id("task", length),
  upstream: id("up", length),
  newRun: id("manual_new", length)
})

export const seedWith = (length: number): FakeSeed => {
  const demo = demoSeed()
  return { ...demo, environments: demo.environments.map((env) => withLongIds(env, length)) }
}

/** One environment plus the DAG, run and task instances with `length`-character ids. */
export const withLongIds = (env: FakeEnvironmentSeed, length: number): FakeEnvironmentSeed => {
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
    logStreams: {
      ...(env.logStreams ?? {}),
      [taskLogStreamName({ dagId: ids.dag, runId: ids.run, taskId: ids.task, tryNumber: 1 })]: [
        { timestamp: Date.parse("2026-11-24T02:08:00Z"), message: "Reconciling" },
        "ValueError: the long ids failed"
      ]
    },
    dagFiles: { ...(env.dagFiles ?? {}), [dagFileKey(`${ids.dag}.py`)]: `from airflow import DAG\n# ${ids.dag}\n` }
  }
}
