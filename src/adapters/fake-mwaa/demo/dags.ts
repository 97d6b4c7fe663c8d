import type { FakeDagSeed, FakeTaskSeed } from "../seed-types.js"

/** Demo DAGs always name their file and tasks. */
export type DemoDag = FakeDagSeed & { readonly relativeFileloc: string; readonly tasks: ReadonlyArray<FakeTaskSeed> }

/**
 * The demo DAGs. Airflow 2's cron timetable gives a run the interval before it
 * (logical date = interval start, one period before it runs); Airflow 3's default
 * CronTriggerTimetable gives logical date = run time. next_dagrun differs accordingly.
 */
export const ORDERS_DAG = "customer_orders_daily_aggregation_v2_etl"
export const SPEND_DAG = "marketing_spend_sync"
export const FX_DAG = "fx_rates_refresh"
export const CRM_DAG = "legacy_crm_export"
export const REPORT_DAG = "weekly_finance_report"

const next = (flavor: 2 | 3, runAt: string, logical2: string) =>
  flavor === 2
    ? { nextDagrun: logical2, nextDagrunDataIntervalStart: logical2, nextDagrunDataIntervalEnd: runAt, nextDagrunCreateAfter: runAt }
    : { nextDagrun: runAt, nextDagrunDataIntervalStart: runAt, nextDagrunDataIntervalEnd: runAt, nextDagrunCreateAfter: runAt }

export const demoDags = (flavor: 2 | 3): ReadonlyArray<DemoDag> => [
  {
    dagId: ORDERS_DAG,
    relativeFileloc: "customer_orders_daily_aggregation_v2_etl.py",
    description: "Aggregates yesterday's customer orders for the finance dashboards",
    owners: ["data-eng"],
    tags: ["orders", "finance", "etl"],
    isPaused: false,
    schedule: "0 0 * * *",
    timetableDescription: "At 00:00",
    lastParsedTime: "2026-11-25T09:29:41.532118+00:00",
    startDate: "2026-01-01T00:00:00+00:00",
    ...next(flavor, "2026-11-26T00:00:00+00:00", "2026-11-25T00:00:00+00:00"),
    tasks: [
      { taskId: "extract_orders", operator: "PythonOperator", retries: 1 },
      { taskId: "stage_order_lines", operator: "PythonOperator", upstream: ["extract_orders"], retries: 1 },
      { taskId: "aggregate_daily_totals", operator: "SQLExecuteQueryOperator", upstream: ["stage_order_lines"], retries: 1 },
      { taskId: "load_to_reporting", operator: "SQLExecuteQueryOperator", upstream: ["aggregate_daily_totals"], retries: 1 },
      { taskId: "notify_finance_channel", operator: "HttpOperator", upstream: ["load_to_reporting"], retries: 1 }
    ]
  },
  {
    dagId: SPEND_DAG,
    relativeFileloc: "marketing/marketing_spend_sync.py",
    description: null,
    owners: ["marketing-analytics"],
    tags: ["marketing"],
    isPaused: false,
    schedule: "0 2 * * *",
    timetableDescription: "At 02:00",
    lastParsedTime: "2026-11-25T09:29:38.004211+00:00",
    startDate: "2026-01-01T00:00:00+00:00",
    ...next(flavor, "2026-11-26T02:00:00+00:00", "2026-11-25T02:00:00+00:00"),
    tasks: [
      { taskId: "list_channels", operator: "_PythonDecoratedOperator", retries: 2 },
      { taskId: "fetch_channel_spend", operator: "_PythonDecoratedOperator", upstream: ["list_channels"], retries: 2 },
      { taskId: "merge_spend", operator: "_PythonDecoratedOperator", upstream: ["fetch_channel_spend"], retries: 2 }
    ]
  },
  {
    dagId: FX_DAG,
    relativeFileloc: "fx_rates_refresh.py",
    description: null,
    owners: ["treasury"],
    tags: ["finance", "reference-data"],
    isPaused: false,
    schedule: "15 6 * * *",
    timetableDescription: "At 06:15",
    lastParsedTime: "2026-11-25T09:29:40.118734+00:00",
    startDate: "2026-01-01T00:00:00+00:00",
    ...next(flavor, "2026-11-26T06:15:00+00:00", "2026-11-25T06:15:00+00:00"),
    tasks: [
      { taskId: "fetch_rates", operator: "PythonOperator", retries: 2 },
      { taskId: "publish_rates", operator: "PythonOperator", upstream: ["fetch_rates"] }
    ]
  },
  {
    dagId: CRM_DAG,
    relativeFileloc: "legacy/legacy_crm_export.py",
    description: "DEPRECATED: nightly export to the old CRM. Paused since the migration to the new CRM.",
    owners: ["crm-team"],
    tags: ["crm", "deprecated"],
    isPaused: true,
    schedule: "30 1 * * *",
    timetableDescription: "At 01:30",
    lastParsedTime: "2026-11-25T09:29:39.870455+00:00",
    startDate: "2025-06-01T00:00:00+00:00",
    ...next(flavor, "2026-10-02T01:30:00+00:00", "2026-10-01T01:30:00+00:00"),
    tasks: [{ taskId: "export_contacts", operator: "BashOperator" }]
  },
  {
    dagId: REPORT_DAG,
    relativeFileloc: "broken_report.py",
    description: null,
    owners: ["finance-bi"],
    tags: ["finance", "reports"],
    isPaused: false,
    hasImportErrors: true,
    schedule: "0 7 * * MON",
    timetableDescription: "At 07:00, only on Monday",
    lastParsedTime: "2026-11-20T16:02:11.909322+00:00",
    startDate: "2026-01-01T00:00:00+00:00",
    ...next(flavor, "2026-11-30T07:00:00+00:00", "2026-11-23T07:00:00+00:00"),
    tasks: [{ taskId: "render_report", operator: "PythonOperator" }]
  }
]
