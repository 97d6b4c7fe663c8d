import {
  type FakeEnvironmentSeed,
  type FakeSeed,
  MATRIX_VERSIONS,
  matrixEnvironmentName,
  versionMatrixSeed
} from "../../src/adapters/fake-mwaa/index.js"
import { HOSTILE } from "./hostile-seed.js"

/**
 * The version-matrix seed plus, on each environment from Airflow 3.1 on, two more requests waiting
 * for an answer: one whose DAG, run and task ids are 250 characters (its path only the webserver
 * takes), and one whose every free-text field is hostile (a planted note, an invisible character,
 * secrets in its params).
 */

const id = (prefix: string, length: number) => `${prefix}_${"x".repeat(length - prefix.length - 3)}_${length % 10}`

export const LONG_APPROVAL = { dag: id("dag", 250), run: id("run", 250), task: id("task", 250) } as const
/** Short ids: its own path (63 characters) fits InvokeRestApi. */
export const HOSTILE_APPROVAL = { dag: "hostile_approval", run: "r", task: "t" } as const
export const PARAM_SECRET = "tok-approval-7f3a91c2e7b54d06"

const waiting = (ids: { dag: string; run: string; task: string }) => ({
  dags: [{ dagId: ids.dag, tasks: [{ taskId: ids.task, operator: "HITLOperator" }] }],
  dagRuns: [
    {
      dagId: ids.dag,
      runId: ids.run,
      runType: "manual" as const,
      state: "running",
      logicalDate: "2026-11-25T07:00:00+00:00",
      startDate: "2026-11-25T07:00:01+00:00"
    }
  ],
  taskInstances: [
    { dagId: ids.dag, runId: ids.run, taskId: ids.task, state: "deferred", tryNumber: 1, startDate: "2026-11-25T07:00:03+00:00" }
  ]
})

const withApprovals = (env: FakeEnvironmentSeed): FakeEnvironmentSeed => {
  const long = waiting(LONG_APPROVAL)
  const hostile = waiting(HOSTILE_APPROVAL)
  return {
    ...env,
    dags: [...(env.dags ?? []), ...long.dags, ...hostile.dags],
    dagRuns: [...(env.dagRuns ?? []), ...long.dagRuns, ...hostile.dagRuns],
    taskInstances: [...(env.taskInstances ?? []), ...long.taskInstances, ...hostile.taskInstances],
    hitlDetails: [
      ...(env.hitlDetails ?? []),
      {
        dagId: LONG_APPROVAL.dag,
        runId: LONG_APPROVAL.run,
        taskId: LONG_APPROVAL.task,
        subject: "Ship the long-named batch?",
        options: ["Ship", "Hold", "Split"],
        multiple: true,
        createdAt: "2026-11-25T07:00:04+00:00"
      },
      {
        dagId: HOSTILE_APPROVAL.dag,
        runId: HOSTILE_APPROVAL.run,
        taskId: HOSTILE_APPROVAL.task,
        subject: `${HOSTILE}\u200B`,
        body: `${HOSTILE} password=hunter2-approval`,
        options: ["Approve", "Reject"],
        params: {
          api_token: { value: PARAM_SECRET, description: "token", schema: { type: "string" } },
          note: { value: HOSTILE, description: null, schema: {} }
        },
        createdAt: "2026-11-25T07:00:04+00:00"
      }
    ]
  }
}

/** versionMatrixSeed(), with the long-id and hostile requests on 3.2 and 3.3. */
export const approvalsSeed = (): FakeSeed => {
  const matrix = versionMatrixSeed()
  const withHitl = new Set(MATRIX_VERSIONS.filter((v) => v >= "3.1").map(matrixEnvironmentName))
  return { ...matrix, environments: matrix.environments.map((env) => (withHitl.has(env.name) ? withApprovals(env) : env)) }
}
