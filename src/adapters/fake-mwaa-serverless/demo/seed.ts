import type { SeedWorkflow, ServerlessSeed } from "../seed-types.js"
import { DEMO_DB_PASSWORD, payoutsRuns } from "./runs.js"

/**
 * The demo's MWAA Serverless: a nightly payouts workflow whose latest run failed (secrets in
 * the failed task's error message and XCom), and an hourly workflow with a run still going.
 * "Now" is the MWAA demo's (2026-11-25T09:30Z), so both fakes tell the same time.
 */
export const PAYOUTS_VERSIONS = { old: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", latest: "9f8e7d6c5b4a39281706f5e4d3c2b1a0" } as const

/** The latest definition: a task whose connection string was pasted with its password, as happens. */
const PAYOUTS_DEFINITION = [
  "payouts_nightly:",
  "  dag_id: payouts_nightly",
  '  schedule: "0 2 * * *"',
  "  tasks:",
  "    extract_ledger:",
  "      operator: airflow.providers.standard.operators.python.PythonOperator",
  "      python_callable_file: s3://demo-workflow-definitions/payouts/extract.py",
  "    transform_payouts:",
  "      operator: airflow.providers.standard.operators.python.PythonOperator",
  "      dependencies: [extract_ledger]",
  "    load_payouts:",
  "      operator: airflow.providers.common.sql.operators.sql.SQLExecuteQueryOperator",
  "      dependencies: [transform_payouts]",
  "      retries: 1",
  `      conn_uri: postgresql://payouts_writer:${DEMO_DB_PASSWORD}@payouts-db.demo.internal:5432/payouts`,
  "    reconcile_totals:",
  "      operator: airflow.providers.standard.operators.python.PythonOperator",
  "      dependencies: [load_payouts]",
  "    notify_finance:",
  "      operator: airflow.providers.standard.operators.python.PythonOperator",
  "      dependencies: [reconcile_totals]",
  ""
].join("\n")

const payouts: SeedWorkflow = {
  name: "payouts-nightly",
  arnSuffix: "Pq7Rs2Tu9W",
  description: "Nightly merchant payouts: ledger extract, transform, load and reconcile",
  roleName: "mwaa-serverless-payouts",
  logGroupName: "/aws/mwaa-serverless/payouts-nightly",
  status: "READY",
  createdAt: "2026-09-01T12:00:00Z",
  versions: [
    {
      version: PAYOUTS_VERSIONS.old,
      createdAt: "2026-09-01T12:00:00Z",
      definition: { bucket: "demo-workflow-definitions", objectKey: "payouts/payouts-nightly.yaml", versionId: "v1.demo" },
      cronExpression: "0 2 * * *",
      triggerMode: "SCHEDULE"
    },
    {
      version: PAYOUTS_VERSIONS.latest,
      createdAt: "2026-11-10T16:45:00Z",
      definition: { bucket: "demo-workflow-definitions", objectKey: "payouts/payouts-nightly.yaml", versionId: "v2.demo" },
      cronExpression: "0 2 * * *",
      triggerMode: "SCHEDULE",
      definitionYaml: PAYOUTS_DEFINITION
    }
  ],
  runs: payoutsRuns(PAYOUTS_VERSIONS)
}

export const EVENTS_VERSION = "5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b"
export const EVENTS_RUNNING_RUN = "scheduled-20261125T090000Z"

const events: SeedWorkflow = {
  name: "events-hourly",
  arnSuffix: "Ab3Cd4Ef5G",
  roleName: "mwaa-serverless-events",
  logGroupName: "/aws/mwaa-serverless/events-hourly",
  status: "READY",
  createdAt: "2026-10-01T08:00:00Z",
  versions: [
    {
      version: EVENTS_VERSION,
      createdAt: "2026-10-01T08:00:00Z",
      definition: { bucket: "demo-workflow-definitions", objectKey: "events/events-hourly.yaml" },
      cronExpression: "0 * * * *",
      triggerMode: "SCHEDULE"
    }
  ],
  runs: [
    {
      runId: "scheduled-20261125T080000Z",
      runType: "SCHEDULED",
      status: "SUCCESS",
      createdAt: "2026-11-25T08:00:00Z",
      startedAt: "2026-11-25T08:00:20Z",
      endedAt: "2026-11-25T08:06:00Z",
      tasks: [
        {
          taskInstanceId: "ingest-20261125T080000Z",
          taskId: "ingest",
          operatorName: "PythonOperator",
          status: "SUCCESS",
          attemptNumber: 1,
          startedAt: "2026-11-25T08:00:30Z",
          endedAt: "2026-11-25T08:05:50Z",
          logStream: "workflow.events-hourly.scheduled-20261125T080000Z.ingest.attempt-1"
        }
      ]
    },
    {
      runId: "scheduled-20261125T090000Z",
      runType: "SCHEDULED",
      status: "RUNNING",
      createdAt: "2026-11-25T09:00:00Z",
      startedAt: "2026-11-25T09:00:20Z",
      tasks: [
        {
          taskInstanceId: "ingest-20261125T090000Z",
          taskId: "ingest",
          operatorName: "PythonOperator",
          status: "RUNNING",
          attemptNumber: 1,
          startedAt: "2026-11-25T09:00:30Z",
          logStream: "workflow.events-hourly.scheduled-20261125T090000Z.ingest.attempt-1"
        }
      ]
    }
  ]
}

export const demoServerlessSeed = (): ServerlessSeed => ({ workflows: [payouts, events], now: "2026-11-25T09:30:00Z" })

/** No workflows: what a world answers where the account has none. */
export const emptyServerlessSeed = (now?: string): ServerlessSeed => ({ workflows: [], ...(now === undefined ? {} : { now }) })
