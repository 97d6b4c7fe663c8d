/** The demo DAG files as they sit in S3 (dags/<file>), keyed by path below the DAGs folder. */
const CUSTOMER_ORDERS = `"""Daily aggregation of customer orders into reporting.daily_order_totals."""
from __future__ import annotations

import pendulum
from airflow import DAG
from airflow.operators.python import PythonOperator
from airflow.providers.common.sql.operators.sql import SQLExecuteQueryOperator
from airflow.providers.http.operators.http import HttpOperator

from common.orders import extract_orders_to_s3, stage_order_lines

AGGREGATE_SQL = """
INSERT INTO reporting.daily_order_totals (order_date, orders, gross_amount, discount_amount)
SELECT
    o.order_date,
    COUNT(DISTINCT o.order_id),
    SUM(ol.quantity * ol.unit_price),
    SUM(CASE WHEN ol.discount_code IS NOT NULL THEN ol.discount_amount ELSE 0 END)
FROM staging.order_lines ol
JOIN staging.orders o ON o.order_id = ol.order_id
WHERE o.order_date = '{{ ds }}'
GROUP BY o.order_date;
"""

with DAG(
    dag_id="customer_orders_daily_aggregation_v2_etl",
    description="Aggregates yesterday's customer orders for the finance dashboards",
    schedule="0 0 * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    default_args={"owner": "data-eng", "retries": 1, "retry_delay": pendulum.duration(minutes=2)},
    tags=["orders", "finance", "etl"],
) as dag:
    extract_orders = PythonOperator(task_id="extract_orders", python_callable=extract_orders_to_s3)
    stage = PythonOperator(task_id="stage_order_lines", python_callable=stage_order_lines)
    aggregate = SQLExecuteQueryOperator(
        task_id="aggregate_daily_totals", conn_id="postgres_warehouse", sql=AGGREGATE_SQL
    )
    load = SQLExecuteQueryOperator(
        task_id="load_to_reporting",
        conn_id="postgres_warehouse",
        sql="REFRESH MATERIALIZED VIEW reporting.finance_dashboard;",
    )
    notify = HttpOperator(
        task_id="notify_finance_channel",
        http_conn_id="http_slack",
        endpoint="",
        data='{"text": "Daily order totals for {{ ds }} are ready"}',
    )

    extract_orders >> stage >> aggregate >> load >> notify
`

const MARKETING_SPEND = `"""Pulls yesterday's ad spend per channel and merges it into the warehouse."""
from __future__ import annotations

import pendulum
from airflow.decorators import dag, task

CHANNELS = ["google_ads", "meta_ads", "linkedin_ads"]


@dag(
    schedule="0 2 * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    default_args={"owner": "marketing-analytics", "retries": 2},
    tags=["marketing"],
)
def marketing_spend_sync():
    @task
    def list_channels() -> list[str]:
        return CHANNELS

    @task
    def fetch_channel_spend(channel: str) -> dict:
        from common.ads import fetch_spend

        return fetch_spend(channel, day="{{ ds }}")

    @task
    def merge_spend(rows: list[dict]) -> int:
        from common.warehouse import upsert_spend

        return upsert_spend(rows)

    merge_spend(fetch_channel_spend.expand(channel=list_channels()))


marketing_spend_sync()
`

const FX_RATES = `"""Refreshes foreign exchange rates from the treasury API every morning."""
from __future__ import annotations

import pendulum
from airflow import DAG
from airflow.operators.python import PythonOperator

from common.fx import fetch_rates, publish_rates

with DAG(
    dag_id="fx_rates_refresh",
    schedule="15 6 * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    default_args={"owner": "treasury"},
    tags=["finance", "reference-data"],
) as dag:
    fetch = PythonOperator(
        task_id="fetch_rates",
        python_callable=fetch_rates,
        retries=2,
        retry_delay=pendulum.duration(minutes=2),
    )
    publish = PythonOperator(task_id="publish_rates", python_callable=publish_rates)
    fetch >> publish
`

const LEGACY_CRM = `"""DEPRECATED: nightly export to the old CRM. Paused since the migration to the new CRM."""
from __future__ import annotations

import pendulum
from airflow import DAG
from airflow.operators.bash import BashOperator

with DAG(
    dag_id="legacy_crm_export",
    schedule="30 1 * * *",
    start_date=pendulum.datetime(2025, 6, 1, tz="UTC"),
    catchup=False,
    default_args={"owner": "crm-team"},
    tags=["crm", "deprecated"],
) as dag:
    BashOperator(task_id="export_contacts", bash_command="python /usr/local/airflow/dags/scripts/crm_export.py")
`

const BROKEN_REPORT = `"""Weekly finance report (currently failing to import)."""
from __future__ import annotations

import pendulum
from airflow import DAG
from airflow.operators.python import PythonOperator

from plugins.reporting.formatters import render_weekly_summary

with DAG(
    dag_id="weekly_finance_report",
    schedule="0 7 * * MON",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    default_args={"owner": "finance-bi"},
    tags=["finance", "reports"],
) as dag:
    PythonOperator(task_id="render_report", python_callable=render_weekly_summary)
`

export const DEMO_SOURCES: Readonly<Record<string, string>> = {
  "customer_orders_daily_aggregation_v2_etl.py": CUSTOMER_ORDERS,
  "marketing/marketing_spend_sync.py": MARKETING_SPEND,
  "fx_rates_refresh.py": FX_RATES,
  "legacy/legacy_crm_export.py": LEGACY_CRM,
  "broken_report.py": BROKEN_REPORT
}

export const BROKEN_REPORT_TRACE = `Traceback (most recent call last):
  File "<frozen importlib._bootstrap>", line 488, in _call_with_frames_removed
  File "/usr/local/airflow/dags/broken_report.py", line 8, in <module>
    from plugins.reporting.formatters import render_weekly_summary
ModuleNotFoundError: No module named 'plugins.reporting'
`
