import type { FakeDagRunSeed, FakeHitlSeed, FakeTaskInstanceSeed } from "../seed-types.js"
import type { DemoDag } from "./dags.js"

/**
 * The demo's human-in-the-loop story, on Airflow 3.1 and later (HITL operators came in 3.1):
 * payouts are released only once finance approves the batch. Yesterday's batch was approved;
 * this morning's run waits in approve_payout_batch (deferred) for an answer.
 */
export const APPROVAL_DAG = "payout_release"
export const APPROVAL_TASK = "approve_payout_batch"
export const PENDING_APPROVAL_RUN = "scheduled__2026-11-25T08:00:00+00:00"
export const ANSWERED_APPROVAL_RUN = "scheduled__2026-11-24T08:00:00+00:00"

export const approvalDag: DemoDag = {
  dagId: APPROVAL_DAG,
  relativeFileloc: "finance/payout_release.py",
  description: "Releases the day's supplier payouts once finance approves the batch",
  owners: ["finance-ops"],
  tags: ["finance", "payouts", "approval"],
  isPaused: false,
  schedule: "0 8 * * *",
  timetableDescription: "At 08:00",
  lastParsedTime: "2026-11-25T09:29:42.204417+00:00",
  startDate: "2026-01-01T00:00:00+00:00",
  nextDagrun: "2026-11-26T08:00:00+00:00",
  nextDagrunDataIntervalStart: "2026-11-26T08:00:00+00:00",
  nextDagrunDataIntervalEnd: "2026-11-26T08:00:00+00:00",
  nextDagrunCreateAfter: "2026-11-26T08:00:00+00:00",
  tasks: [
    { taskId: "prepare_payout_batch", operator: "PythonOperator" },
    { taskId: APPROVAL_TASK, operator: "ApprovalOperator", upstream: ["prepare_payout_batch"] },
    { taskId: "release_payouts", operator: "PythonOperator", upstream: [APPROVAL_TASK] }
  ]
}

export const APPROVAL_SOURCE = `from airflow.sdk import DAG, task
from airflow.providers.standard.operators.hitl import ApprovalOperator
from airflow.sdk import Param

with DAG("payout_release", schedule="0 8 * * *", tags=["finance", "payouts", "approval"]):
    batch = task(task_id="prepare_payout_batch")(lambda: None)()
    approve = ApprovalOperator(
        task_id="approve_payout_batch",
        subject="Release the supplier payout batch of {{ ds }}?",
        body="{{ ti.xcom_pull('prepare_payout_batch') }}",
        defaults="Reject",
        params={"note": Param("", type="string", description="Why (kept with the run)")},
    )
    batch >> approve >> task(task_id="release_payouts")(lambda: None)()
`

const FINANCE = [
  { id: "maria.lopez", name: "Maria Lopez" },
  { id: "sam.okafor", name: "Sam Okafor" }
]

const NOTE_PARAM = { note: { value: "", description: "Why (kept with the run)", schema: { type: "string" } } }

const run = (runId: string, day: string, state: string, end: string | null): FakeDagRunSeed => ({
  dagId: APPROVAL_DAG,
  runId,
  runType: "scheduled",
  state,
  logicalDate: `${day}T08:00:00+00:00`,
  runAfter: `${day}T08:00:00+00:00`,
  queuedAt: `${day}T08:00:01.412+00:00`,
  startDate: `${day}T08:00:02.118+00:00`,
  endDate: end
})

const ti = (runId: string, taskId: string, state: string | null, start: string | null, end: string | null): FakeTaskInstanceSeed => ({
  dagId: APPROVAL_DAG,
  runId,
  taskId,
  state,
  tryNumber: state === null ? 0 : 1,
  startDate: start,
  endDate: end,
  hostname: state === null ? "" : "ip-10-0-12-34.ec2.internal"
})

export const approvalRuns = (): {
  readonly dagRuns: ReadonlyArray<FakeDagRunSeed>
  readonly taskInstances: ReadonlyArray<FakeTaskInstanceSeed>
  readonly hitlDetails: ReadonlyArray<FakeHitlSeed>
} => ({
  dagRuns: [
    run(ANSWERED_APPROVAL_RUN, "2026-11-24", "success", "2026-11-24T08:47:40.511+00:00"),
    run(PENDING_APPROVAL_RUN, "2026-11-25", "running", null)
  ],
  taskInstances: [
    ti(ANSWERED_APPROVAL_RUN, "prepare_payout_batch", "success", "2026-11-24T08:00:05.300+00:00", "2026-11-24T08:00:31.804+00:00"),
    ti(ANSWERED_APPROVAL_RUN, APPROVAL_TASK, "success", "2026-11-24T08:00:34.020+00:00", "2026-11-24T08:47:15.377+00:00"),
    ti(ANSWERED_APPROVAL_RUN, "release_payouts", "success", "2026-11-24T08:47:18.640+00:00", "2026-11-24T08:47:39.902+00:00"),
    ti(PENDING_APPROVAL_RUN, "prepare_payout_batch", "success", "2026-11-25T08:00:05.118+00:00", "2026-11-25T08:00:29.470+00:00"),
    ti(PENDING_APPROVAL_RUN, APPROVAL_TASK, "deferred", "2026-11-25T08:00:32.761+00:00", null),
    ti(PENDING_APPROVAL_RUN, "release_payouts", null, null, null)
  ],
  hitlDetails: [
    {
      dagId: APPROVAL_DAG,
      runId: ANSWERED_APPROVAL_RUN,
      taskId: APPROVAL_TASK,
      subject: "Release the supplier payout batch of 2026-11-24?",
      body: "214 payouts, EUR 1,182,450.20 in total; largest: Nordfrost GmbH, EUR 96,400.00.",
      options: ["Approve", "Reject"],
      defaults: ["Reject"],
      params: NOTE_PARAM,
      assignedUsers: FINANCE,
      createdAt: "2026-11-24T08:00:34.402+00:00",
      response: {
        by: FINANCE[0]!,
        at: "2026-11-24T08:47:12.930+00:00",
        chosenOptions: ["Approve"],
        paramsInput: { note: "Checked against the ERP export." }
      }
    },
    {
      dagId: APPROVAL_DAG,
      runId: PENDING_APPROVAL_RUN,
      taskId: APPROVAL_TASK,
      subject: "Release the supplier payout batch of 2026-11-25?",
      body: "198 payouts, EUR 1,046,912.75 in total; largest: Hafenlogistik AG, EUR 120,000.00 (new supplier).",
      options: ["Approve", "Reject"],
      defaults: ["Reject"],
      params: NOTE_PARAM,
      // No assignees: anyone who may edit the DAG may answer (Airflow checks assignees only when set).
      createdAt: "2026-11-25T08:00:33.118+00:00"
    }
  ]
})
